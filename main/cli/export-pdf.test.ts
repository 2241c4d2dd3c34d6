/**
 * `pacta export-pdf ID OUT.pdf` end to end: a contract whose text was
 * generated from a template, written by the real binary, read back with
 * poppler (`pdftotext`, `pdfinfo`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openServices } from "../app/services";
import { runPacta } from "../test-support/cli";
import { pdfInfo, pdfPages } from "../test-support/poppler";
import { tempDataDir } from "../test-support/temp-register";

const fixtures = path.resolve(__dirname, "../templates/fixtures");
let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
  const s = openServices({ dataDir, actor: "Claire Martin" });
  s.register.create(
    contractInputSchema.parse({
      reference: "C-2026-007",
      title: "Prestation « clé en main » pour l’Œuvre",
      parties: [
        {
          name: "Agence Lumière",
          role: "prestataire",
          signatory: "Claire Martin",
          internal: true,
        },
        { name: "ООО «Ромашка»", role: "client", signatory: "Иван Петров" },
      ],
      value: 48000,
      currency: "EUR",
      effectiveDate: "2026-06-01",
      endDate: "2027-05-31",
      renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    }),
  );
  s.templates.importMarkdown({
    fileName: "prestation.fr.md",
    content: fs.readFileSync(path.join(fixtures, "prestation.fr.md"), "utf8"),
  });
  s.documents.generate(1, 1, { "presta.acompte": "5 000 €" });
  s.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  return runPacta(dataDir, ...args);
}

describe("pacta export-pdf", () => {
  it("writes the contract and its text as a PDF, and says where and how many pages", () => {
    const out = path.join(dataDir, "contrat.pdf");
    const r = pacta("export-pdf", "1", out);
    expect(r.status, r.stderr).toBe(0);
    const pages = Number(pdfInfo(out).Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toBe(`${out}: ${pages} pages\n`);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes("partial"))).toEqual([]);
    const text = pdfPages(out).join("\n").replace(/\s+/g, " ");
    expect(text).toContain("Prestation « clé en main » pour l’Œuvre");
    expect(text).toContain("ООО «Ромашка»");
    const provider = "Agence Lumière, ci-après « le Prestataire »";
    expect(text).toContain(`Entre ${provider}, et ООО «Ромашка»`);
    expect(text).toContain("Un acompte de 5 000 € est versé à la signature.");
    expect(text).toContain("Le contrat prend effet le 1er juin 2026 et prend fin le 31 mai 2027.");
    expect(text).toContain(`Page 2 / ${pages}`);
    // The author is who exported it: the CLI runs as this machine's user.
    expect(pdfInfo(out).Author).toBe(os.userInfo().username);
    // The title page dates read as the text's: "1er", never "1 mars".
    expect(text).not.toMatch(/\b1 (janvier|février|mars|avril|mai|juin|juillet|août)/);
  });

  it("names the author given with --author, and writes dates as the text does", () => {
    const s = openServices({ dataDir, actor: "setup" });
    const c = s.register.get(1);
    s.register.update(1, contractInputSchema.parse({ ...c, effectiveDate: "2026-03-01" }));
    s.close();
    const out = path.join(dataDir, "auteur.pdf");
    const r = pacta("export-pdf", "1", out, "--author", "  Maître   Claire Martin ");
    expect(r.status, r.stderr).toBe(0);
    expect(pdfInfo(out).Author).toBe("Maître Claire Martin");
    const text = pdfPages(out).join("\n").replace(/\s+/g, " ");
    expect(text).toContain("Date d’effet :");
    expect(text).toContain("1er mars 2026");
    expect(pacta("export-pdf", "1", out, "--author", " ").status).toBe(2);
  });

  it("prints {file, pages} with --json and replaces an existing file", () => {
    const out = path.join(dataDir, "contrat.pdf");
    fs.writeFileSync(out, "old");
    const r = pacta("export-pdf", "1", out, "--json", "--language", "en");
    expect(r.status, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual({ file: out, pages: Number(pdfInfo(out).Pages) });
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("exits 2 on usage mistakes and 1 when it cannot", () => {
    expect(pacta("export-pdf", "1").status).toBe(2);
    expect(pacta("export-pdf", "x", "a.pdf").status).toBe(2);
    expect(pacta("export-pdf", "1", "a.pdf", "--language", "de").status).toBe(2);
    const missing = pacta("export-pdf", "9", path.join(dataDir, "a.pdf"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("pacta: there is no contract #9\n");
    const nowhere = path.join(dataDir, "no-such-folder", "a.pdf");
    const unwritable = pacta("export-pdf", "1", nowhere);
    expect(unwritable.status).toBe(1);
    expect(unwritable.stderr).toMatch(/^pacta: cannot write .*a\.pdf: a part of the path|no such/);
    expect(fs.existsSync(path.dirname(nowhere))).toBe(false);
  });
});

describe("documents.exportPdf through the API", () => {
  it("answers the PDF as base64 with a file name and its page count", async () => {
    const s = openServices({ dataDir, actor: "tester" });
    try {
      const h = createHandlers(s, { door: "headless", version: "test" });
      const r = await dispatch(h, "documents.exportPdf", { contractId: 1 });
      expect(r.ok).toBe(true);
      const value = (r as { value: { fileName: string; base64: string; pages: number } }).value;
      expect(value.fileName).toBe("C-2026-007 Prestation « clé en main » pour l’Œuvre.pdf");
      expect(Buffer.from(value.base64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
      expect(value.pages).toBeGreaterThanOrEqual(2);
      const missing = await dispatch(h, "documents.exportPdf", { contractId: 5 });
      expect(missing).toMatchObject({ ok: false, error: { reason: "not_found" } });
    } finally {
      s.close();
    }
  });
});

describe("PDF of contracts generated from ../shared/data/templates", () => {
  const dir = path.resolve(__dirname, "../../../shared/data/templates");
  for (const name of ["cgv.fr.md", "cession-parts.fr.md", "commonpaper-csa.en.md"]) {
    const file = path.join(dir, name);
    const present = fs.existsSync(file);
    const reason = present ? "" : ` (skipped: ${file} is not on this machine)`;
    it.skipIf(!present)(`prints every section of ${name}${reason}`, async () => {
      const s = openServices({ dataDir, actor: "tester" });
      try {
        const t = s.templates.importMarkdown({
          fileName: name,
          content: fs.readFileSync(file, "utf8"),
        });
        const { document } = s.documents.generate(1, t.id, {});
        const h = createHandlers(s, { door: "headless", version: "test" });
        const r = await dispatch(h, "documents.exportPdf", { contractId: 1 });
        const value = (r as { value: { base64: string; pages: number } }).value;
        const out = path.join(dataDir, "out.pdf");
        fs.writeFileSync(out, Buffer.from(value.base64, "base64"));
        expect(Number(pdfInfo(out).Pages)).toBe(value.pages);
        const text = pdfPages(out).join("\n").replace(/\s+/g, " ");
        for (const section of document.sections) {
          expect(text).toContain(section.title.replace(/\s+/g, " "));
        }
        expect(text).not.toContain("{{");
      } finally {
        s.close();
      }
    });
  }
});
