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
  PDFHexString,
  PDFOptionList,
  PDFRadioGroup,
  PDFString,
  PDFTextField,
} from "pdf-lib";
import {
  ANSWER_MAX_LENGTH,
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
  /** Question ids whose stored value is too long to be an answer; left out of `fields`. */
  tooLong: Set<string>;
}

/**
 * The most bytes a text field's value may hold before it is read: UTF-16 takes
 * at most 4 bytes a character, plus its 2-byte mark. A longer value is refused
 * unread (pdf-lib's decoding overflows the stack on very long strings).
 */
const TEXT_MAX_BYTES = ANSWER_MAX_LENGTH * 4 + 2;

/** A text field's value, or "too long" judged on its raw bytes without decoding them. */
function fieldText(field: PDFTextField): string | null | typeof TOO_LONG {
  const raw = field.acroField.V();
  if (raw instanceof PDFHexString || raw instanceof PDFString) {
    if (raw.asBytes().length > TEXT_MAX_BYTES) return TOO_LONG;
  }
  return field.getText()?.trim() || null;
}

const TOO_LONG = Symbol("too long");

export type ReadPdf = { ok: true; pdf: FilledPdf } | { ok: false; problem: AnswerProblem };

export function fileProblem(
  code: AnswerProblemCode,
  message: string,
  found?: string,
): AnswerProblem {
  return { code, questionId: null, question: null, found: found ?? null, message };
}

/** The problem of a file over PDF_MAX_BYTES, its size and the limit in words. */
export function tooBig(fileName: string, size: number): AnswerProblem {
  const mb = (n: number) => `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  return fileProblem(
    "too_big",
    `${fileName}: ${mb(size)} (${size} bytes), more than the ${mb(PDF_MAX_BYTES)} ` +
      "a questionnaire PDF may have",
  );
}

export async function readFilledPdf(fileName: string, bytes: Uint8Array): Promise<ReadPdf> {
  const fail = (code: AnswerProblemCode, message: string, found?: string): ReadPdf => ({
    ok: false,
    problem: fileProblem(code, `${fileName}: ${message}`, found),
  });
  if (bytes.length > PDF_MAX_BYTES) return { ok: false, problem: tooBig(fileName, bytes.length) };
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
  const markText = markField instanceof PDFTextField ? fieldText(markField) : null;
  const mark = typeof markText === "string" ? readMark(markText) : null;
  if (!mark) {
    return fail(
      "not_ours",
      "this PDF is not a Pacta questionnaire (its hidden Pacta mark is missing; was it " +
        "printed to PDF or flattened?)",
    );
  }
  const answers = new Map<string, string | null>();
  const tooLong = new Set<string>();
  for (const [name, field] of byName) {
    if (!name.startsWith(ANSWER_PREFIX)) continue;
    const value = fieldValue(field);
    if (value === TOO_LONG) tooLong.add(name.slice(ANSWER_PREFIX.length));
    else answers.set(name.slice(ANSWER_PREFIX.length), value);
  }
  const respondentName = textOf(byName.get(RESPONDENT_NAME_FIELD));
  const respondentEmail = textOf(byName.get(RESPONDENT_EMAIL_FIELD));
  if (respondentName === TOO_LONG || respondentEmail === TOO_LONG) {
    return fail(
      "text_too_long",
      `the respondent's name or email is more than ${ANSWER_MAX_LENGTH} characters`,
    );
  }
  return { ok: true, pdf: { mark, respondentName, respondentEmail, fields: answers, tooLong } };
}

function textOf(field: PDFField | undefined): string | null | typeof TOO_LONG {
  return field instanceof PDFTextField ? fieldText(field) : null;
}

// TODO(questionnaires): dropdown and list values and field names are decoded by pdf-lib
// unchecked; a third-party tool could make them long enough to overflow its decoder too.
/** A field's value as text, whatever kind of field a reader or a tool left. */
function fieldValue(field: PDFField): string | null | typeof TOO_LONG {
  if (field instanceof PDFTextField) return fieldText(field);
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
