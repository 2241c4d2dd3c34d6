/**
 * The AcroForm fields of a questionnaire PDF, and the mark that ties a
 * filled PDF back to its attachment. pdfkit writes text fields itself;
 * radio groups need appearance states (the circle, and its dot when on) so
 * that readers, and pdf-lib, know each button's value: they are written
 * here through pdfkit's low-level objects.
 *
 * TODO(questionnaires): text fields carry no appearance stream; readers
 * draw them (NeedAppearances) in the DejaVu subset pdfkit embedded, which
 * holds the characters printed in the PDF and those `keepFieldCharacters`
 * adds (Latin, French, Cyrillic); anything else (Greek, CJK) falls back to
 * the reader's fonts. pdf-lib, when asked to redraw fields, uses Helvetica,
 * which has no Cyrillic (tests save with `updateFieldAppearances: false`
 * for a Cyrillic party).
 */
import type { PdfDoc } from "../pdf/typeset";

/** The hidden field carrying the mark. */
export const MARK_FIELD = "pacta.form";
export const RESPONDENT_NAME_FIELD = "pacta.respondent.name";
export const RESPONDENT_EMAIL_FIELD = "pacta.respondent.email";
const MARK_PREFIX = "pacta-questionnaire/1";

/** The field that holds the answer to question `id`. */
export function answerField(questionId: string): string {
  return `answer.${questionId}`;
}

/** The value of a choice's radio button: its position, since option texts may not be names. */
export function optionState(index: number): string {
  return `o${index + 1}`;
}

export interface FormMark {
  questionnaireId: number;
  version: number;
  attachmentId: number;
  token: string;
}

export function writeMark(m: FormMark): string {
  return `${MARK_PREFIX};q=${m.questionnaireId};v=${m.version};a=${m.attachmentId};t=${m.token}`;
}

/** The mark a PDF carries, or null when the text is not one. */
export function readMark(text: string): FormMark | null {
  const [prefix, ...parts] = text.trim().split(";");
  if (prefix !== MARK_PREFIX) return null;
  const fields = new Map(parts.map((p) => p.split("=") as [string, string]));
  const n = (key: string) => {
    const v = Number(fields.get(key));
    return Number.isSafeInteger(v) && v > 0 ? v : null;
  };
  const q = n("q");
  const v = n("v");
  const a = n("a");
  const t = fields.get("t");
  if (q === null || v === null || a === null || !t || !/^[0-9a-f]{32}$/.test(t)) return null;
  return { questionnaireId: q, version: v, attachmentId: a, token: t };
}

interface Ref {
  data: Record<string, unknown>;
  end(chunk?: string): void;
}

/** The parts of pdfkit's document the fields reach past its public API. */
interface FormInternals {
  _root: { data: { AcroForm: { data: { Fields: Ref[] } } } };
  _font: { id: string; encode?: (text: string) => unknown };
  page: { annotations: Ref[] };
  ref(data: Record<string, unknown>): Ref;
  annotate(x: number, y: number, w: number, h: number, data: Record<string, unknown>): unknown;
}

function internals(doc: PdfDoc): FormInternals {
  return doc as unknown as FormInternals;
}

/** pdfkit writes a JS String object as a PDF string (UTF-16 when needed), a plain one as a name. */
function pdfString(text: string): string {
  return new String(text) as unknown as string;
}

/** What people type in French, English and Russian answers: kept in the embedded font. */
const FIELD_CHARACTERS = [
  String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i)),
  "àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ",
  "áíóúñãõß«»‘’“”–—…€£°§²",
  String.fromCharCode(...Array.from({ length: 64 }, (_, i) => 0x410 + i)),
  "Ёё№",
].join("");

/**
 * Puts the characters people type into the subset of the current font
 * (the fields' font) without printing them: pdfkit embeds only the glyphs
 * a PDF uses, and a reader drawing a typed "7" needs the glyph for it.
 */
export function keepFieldCharacters(doc: PdfDoc): void {
  const font = internals(doc)._font;
  if (typeof font.encode !== "function") throw new Error("pdfkit's font cannot encode text");
  font.encode(FIELD_CHARACTERS);
}

const BLACK = [0, 0, 0];
const BORDER = [0.45, 0.45, 0.45];
const FIELD_BG = [0.95, 0.97, 1];

export interface TextFieldOptions {
  value?: string;
  multiline?: boolean;
  /** Acrobat's date format for the keystroke and format actions ("dd/mm/yyyy"). */
  dateFormat?: string;
  maxLength?: number;
}

export function textField(
  doc: PdfDoc,
  name: string,
  box: { x: number; y: number; w: number; h: number },
  o: TextFieldOptions = {},
): void {
  const d = internals(doc);
  const field: Record<string, unknown> = {
    Subtype: "Widget",
    FT: "Tx",
    T: pdfString(name),
    F: 4,
    Ff: o.multiline ? 0x1000 : 0,
    DA: pdfString(`/${d._font.id} 10 Tf 0 g`),
    MK: { BC: BORDER, BG: FIELD_BG },
    color: BORDER,
  };
  if (o.value) field.V = pdfString(o.value);
  if (o.maxLength) field.MaxLen = o.maxLength;
  if (o.dateFormat) {
    const js = (fn: string) => ({ S: "JavaScript", JS: pdfString(`${fn}("${o.dateFormat}");`) });
    field.AA = { K: js("AFDate_KeystrokeEx"), F: js("AFDate_FormatEx") };
  }
  d.annotate(box.x, box.y, box.w, box.h, field);
  d._root.data.AcroForm.data.Fields.push(lastAnnotation(d));
}

/** The mark, in a read-only field no reader shows or prints. */
export function markField(doc: PdfDoc, mark: FormMark): void {
  const d = internals(doc);
  d.annotate(0, 0, 0, 0, {
    Subtype: "Widget",
    FT: "Tx",
    T: pdfString(MARK_FIELD),
    V: pdfString(writeMark(mark)),
    F: 2,
    Ff: 1,
    DA: pdfString(`/${d._font.id} 0 Tf 0 g`),
  });
  d._root.data.AcroForm.data.Fields.push(lastAnnotation(d));
}

export interface RadioButton {
  /** The value the group takes when this button is on. */
  state: string;
  x: number;
  y: number;
}

/** A group of round buttons of which one (or none) is on. */
export function radioGroup(doc: PdfDoc, name: string, buttons: RadioButton[], size: number): void {
  const d = internals(doc);
  // NoToggleToOff off: a second click clears the answer, as a person expects of a form.
  const parent = d.ref({ FT: "Btn", Ff: 0x8000, T: pdfString(name), Kids: [] });
  const off = appearance(d, size, false);
  const on = appearance(d, size, true);
  for (const b of buttons) {
    // The ring is also drawn on the page, so that it shows and prints in
    // readers that redraw buttons themselves (NeedAppearances) and draw none.
    doc.save().lineWidth(0.8).strokeColor("#737373");
    doc.circle(b.x + size / 2, b.y + size / 2, size / 2 - 0.5).stroke();
    doc.restore();
    d.annotate(b.x, b.y, size, size, {
      Subtype: "Widget",
      F: 4,
      Parent: parent,
      AS: "Off",
      AP: { N: { [b.state]: on, Off: off } },
      MK: { BC: BORDER },
      color: BLACK,
    });
    (parent.data.Kids as Ref[]).push(lastAnnotation(d));
  }
  d._root.data.AcroForm.data.Fields.push(parent);
}

function lastAnnotation(d: FormInternals): Ref {
  const ref = d.page.annotations.at(-1);
  if (!ref) throw new Error("pdfkit added no annotation for a form field");
  return ref;
}

/** A circle (and its dot when on) drawn in a `size` square, as a form XObject. */
function appearance(d: FormInternals, size: number, on: boolean): Ref {
  const c = size / 2;
  const ring = circle(c, c - 0.5);
  const dot = on ? `0 g ${circle(c, size * 0.22)} f ` : "";
  const ref = d.ref({ Type: "XObject", Subtype: "Form", BBox: [0, 0, size, size] });
  ref.end(`q 1 g ${ring} f 0.45 G 0.8 w ${ring} S ${dot}Q`);
  return ref;
}

/** A closed circle path from four Bézier arcs. */
function circle(c: number, r: number): string {
  const k = r * 0.5523;
  const f = (n: number) => n.toFixed(2);
  return [
    `${f(c + r)} ${f(c)} m`,
    `${f(c + r)} ${f(c + k)} ${f(c + k)} ${f(c + r)} ${f(c)} ${f(c + r)} c`,
    `${f(c - k)} ${f(c + r)} ${f(c - r)} ${f(c + k)} ${f(c - r)} ${f(c)} c`,
    `${f(c - r)} ${f(c - k)} ${f(c - k)} ${f(c - r)} ${f(c)} ${f(c - r)} c`,
    `${f(c + k)} ${f(c - r)} ${f(c + r)} ${f(c - k)} ${f(c + r)} ${f(c)} c h`,
  ].join(" ");
}
