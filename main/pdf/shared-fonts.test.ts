/**
 * The fonts are parsed once and shared by every PDF of the process. A
 * letter first loaded as part of an accented one (и inside й) must still
 * extract in the PDFs after. (Its own file: a fresh process, fonts unused.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { pdfPages } from "../test-support/poppler";
import { renderContractPdf } from "./contract-pdf";
import { sampleContract, sampleDocument } from "./sample";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-pdf-fonts-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("extracts every letter in each PDF, whatever the PDFs before it held", async () => {
  const contract = sampleContract({ title: "T", reference: null, type: "x", parties: [] });
  const bodies = ["<p>Йй ǖ</p>", "<p>Ии ии ü u</p>"];
  for (const [i, body] of bodies.entries()) {
    const document = { ...sampleDocument(contract.id, 1), sections: [{ title: "Objet", body }] };
    const pdf = await renderContractPdf({ contract, document, language: "fr", author: "x" });
    const file = path.join(dir, `${i}.pdf`);
    fs.writeFileSync(file, pdf.bytes);
    expect(pdfPages(file)[1]).toContain(body.replace(/<\/?p>/g, ""));
  }
});
