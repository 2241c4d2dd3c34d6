/**
 * A questionnaire as a fillable PDF for one attachment: the questions as
 * text (so that it reads and prints like a letter, and `pdftotext` finds
 * them), a form field per answer, and a hidden mark naming the
 * questionnaire, its version and the attachment, so that the filled PDF is
 * matched to the right attachment on import. DejaVu Sans is embedded for
 * French and Cyrillic.
 */
import PDFDocument from "pdfkit";
import type { Question } from "../../shared/domain/questionnaires";
import { createLogger } from "../logging/logger";
import { loadFonts } from "../pdf/fonts";
import { CONTENT_WIDTH, GREY, PAGE } from "../pdf/page";
import type { PdfDoc } from "../pdf/typeset";
import {
  answerField,
  type FormMark,
  keepFieldCharacters,
  markField,
  optionState,
  RESPONDENT_EMAIL_FIELD,
  RESPONDENT_NAME_FIELD,
  radioGroup,
  textField,
} from "./form-fields";
import { FORM_WORDS, type FormWords } from "./pdf-words";

const log = createLogger("questionnaires");

export interface FormPdfInput {
  mark: FormMark;
  title: string;
  language: "fr" | "en";
  intro: string;
  questions: Question[];
  contract: { title: string; reference: string | null };
  party: { name: string; email: string | null };
  author: string;
  now?: Date;
}

const LEFT = PAGE.margin.left;
const BOTTOM = PAGE.height - PAGE.margin.bottom;
const RADIO = 11;
const BODY = 10;

export async function renderFormPdf(
  input: FormPdfInput,
): Promise<{ bytes: Buffer; pages: number }> {
  const w = FORM_WORDS[input.language];
  const mark = input.mark;
  const now = input.now ?? new Date();
  const doc: PdfDoc = new PDFDocument({
    size: "A4",
    margins: PAGE.margin,
    bufferPages: true,
    lang: input.language === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: input.title,
      Author: input.author,
      Subject: `${w.kind}: ${input.contract.title} — ${input.party.name}`,
      Keywords: `pacta questionnaire ${mark.questionnaireId} attachment ${mark.attachmentId}`,
      Creator: "Pacta",
      CreationDate: now,
      ModDate: now,
    },
  });
  const fonts = loadFonts();
  doc.registerFont("regular", fonts.parsed.regular as unknown as Buffer);
  doc.registerFont("bold", fonts.parsed.bold as unknown as Buffer);
  const bytes = collect(doc);
  doc.font("regular").fontSize(BODY);
  doc.initForm();
  keepFieldCharacters(doc);
  header(doc, input, w);
  input.questions.forEach((q, i) => {
    question(doc, q, i, w);
  });
  markField(doc, mark);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor(GREY);
    const footer = w.footer(mark.questionnaireId, mark.version, mark.attachmentId);
    const text = `${footer} · ${w.page(i + 1, range.count)}`;
    doc.text(text, LEFT, PAGE.footerTop, { width: CONTENT_WIDTH, lineBreak: false });
  }
  doc.end();
  const result = { bytes: await bytes, pages: range.count };
  log.info({ attachmentId: input.mark.attachmentId, pages: result.pages }, "questionnaire PDF");
  return result;
}

function header(doc: PdfDoc, input: FormPdfInput, w: FormWords): void {
  doc.fillColor(GREY).font("regular").fontSize(11).text(w.kind, LEFT, PAGE.margin.top);
  doc.moveDown(0.2).fillColor("black").font("bold").fontSize(18);
  doc.text(input.title, { width: CONTENT_WIDTH });
  doc.moveDown(0.5).font("regular").fontSize(BODY);
  const c = input.contract;
  line(doc, `${w.contract} : ${c.reference ? `${c.reference} — ` : ""}${c.title}`, w);
  const p = input.party;
  line(doc, `${w.party} : ${p.name}${p.email ? ` <${p.email}>` : ""}`, w);
  if (input.intro) {
    doc.moveDown(0.6);
    doc.text(input.intro, { width: CONTENT_WIDTH });
  }
  doc.moveDown(0.6).fillColor(GREY).fontSize(9);
  doc.text(`${w.instructions} ${w.requiredNote}`, { width: CONTENT_WIDTH });
  doc.fillColor("black").fontSize(BODY).moveDown(0.8);
  const half = (CONTENT_WIDTH - 20) / 2;
  const top = doc.y;
  doc.text(w.respondentName, LEFT, top);
  doc.text(w.respondentEmail, LEFT + half + 20, top);
  const fieldTop = top + 14;
  textField(
    doc,
    RESPONDENT_NAME_FIELD,
    { x: LEFT, y: fieldTop, w: half, h: 18 },
    {
      value: p.name,
      maxLength: 300,
    },
  );
  textField(
    doc,
    RESPONDENT_EMAIL_FIELD,
    { x: LEFT + half + 20, y: fieldTop, w: half, h: 18 },
    {
      value: p.email ?? "",
      maxLength: 300,
    },
  );
  doc.x = LEFT;
  doc.y = fieldTop + 32;
}

function line(doc: PdfDoc, text: string, w: FormWords): void {
  // French puts a (thin) space before the colon, English does not.
  doc.text(w === FORM_WORDS.en ? text.replace(" :", ":") : text, { width: CONTENT_WIDTH });
}

/** The height the question's answer area takes below its text. */
function answerHeight(q: Question): number {
  switch (q.kind) {
    case "text":
      return 58;
    case "date":
      return 24;
    case "scale":
      return 34;
    case "yesno":
      return 22;
    case "choice":
      return q.options.length * 17 + 4;
  }
}

function question(doc: PdfDoc, q: Question, index: number, w: FormWords): void {
  const label = `${index + 1}. ${q.text}${q.required ? " *" : ""}`;
  doc.font("bold").fontSize(BODY);
  const textHeight = doc.heightOfString(label, { width: CONTENT_WIDTH });
  if (doc.y + textHeight + answerHeight(q) + 14 > BOTTOM) {
    doc.addPage();
    doc.y = PAGE.margin.top;
  }
  doc.fillColor("black").text(label, LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.font("regular").fontSize(BODY);
  const top = doc.y + 5;
  const name = answerField(q.id);
  switch (q.kind) {
    case "text":
      textField(
        doc,
        name,
        { x: LEFT, y: top, w: CONTENT_WIDTH, h: 50 },
        {
          multiline: true,
          maxLength: 5000,
        },
      );
      break;
    case "date":
      textField(doc, name, { x: LEFT, y: top, w: 110, h: 18 }, { dateFormat: w.dateFormat });
      doc
        .fillColor(GREY)
        .text(`(${w.dateHint})`, LEFT + 118, top + 4)
        .fillColor("black");
      break;
    case "scale": {
      const step = 56;
      radioGroup(
        doc,
        name,
        [1, 2, 3, 4, 5].map((n, i) => ({ state: String(n), x: LEFT + i * step, y: top })),
        RADIO,
      );
      [1, 2, 3, 4, 5].forEach((n, i) => {
        doc.text(String(n), LEFT + i * step + RADIO + 5, top + 1, { lineBreak: false });
      });
      doc.fillColor(GREY).fontSize(8.5);
      doc.text(`${w.scaleLow} · ${w.scaleHigh}`, LEFT, top + 18, { lineBreak: false });
      doc.fillColor("black").fontSize(BODY);
      break;
    }
    case "yesno":
      radioGroup(
        doc,
        name,
        [
          { state: "yes", x: LEFT, y: top },
          { state: "no", x: LEFT + 80, y: top },
        ],
        RADIO,
      );
      doc.text(w.yes, LEFT + RADIO + 5, top + 1, { lineBreak: false });
      doc.text(w.no, LEFT + 80 + RADIO + 5, top + 1, { lineBreak: false });
      break;
    case "choice":
      radioGroup(
        doc,
        name,
        q.options.map((_, i) => ({ state: optionState(i), x: LEFT, y: top + i * 17 })),
        RADIO,
      );
      q.options.forEach((o, i) => {
        doc.text(o, LEFT + RADIO + 6, top + i * 17 + 1, {
          width: CONTENT_WIDTH - RADIO - 6,
          lineBreak: false,
          ellipsis: true,
        });
      });
      break;
  }
  doc.x = LEFT;
  doc.y = top + answerHeight(q) + 10;
}

function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}
