/**
 * A contract as a PDF: title page, numbered sections, page numbers and a
 * signature block per signatory, with embedded DejaVu fonts.
 */
import PDFDocument from "pdfkit";
import { localToday } from "../../shared/domain/calendar-date";
import type { Contract } from "../../shared/domain/contract";
import type { ContractDocument, RenderedSection } from "../../shared/domain/templates";
import { createLogger } from "../logging/logger";
import {
  dataSections,
  type FieldRow,
  keyDateRows,
  labelled,
  partyDetails,
  partyHeadline,
  termRows,
} from "./contract-data";
import { type FlowBox, placeBoxes } from "./flow";
import { FONT_FACES, loadFonts } from "./fonts";
import { parseBlocks } from "./html-blocks";
import { CONTENT_WIDTH, GREY, PAGE, TYPE } from "./page";
import { signatureBoxes } from "./signatures";
import { lineHeight, type PdfDoc, plain, Typesetter } from "./typeset";
import { formatDate, type PdfLanguage, WORDS } from "./words";

const log = createLogger("pdf");

export interface ContractPdfInput {
  contract: Contract;
  /** The contract's text; without one, the PDF sets out the contract's data. */
  document: ContractDocument | null;
  language: "fr" | "en";
  /** Written into the PDF's metadata. */
  author: string;
  /** The moment printed on the title page; defaults to now. */
  now?: Date;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** Input the renderer cannot use; the message says what and where. */
export class PdfInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PdfInputError";
  }
}

const LABEL_WIDTH = 150;

function check(input: ContractPdfInput): Date {
  const c = input.contract;
  const where = `contract #${c?.id ?? "?"}`;
  if (!c || typeof c.title !== "string" || c.title.trim() === "") {
    throw new PdfInputError(`${where} has no title to print`);
  }
  if (input.language !== "fr" && input.language !== "en") {
    throw new PdfInputError(
      `${where}: PDF language must be fr or en, not ${String(input.language)}`,
    );
  }
  const now = input.now ?? new Date();
  if (Number.isNaN(now.getTime()))
    throw new PdfInputError(`${where}: the print date is not a date`);
  const d = input.document;
  if (d) {
    if (d.contractId !== c.id) {
      throw new PdfInputError(`${where}: the document given belongs to contract #${d.contractId}`);
    }
    d.sections.forEach((s, i) => {
      if (typeof s.title !== "string" || s.title.trim() === "") {
        throw new PdfInputError(`${where}, section ${i + 1}: the section has no title`);
      }
      if (typeof s.body !== "string") {
        throw new PdfInputError(`${where}, section ${i + 1} (${s.title}): the body is not text`);
      }
    });
  }
  return now;
}

/** "Article 3. Objet", "4.2 Prix", "IV. Durée" carry their own number. */
const SELF_NUMBERED = new RegExp(
  [
    // "Article 3", "Section 2.1 –", "Chapitre IV"
    /^(?:article|art\.|section|clause|chapitre|chapter)\s+(?:\d+(?:\.\d+)*|[IVXLC]+)\b/.source,
    // "3. Prix", "4.2 Prix", "12) Durée" (not "2024 : budget")
    /^\d{1,3}(?:\.\d{1,3})*(?:[.)]|\s)/.source,
    // "IV. Durée", "II) Prix" (not "CV du consultant")
    /^[IVXLC]+[.)]\s/.source,
  ].join("|"),
  "i",
);

export function sectionHeading(title: string, index: number): string {
  const t = title.trim();
  return SELF_NUMBERED.test(t) ? t : `${index + 1}. ${t}`;
}

function fieldRowBoxes(t: Typesetter, rows: readonly FieldRow[], language: PdfLanguage): FlowBox[] {
  const look = { size: TYPE.body };
  const valueWidth = CONTENT_WIDTH - LABEL_WIDTH;
  return rows.map((row) => {
    const label = t.lines(plain(labelled(row.label, language)), LABEL_WIDTH - 10, look);
    const value = t.lines(plain(row.value), valueWidth, look);
    const h = lineHeight(TYPE.body);
    return {
      height: Math.max(label.length, value.length) * h,
      label: `the title page row ${row.label}`,
      draw: (top: number) => {
        label.forEach((l, i) => {
          t.drawLine(l, PAGE.margin.left, top + i * h, { ...look, color: GREY });
        });
        value.forEach((l, i) => {
          t.drawLine(l, PAGE.margin.left + LABEL_WIDTH, top + i * h, look);
        });
      },
    };
  });
}

/** A bold heading kept with what follows; `outline` also bookmarks it. */
function heading(t: Typesetter, text: string, before: number, outline = false): FlowBox[] {
  const look = { size: TYPE.section, bold: true };
  const lines = t
    .textBoxes(plain(text, { bold: true }), PAGE.margin.left, CONTENT_WIDTH, look, {
      keepLastWithNext: 2,
    })
    .map((b) => ({ ...b, keepWithNext: Math.max(b.keepWithNext ?? 0, 1) }));
  const [first, ...rest] = lines;
  const marked = first && outline ? [t.bookmarked(first, text), ...rest] : lines;
  return [{ height: before, gap: true }, ...marked, { height: 6, gap: true }];
}

function titlePage(t: Typesetter, input: ContractPdfInput, now: Date): FlowBox[] {
  const c = input.contract;
  const lang = input.language;
  const w = WORDS[lang];
  const left = PAGE.margin.left;
  const boxes: FlowBox[] = [
    ...t.textBoxes(plain(c.type ?? w.contract), left, CONTENT_WIDTH, {
      size: TYPE.subtitle,
      color: GREY,
    }),
    { height: 6, gap: true },
    ...t.textBoxes(plain(c.title, { bold: true }), left, CONTENT_WIDTH, {
      size: TYPE.title,
      bold: true,
    }),
  ];
  if (c.reference) {
    boxes.push({ height: 4, gap: true });
    boxes.push(
      ...t.textBoxes(plain(`${labelled(w.reference, lang)} ${c.reference}`), left, CONTENT_WIDTH, {
        size: TYPE.subtitle,
      }),
    );
  }
  boxes.push(t.rule(28));
  boxes.push(...heading(t, w.parties, 0));
  if (c.parties.length === 0) {
    boxes.push(...t.textBoxes(plain(w.noParties), left, CONTENT_WIDTH, { size: TYPE.body }));
  }
  for (const p of c.parties) {
    const head = t.textBoxes(plain(partyHeadline(p, lang), { bold: true }), left, CONTENT_WIDTH, {
      size: TYPE.body,
      bold: true,
    });
    const details = partyDetails(p, lang);
    const rest = details
      ? t.textBoxes(plain(details), left + 12, CONTENT_WIDTH - 12, { size: TYPE.body, color: GREY })
      : [];
    boxes.push(...head.map((b) => ({ ...b, keepWithNext: rest.length > 0 ? 1 : 0 })), ...rest);
    boxes.push({ height: 5, gap: true });
  }
  const dates = keyDateRows(c, lang);
  if (dates.length > 0) {
    boxes.push(...heading(t, w.keyDates, 14), ...fieldRowBoxes(t, dates, lang));
  }
  const terms = termRows(
    c,
    lang,
    input.document
      ? { name: input.document.templateName, version: input.document.templateVersion }
      : null,
  );
  if (terms.length > 0) boxes.push({ height: 14, gap: true }, ...fieldRowBoxes(t, terms, lang));
  boxes.push(t.rule(28));
  boxes.push(
    ...t.textBoxes(plain(w.generatedOn(formatDate(localToday(now), lang))), left, CONTENT_WIDTH, {
      size: TYPE.small,
      color: GREY,
    }),
  );
  boxes.push({ height: 0, pageBreak: true });
  return boxes;
}

function sectionBoxes(t: Typesetter, sections: readonly RenderedSection[]): FlowBox[] {
  const boxes: FlowBox[] = [];
  sections.forEach((s, i) => {
    boxes.push(...heading(t, sectionHeading(s.title, i), i === 0 ? 0 : 12, true));
    for (const block of parseBlocks(s.body)) boxes.push(...t.blockBoxes(block));
  });
  return boxes;
}

function pageFurniture(doc: PdfDoc, t: Typesetter, input: ContractPdfInput, pages: number): void {
  const c = input.contract;
  const w = WORDS[input.language];
  const size = TYPE.small;
  const header = t.truncate(
    c.reference ? `${c.title} — ${c.reference}` : c.title,
    CONTENT_WIDTH,
    size,
  );
  for (let i = 0; i < pages; i += 1) {
    doc.switchToPage(i);
    doc.fillColor(GREY).font("regular").fontSize(size);
    if (i > 0) doc.text(header, PAGE.margin.left, PAGE.headerTop, { lineBreak: false });
    const label = w.page(i + 1, pages);
    const x = (PAGE.width - doc.widthOfString(label)) / 2;
    doc.text(label, x, PAGE.footerTop, { lineBreak: false });
  }
}

function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

export async function renderContractPdf(input: ContractPdfInput): Promise<RenderedPdf> {
  const now = check(input);
  const started = performance.now();
  const c = input.contract;
  const w = WORDS[input.language];
  const fonts = loadFonts();
  const doc: PdfDoc = new PDFDocument({
    size: "A4",
    margins: PAGE.margin,
    bufferPages: true,
    autoFirstPage: false,
    lang: input.language === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: c.title,
      Author: input.author,
      Subject: w.subject(c.type, c.reference),
      Keywords: c.tags.join(", "),
      Creator: "Pacta",
      CreationDate: now,
      ModDate: now,
    },
  });
  for (const face of FONT_FACES) {
    // pdfkit 0.20 takes parsed fontkit fonts (CHANGELOG: "Accept already-parsed
    // fontkit Font instances"); its type definitions still list files only.
    doc.registerFont(face, fonts.parsed[face] as unknown as Buffer);
  }
  const bytes = collect(doc);
  const t = new Typesetter(doc);
  // A document emptied of every section says no more than the contract's data.
  const text = input.document?.sections ?? [];
  const sections = text.length > 0 ? text : dataSections(c, input.language);
  const boxes = [
    ...titlePage(t, input, now),
    ...sectionBoxes(t, sections),
    ...signatureBoxes(t, c.parties, input.language),
  ];
  const placed = placeBoxes(boxes);
  let pages = 0;
  for (const p of placed) {
    while (pages <= p.page) {
      doc.addPage({ size: "A4", margins: PAGE.margin });
      pages += 1;
    }
    p.box.draw?.(p.top);
  }
  if (pages === 0) {
    doc.addPage({ size: "A4", margins: PAGE.margin });
    pages = 1;
  }
  pageFurniture(doc, t, input, pages);
  doc.end();
  const result = { bytes: await bytes, pages };
  log.info(
    {
      contractId: c.id,
      pages,
      bytes: result.bytes.length,
      ms: Math.round(performance.now() - started),
    },
    "contract PDF rendered",
  );
  return result;
}
