/**
 * Breaks styled text into lines no wider than a given width: HTML white
 * space rules (runs of spaces collapse, none at a line's ends), breaks only
 * at spaces (no-break spaces hold, as before French « » : ; ? !), explicit
 * line breaks, and words longer than a line (URLs, references) split after
 * a slash, hyphen or dot when one is near the end, else between letters.
 * The measuring is passed in, so the rules test without a PDF.
 */
import type { FontFace } from "./fonts";
import type { Inline, TextStyle } from "./html-blocks";

/** Width in points of `text` in `face` at the size being laid out. */
export type Measure = (text: string, face: FontFace) => number;

export interface Span {
  text: string;
  face: FontFace;
  underline: boolean;
  /** From the line's start, in points. */
  x: number;
  width: number;
}

export interface Line {
  spans: Span[];
  width: number;
}

interface Part {
  text: string;
  face: FontFace;
  underline: boolean;
}

type Token = { kind: "word"; parts: Part[] } | { kind: "space"; part: Part } | { kind: "break" };

export function faceOf(style: TextStyle, bold = false): FontFace {
  const b = bold || style.bold;
  if (b && style.italic) return "boldItalic";
  if (b) return "bold";
  return style.italic ? "italic" : "regular";
}

const WHITE = /([ \t\n\r\f]+)/;
const BREAK_AFTER = new Set(["/", "-", "_", ".", "?", "&", "=", ",", ";", ":", "\\", "|"]);
const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

function tokenize(inline: readonly Inline[], bold: boolean): Token[] {
  const tokens: Token[] = [];
  for (const item of inline) {
    if (!("text" in item)) {
      if (tokens.at(-1)?.kind === "space") tokens.pop();
      tokens.push({ kind: "break" });
      continue;
    }
    const face = faceOf(item.style, bold);
    const underline = item.style.underline;
    for (const piece of item.text.split(WHITE)) {
      if (piece === "") continue;
      const last = tokens.at(-1);
      if (WHITE.test(piece)) {
        if (last && last.kind === "word")
          tokens.push({ kind: "space", part: { text: " ", face, underline } });
      } else if (last?.kind === "word") {
        const tail = last.parts.at(-1);
        if (tail && tail.face === face && tail.underline === underline) tail.text += piece;
        else last.parts.push({ text: piece, face, underline });
      } else {
        tokens.push({ kind: "word", parts: [{ text: piece, face, underline }] });
      }
    }
  }
  if (tokens.at(-1)?.kind === "space") tokens.pop();
  return glueFrenchPunctuation(tokens);
}

const OPENS = /«$/;
const CLOSES = /^[»:;!?]/;

/**
 * French puts a space inside « » and before : ; ! ?, and people type an
 * ordinary one: never break there, as if it were the no-break space.
 */
function glueFrenchPunctuation(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const prev = out.at(-1);
    const next = tokens[i + 1];
    if (token.kind === "space" && prev?.kind === "word" && next?.kind === "word") {
      const before = prev.parts.at(-1)?.text ?? "";
      const after = next.parts[0]?.text ?? "";
      if (OPENS.test(before) || CLOSES.test(after)) {
        prev.parts.push(token.part, ...next.parts);
        i += 1;
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

function partsWidth(parts: readonly Part[], measure: Measure): number {
  let w = 0;
  for (const p of parts) w += measure(p.text, p.face);
  return w;
}

interface Glyph {
  text: string;
  face: FontFace;
  underline: boolean;
}

function regroup(glyphs: readonly Glyph[]): Part[] {
  const parts: Part[] = [];
  for (const g of glyphs) {
    const tail = parts.at(-1);
    if (tail && tail.face === g.face && tail.underline === g.underline) tail.text += g.text;
    else parts.push({ text: g.text, face: g.face, underline: g.underline });
  }
  return parts;
}

/** Splits a word wider than `width` into pieces that each fit. */
function splitWord(parts: readonly Part[], width: number, measure: Measure): Part[][] {
  const glyphs: Glyph[] = parts.flatMap((p) =>
    Array.from(graphemes.segment(p.text), (s) => ({ ...p, text: s.segment })),
  );
  const pieces: Part[][] = [];
  let start = 0;
  while (start < glyphs.length) {
    let end = start;
    let w = 0;
    while (end < glyphs.length) {
      const g = glyphs[end] as Glyph;
      const gw = measure(g.text, g.face);
      if (end > start && w + gw > width) break;
      w += gw;
      end += 1;
    }
    // Kerning can make the sum differ from the whole: trust the whole.
    while (end - start > 1 && partsWidth(regroup(glyphs.slice(start, end)), measure) > width) {
      end -= 1;
    }
    if (end < glyphs.length) {
      const minimum = start + Math.ceil((end - start) * 0.4);
      for (let k = end; k > minimum; k -= 1) {
        if (BREAK_AFTER.has(glyphs[k - 1]?.text ?? "")) {
          end = k;
          break;
        }
      }
    }
    pieces.push(regroup(glyphs.slice(start, end)));
    start = end;
  }
  return pieces;
}

function toLine(parts: readonly Part[], measure: Measure): Line {
  const merged = regroup(parts);
  const spans: Span[] = [];
  let x = 0;
  for (const p of merged) {
    const width = measure(p.text, p.face);
    spans.push({ ...p, x, width });
    x += width;
  }
  return { spans, width: x };
}

/**
 * Lines for styled text at `width` points. `bold` sets everything bold
 * (headings). Empty input gives no lines; two breaks in a row give an
 * empty line between them, and a break at the very end adds none.
 */
export function breakLines(
  inline: readonly Inline[],
  width: number,
  measure: Measure,
  bold = false,
): Line[] {
  const lines: Line[] = [];
  let current: Part[] = [];
  let used = 0;
  let space: Part | null = null;
  const finish = () => {
    lines.push(toLine(current, measure));
    current = [];
    used = 0;
  };
  for (const token of tokenize(inline, bold)) {
    if (token.kind === "break") {
      finish();
      space = null;
      continue;
    }
    if (token.kind === "space") {
      space = token.part;
      continue;
    }
    const wordWidth = partsWidth(token.parts, measure);
    const spaceWidth = space && current.length > 0 ? measure(" ", space.face) : 0;
    if (current.length > 0 && used + spaceWidth + wordWidth <= width) {
      if (space) current.push(space);
      current.push(...token.parts);
      used += spaceWidth + wordWidth;
    } else {
      if (current.length > 0) finish();
      const pieces = wordWidth > width ? splitWord(token.parts, width, measure) : [token.parts];
      pieces.forEach((piece, i) => {
        if (i > 0) finish();
        current.push(...piece);
      });
      used = partsWidth(current, measure);
    }
    space = null;
  }
  if (current.length > 0) finish();
  return lines;
}
