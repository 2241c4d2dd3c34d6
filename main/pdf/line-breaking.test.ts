import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Inline } from "./html-blocks";
import { breakLines, type Line, type Measure } from "./line-breaking";

const PLAIN = { bold: false, italic: false, underline: false };
const BOLD = { ...PLAIN, bold: true };

/** Every character 1 pt wide, bold ones 1.5 pt: easy to reason about. */
const measure: Measure = (text, face) =>
  Array.from(text).length * (face === "bold" || face === "boldItalic" ? 1.5 : 1);

const text = (t: string, style = PLAIN): Inline => ({ text: t, style });
const lineText = (l: Line) => l.spans.map((s) => s.text).join("");

describe("line breaking", () => {
  it("fills lines greedily and collapses white space as HTML does", () => {
    const lines = breakLines([text("  le   prix\n est \tfixé  ")], 10, measure);
    expect(lines.map(lineText)).toEqual(["le prix", "est fixé"]);
  });

  it("never breaks at a no-break space", () => {
    const said = "dit «\u00a0oui\u00a0»\u00a0: 12\u202f000\u00a0€";
    const lines = breakLines([text(said)], 14, measure);
    expect(lines.map(lineText)).toEqual(["dit «\u00a0oui\u00a0»\u00a0:", "12\u202f000\u00a0€"]);
  });

  it("never breaks inside « » or before : ; ! ? typed with ordinary spaces", () => {
    const lines = breakLines([text("il dit « oui » : bien ! et « non »")], 9, measure);
    expect(lines.map(lineText)).toEqual(["il dit", "« oui » :", "bien ! et", "« non »"]);
  });

  it("keeps styles in spans with their positions", () => {
    const [line] = breakLines([text("Le "), text("Client", BOLD), text(" paie.")], 40, measure);
    expect(line?.spans).toEqual([
      { text: "Le ", face: "regular", underline: false, x: 0, width: 3 },
      { text: "Client", face: "bold", underline: false, x: 3, width: 9 },
      { text: " paie.", face: "regular", underline: false, x: 12, width: 6 },
    ]);
    expect(line?.width).toBe(18);
  });

  it("breaks lines at <br>, with an empty line for two in a row and none at the end", () => {
    const br: Inline = { lineBreak: true };
    const lines = breakLines([text("a "), br, br, text(" b"), br], 10, measure);
    expect(lines.map(lineText)).toEqual(["a", "", "b"]);
  });

  it("splits a word longer than the line after a slash or hyphen near the end", () => {
    const url = "https://docs.example/contrats/annexe-tarifaire.pdf";
    const lines = breakLines([text(`Voir ${url}`)], 24, measure);
    expect(lines.map(lineText)).toEqual([
      "Voir",
      "https://docs.example/",
      "contrats/annexe-",
      "tarifaire.pdf",
    ]);
  });

  it("splits between letters when there is nowhere better", () => {
    const lines = breakLines([text("aaaaaaaaaaaaaaaaaaaaaaaaa")], 10, measure);
    expect(lines.map(lineText)).toEqual(["aaaaaaaaaa", "aaaaaaaaaa", "aaaaa"]);
  });

  it("keeps every line within the width and every character, for any text", () => {
    const words = fc.array(
      fc.record({
        text: fc.string({
          unit: fc.constantFrom("a", "é", "œ", "Ж", " ", "/", "-", "\u00a0", "\n"),
          maxLength: 40,
        }),
        bold: fc.boolean(),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(words, fc.integer({ min: 3, max: 60 }), (runs, width) => {
        const inline = runs.map((r) => text(r.text, r.bold ? BOLD : PLAIN));
        const lines = breakLines(inline, width, measure);
        for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
        const printed = lines.map(lineText).join("").replace(/[ \n]/g, "");
        expect(printed).toBe(
          runs
            .map((r) => r.text)
            .join("")
            .replace(/[ \n]/g, ""),
        );
      }),
    );
  });
});
