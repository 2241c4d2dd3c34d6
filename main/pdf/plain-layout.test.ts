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

  it("kerns pairs as fontkit's own shaping does", () => {
    const shaping = Object.getPrototypeOf(font) as {
      layout: (t: string) => { advanceWidth: number };
    };
    const cyrillic = "Иван Петров";
    for (const text of ["AVATAR", "To", "Tôt", "Wolf", cyrillic, "« Cœur »", "L’Yonne"]) {
      expect(plainLayout(font, text).advanceWidth, text).toBe(shaping.layout(text).advanceWidth);
    }
    const av = plainLayout(font, "AV").advanceWidth;
    expect(av).toBeLessThan(
      plainLayout(font, "A").advanceWidth + plainLayout(font, "V").advanceWidth,
    );
  });

  it("adds up the advances when read, after any scaling", () => {
    const run = plainLayout(font, "AVATAR");
    const sum = run.positions.reduce((w, p) => w + p.xAdvance, 0);
    expect(run.advanceWidth).toBe(sum);
    for (const p of run.positions) p.xAdvance /= 2;
    expect(run.advanceWidth).toBe(sum / 2);
  });
});
