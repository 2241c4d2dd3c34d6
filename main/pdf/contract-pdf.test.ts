import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pdfFonts, pdfInfo, pdfPages } from "../test-support/poppler";
import { renderContractPdf } from "./contract-pdf";
import { sampleContract, sampleDocument } from "./sample";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date("2026-12-04T15:30:00Z");

async function writePdf(name: string, ...args: Parameters<typeof renderContractPdf>) {
  const rendered = await renderContractPdf(...args);
  const file = path.join(dir, name);
  fs.writeFileSync(file, rendered.bytes);
  return { file, ...rendered };
}

describe("contract PDF", () => {
  it("renders", async () => {
    const contract = sampleContract();
    const { file, pages } = await writePdf("a.pdf", {
      contract,
      document: sampleDocument(contract.id, 3),
      language: "fr",
      author: "Hélène",
      now: NOW,
    });
    expect(pages).toBeGreaterThan(1);
    expect(pdfInfo(file).Pages).toBe(String(pages));
    expect(pdfPages(file)[0]).toContain("Œuvre « Cœur de ville »");
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
  });
});
