/**
 * Reads a filled questionnaire PDF with pdf-lib: the hidden mark, the
 * respondent's name and email, and the value of every answer field, as
 * text. Refuses what is not a PDF, too big, encrypted, damaged or not one
 * of ours, each with a code and words that say so.
 */
import {
  EncryptedPDFError,
  PDFCheckBox,
  PDFDocument,
  PDFDropdown,
  type PDFField,
  PDFOptionList,
  PDFRadioGroup,
  PDFTextField,
} from "pdf-lib";
import {
  type AnswerProblem,
  type AnswerProblemCode,
  PDF_MAX_BYTES,
} from "../../shared/domain/questionnaires";
import {
  type FormMark,
  MARK_FIELD,
  RESPONDENT_EMAIL_FIELD,
  RESPONDENT_NAME_FIELD,
  readMark,
} from "./form-fields";

const ANSWER_PREFIX = "answer.";

export interface FilledPdf {
  mark: FormMark;
  respondentName: string | null;
  respondentEmail: string | null;
  /** Question id → the field's value as text (a radio group's state name); null when empty. */
  fields: Map<string, string | null>;
}

export type ReadPdf = { ok: true; pdf: FilledPdf } | { ok: false; problem: AnswerProblem };

export function fileProblem(
  code: AnswerProblemCode,
  message: string,
  found?: string,
): AnswerProblem {
  return { code, questionId: null, question: null, found: found ?? null, message };
}

export async function readFilledPdf(fileName: string, bytes: Uint8Array): Promise<ReadPdf> {
  const fail = (code: AnswerProblemCode, message: string, found?: string): ReadPdf => ({
    ok: false,
    problem: fileProblem(code, `${fileName}: ${message}`, found),
  });
  if (bytes.length > PDF_MAX_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return fail("too_big", `${mb(bytes.length)}, more than the ${mb(PDF_MAX_BYTES)} allowed`);
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (!head.includes("%PDF-")) return fail("not_a_pdf", "this file is not a PDF");
  const encrypted = () =>
    fail("encrypted", "the PDF is encrypted (password-protected); save it without a password");
  // The trailer names an /Encrypt dictionary: pdf-lib would fail on its streams first.
  if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(Buffer.from(bytes).toString("latin1"))) {
    return encrypted();
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if (error instanceof EncryptedPDFError) {
      return fail(
        "encrypted",
        "the PDF is encrypted (password-protected); save it without a password",
      );
    }
    const why = error instanceof Error ? error.message : String(error);
    return fail("damaged", `the PDF cannot be read (${why.slice(0, 200)})`);
  }
  let fields: PDFField[];
  try {
    fields = doc.getForm().getFields();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail("damaged", `the PDF's form cannot be read (${why.slice(0, 200)})`);
  }
  const byName = new Map(fields.map((f) => [f.getName(), f]));
  const markField = byName.get(MARK_FIELD);
  const mark = markField instanceof PDFTextField ? readMark(markField.getText() ?? "") : null;
  if (!mark) {
    return fail(
      "not_ours",
      "this PDF is not a Pacta questionnaire (its hidden Pacta mark is missing; was it " +
        "printed to PDF or flattened?)",
    );
  }
  const answers = new Map<string, string | null>();
  for (const [name, field] of byName) {
    if (!name.startsWith(ANSWER_PREFIX)) continue;
    answers.set(name.slice(ANSWER_PREFIX.length), fieldValue(field));
  }
  return {
    ok: true,
    pdf: {
      mark,
      respondentName: textOf(byName.get(RESPONDENT_NAME_FIELD)),
      respondentEmail: textOf(byName.get(RESPONDENT_EMAIL_FIELD)),
      fields: answers,
    },
  };
}

function textOf(field: PDFField | undefined): string | null {
  return field instanceof PDFTextField ? field.getText()?.trim() || null : null;
}

/** A field's value as text, whatever kind of field a reader or a tool left. */
function fieldValue(field: PDFField): string | null {
  if (field instanceof PDFTextField) return field.getText()?.trim() || null;
  if (field instanceof PDFRadioGroup) {
    const v = field.getSelected();
    return v && v !== "Off" ? v : null;
  }
  if (field instanceof PDFDropdown || field instanceof PDFOptionList) {
    return field.getSelected()[0] ?? null;
  }
  if (field instanceof PDFCheckBox) return field.isChecked() ? "yes" : null;
  return null;
}
