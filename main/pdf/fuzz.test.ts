/**
 * Any section body in the HTML subset, however nested or long-worded,
 * renders with every word inside the margins and none lost.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { pdfPages, pdfWordBoxes } from "../test-support/poppler";
import { renderContractPdf } from "./contract-pdf";
import { PAGE } from "./page";
import { sampleContract, sampleDocument } from "./sample";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-pdf-fuzz-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// No word ends with a hyphen: pdftotext would join it with the next line, marker included.
const word = fc.oneof(
  fc.constantFrom(
    "préavis",
    "œuvre",
    "«",
    "»",
    "€",
    "Иван",
    "résiliation",
    ":",
    "—",
    "contre-offre",
  ),
  fc
    .string({
      unit: fc.constantFrom("a", "é", "Ж", "/", "-", "W", "m"),
      minLength: 1,
      maxLength: 140,
    })
    .map((w) => `${w}m`),
);
const text = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(" "));

const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: "small" },
    text,
    fc
      .tuple(fc.constantFrom("strong", "em", "u", "b", "i"), tie("inline"))
      .map(([t, c]) => `<${t}>${c}</${t}>`),
    fc.tuple(tie("inline"), tie("inline")).map(([a, b]) => `${a}<br>${b}`),
  ),
})).inline;

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: "small", maxDepth: 8 },
    inline.map((c) => `<p>${c}</p>`),
    inline.map((c) => `<h3>${c}</h3>`),
    inline.map((c) => `<h4>${c}</h4>`),
    fc
      .tuple(fc.constantFrom("ul", "ol"), fc.array(tie("block"), { minLength: 1, maxLength: 3 }))
      .map(([t, items]) => `<${t}>${items.map((i) => `<li>${i}</li>`).join("")}</${t}>`),
    tie("block").map((b) => `<blockquote>${b}</blockquote>`),
  ),
})).block;

const HEADER = "Contrat de prestation de services — Œuvre « Cœur de ville » — PAC-2026-042";

/** The body's words as one string: no tags, no spaces, no hyphens (pdftotext joins
 * a word hyphenated at a line's end). */
function written(body: string): string {
  return body.replace(/<[^>]+>/g, " ").replace(/[\s-]+/g, "");
}

/** The same for the PDF's text, without header, footer, heading and list markers. */
function printed(pages: string[]): string {
  return pages
    .join("\n")
    .split("\n")
    .filter((line) => line !== HEADER && !/^Page \d+ \/ \d+$/.test(line) && line !== "1. Objet")
    .flatMap((line) => line.split(/\s+/))
    .filter((token) => !/^(?:\d+|[a-z]+)\.$|^[•◦▪]$/.test(token))
    .join("")
    .replace(/-/g, "");
}

it("keeps every word of any body inside the margins", async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), async (blocks) => {
      const contract = sampleContract({ parties: [] });
      const document = sampleDocument(contract.id, 1);
      const body = blocks.join("");
      document.sections = [{ title: "Objet", body }];
      const pdf = await renderContractPdf({ contract, document, language: "fr", author: "fuzz" });
      run += 1;
      const file = path.join(dir, `fuzz-${run}.pdf`);
      fs.writeFileSync(file, pdf.bytes);
      const m = PAGE.margin;
      for (const page of pdfWordBoxes(file).slice(1)) {
        for (const w of page.words) {
          if (w.yMax <= m.top || w.yMin >= page.height - m.bottom) continue;
          expect(w.xMin, w.text).toBeGreaterThanOrEqual(m.left - 0.5);
          expect(w.xMax, w.text).toBeLessThanOrEqual(page.width - m.right + 0.5);
          expect(w.yMax, w.text).toBeLessThanOrEqual(page.height - m.bottom + 0.5);
        }
      }
      // Everything written is there, in order, and nothing else.
      expect(printed(pdfPages(file).slice(1))).toBe(written(body));
    }),
    { numRuns: 12 },
  );
}, 60_000);
