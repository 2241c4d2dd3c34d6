/**
 * Glyph layout without OpenType shaping, for the fonts pdfkit embeds.
 *
 * fontkit shapes every distinct word through GSUB/GPOS: about 0.3 ms a word
 * on DejaVu Sans, half a second for the first one, well over a second for
 * a 30-page contract with a real vocabulary. French, English and Cyrillic
 * text in NFC form needs none of it but kerning and ligatures, so each word
 * is laid out glyph by glyph from the font's character map and advance
 * widths, with the pair kerning of its `kern` table (the same values as
 * DejaVu's GPOS kerning). The glyphs keep their code points, so text
 * extracts as written (no "ﬁ" ligature to trip a search).
 */

export interface LayoutGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface KernTable {
  tables?: {
    format?: number;
    coverage?: { horizontal?: boolean; crossStream?: boolean; minimum?: boolean };
    subtable?: { pairs?: { left: number; right: number; value: number }[] };
  }[];
}

/** What pdfkit needs of a fontkit font to lay out text. */
export interface GlyphSource {
  glyphForCodePoint: (codePoint: number) => { id: number; advanceWidth: number };
  /** The TrueType `kern` table, as fontkit reads it; absent in fonts without one. */
  kern?: KernTable;
}

const kerningByFont = new WeakMap<GlyphSource, Map<number, number>>();

/** Horizontal kerning pairs (format 0 subtables), keyed left × 65536 + right. */
function kerningOf(font: GlyphSource): Map<number, number> {
  let pairs = kerningByFont.get(font);
  if (!pairs) {
    pairs = new Map();
    for (const table of font.kern?.tables ?? []) {
      const c = table.coverage;
      if (table.format !== 0 || (c && (!c.horizontal || c.crossStream || c.minimum))) continue;
      for (const p of table.subtable?.pairs ?? []) pairs.set(p.left * 65536 + p.right, p.value);
    }
    kerningByFont.set(font, pairs);
  }
  return pairs;
}

class PlainRun {
  constructor(
    readonly glyphs: LayoutGlyph[],
    readonly positions: Position[],
  ) {}

  /** Summed when read, after pdfkit has scaled the positions, as fontkit's runs are. */
  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

/**
 * One glyph per code point. The glyph records are made here, not taken from
 * fontkit's cache: a glyph first loaded as part of an accented letter (the
 * "и" in "й") is cached there without code points, and pdfkit would then
 * write no text for it in a later PDF.
 */
export function plainLayout(font: GlyphSource, text: string): PlainRun {
  const glyphs: LayoutGlyph[] = [];
  for (const ch of text.normalize("NFC")) {
    const codePoint = ch.codePointAt(0) ?? 0;
    const glyph = font.glyphForCodePoint(codePoint);
    glyphs.push({ id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [codePoint] });
  }
  const kerning = kerningOf(font);
  const positions = glyphs.map((g, i) => {
    const next = glyphs[i + 1];
    const kern = next ? (kerning.get(g.id * 65536 + next.id) ?? 0) : 0;
    return { xAdvance: g.advanceWidth + kern, yAdvance: 0, xOffset: 0, yOffset: 0 };
  });
  return new PlainRun(glyphs, positions);
}

/**
 * The same font with `layout` replaced by `plainLayout`; everything else
 * (metrics, subsetting for embedding) is the font's own.
 */
export function withPlainLayout<T extends GlyphSource>(font: T): T {
  const plain: T = Object.create(font);
  Object.defineProperty(plain, "layout", { value: (text: string) => plainLayout(font, text) });
  return plain;
}
