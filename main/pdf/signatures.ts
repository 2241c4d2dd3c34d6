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
  // Always the same items, so that side by side blocks line up item by item.
  return [
    set(`${w.signFor} ${p.name}`, { size: TYPE.body, bold: true }),
    set(p.role ?? "", { size: TYPE.body, color: GREY }),
    set(`${labelled(w.name, language)} ${p.signatory ?? BLANK_LINE}`, body),
    set(`${labelled(w.date, language)} ${BLANK_LINE}`, body),
    set(labelled(w.readAndApproved, language), { size: TYPE.body, italic: true }),
    set(labelled(w.signature, language), body),
  ];
}

/** The height of each item in a row: the taller of the two blocks'. */
function itemHeights(row: readonly SetLines[][]): number[] {
  const items = row[0]?.length ?? 0;
  return Array.from({ length: items }, (_, k) =>
    Math.max(...row.map((set) => (set[k]?.lines.length ?? 0) * lineHeight(set[k]?.look.size ?? 0))),
  );
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
  const [first, ...rest] = heading;
  const marked = first ? [t.bookmarked(first, WORDS[language].signatures), ...rest] : [];
  const boxes: FlowBox[] = [
    { height: 16, gap: true },
    ...marked,
    { height: 4, gap: true },
    ...place,
    { height: 12, gap: true },
  ];
  for (let i = 0; i < parties.length; i += 2) {
    const row = parties.slice(i, i + 2).map((p) => blockLines(t, p, language));
    const heights = itemHeights(row);
    const height = heights.reduce((a, b) => a + b, 0) + SIGN_ROOM;
    boxes.push({
      height,
      label: `the signature block of ${parties[i]?.name ?? "a party"}`,
      draw: (top) => {
        row.forEach((set, col) => {
          const x = PAGE.margin.left + col * (COLUMN + GUTTER);
          let y = top;
          set.forEach((s, k) => {
            s.lines.forEach((line, i) => {
              t.drawLine(line, x, y + i * lineHeight(s.look.size), s.look);
            });
            y += heights[k] ?? 0;
          });
        });
      },
    });
    boxes.push({ height: ROW_GAP, gap: true });
  }
  return boxes;
}
