import { describe, expect, it } from "vitest";
import { loadFonts } from "./fonts";
import { type GlyphSource, plainLayout } from "./plain-layout";

describe("plain glyph layout", () => {
  const font = loadFonts().parsed.regular as unknown as GlyphSource;

  it("keeps one glyph per character, so text extracts as written", () => {
    const run = plainLayout(font, "ﬁn fin ffi");
    expect(run.glyphs.map((g) => g.codePoints)).toEqual(
      [0xfb01, 0x6e, 0x20, 0x66, 0x69, 0x6e, 0x20, 0x66, 0x66, 0x69].map((c) => [c]),
    );
  });

  it("composes decomposed accents first (e + ◌́ is é)", () => {
    const run = plainLayout(font, "re\u0301silie\u0301");
    expect(run.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join("")).toBe("résilié");
  });

  it("adds up the advance widths, after any scaling", () => {
    const run = plainLayout(font, "Иван");
    const sum = run.glyphs.reduce((w, g) => w + g.advanceWidth, 0);
    expect(run.advanceWidth).toBe(sum);
    for (const p of run.positions) p.xAdvance /= 2;
    expect(run.advanceWidth).toBe(sum / 2);
  });
});
