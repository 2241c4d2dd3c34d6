/**
 * The signature page part: one block per party (its name and role, who
 * signs, date, "Lu et approuvé", room to sign), two blocks side by side.
 * Each row is one flow box, so a block never splits across pages; the
 * heading stays with the first row.
 */
import type { Party } from "../../shared/domain/contract";
import { labelled } from "./contract-data";
import type { FlowBox } from "./flow";
import type { Line } from "./line-breaking";
import { CONTENT_WIDTH, GREY, PAGE, TYPE } from "./page";
import { lineHeight, plain, type TextLook, type Typesetter } from "./typeset";
import { BLANK_LINE, type PdfLanguage, WORDS } from "./words";

const GUTTER = 24;
const COLUMN = (CONTENT_WIDTH - GUTTER) / 2;
/** Room left empty for the handwritten signature. */
const SIGN_ROOM = 56;
const ROW_GAP = 18;

interface SetLines {
  lines: Line[];
  look: TextLook;
}

function blockLines(t: Typesetter, p: Party, language: PdfLanguage): SetLines[] {
  const w = WORDS[language];
  const body: TextLook = { size: TYPE.body };
  const set = (text: string, look: TextLook): SetLines => ({
    lines: t.lines(plain(text, look), COLUMN, look),
    look,
  });
  const out = [set(`${w.signFor} ${p.name}`, { size: TYPE.body, bold: true })];
  if (p.role) out.push(set(p.role, { size: TYPE.body, color: GREY }));
  out.push(set(`${labelled(w.name, language)} ${p.signatory ?? BLANK_LINE}`, body));
  out.push(set(`${labelled(w.date, language)} ${BLANK_LINE}`, body));
  out.push(set(`${labelled(w.readAndApproved, language)}`, { size: TYPE.body, italic: true }));
  out.push(set(`${labelled(w.signature, language)}`, body));
  return out;
}

function blockHeight(set: readonly SetLines[]): number {
  return set.reduce((h, s) => h + s.lines.length * lineHeight(s.look.size), 0) + SIGN_ROOM;
}

/** Boxes for the signature part; none without parties. */
export function signatureBoxes(
  t: Typesetter,
  parties: readonly Party[],
  language: PdfLanguage,
): FlowBox[] {
  if (parties.length === 0) return [];
  const heading = t.textBoxes(
    plain(WORDS[language].signatures, { bold: true }),
    PAGE.margin.left,
    CONTENT_WIDTH,
    { size: TYPE.section, bold: true },
    { keepLastWithNext: 1 },
  );
  const place = t.textBoxes(
    plain(WORDS[language].place(Math.max(parties.length, 2))),
    PAGE.margin.left,
    CONTENT_WIDTH,
    { size: TYPE.body },
    { keepLastWithNext: 1 },
  );
  const boxes: FlowBox[] = [
    { height: 16, gap: true },
    ...heading,
    { height: 4, gap: true },
    ...place,
    { height: 12, gap: true },
  ];
  for (let i = 0; i < parties.length; i += 2) {
    const row = parties.slice(i, i + 2).map((p) => blockLines(t, p, language));
    const height = Math.max(...row.map(blockHeight));
    boxes.push({
      height,
      label: `the signature block of ${parties[i]?.name ?? "a party"}`,
      draw: (top) => {
        row.forEach((set, col) => {
          const x = PAGE.margin.left + col * (COLUMN + GUTTER);
          let y = top;
          for (const s of set) {
            for (const line of s.lines) {
              t.drawLine(line, x, y, s.look);
              y += lineHeight(s.look.size);
            }
          }
        });
      },
    });
    boxes.push({ height: ROW_GAP, gap: true });
  }
  return boxes;
}
