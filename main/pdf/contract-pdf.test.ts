import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contract } from "../../shared/domain/contract";
import type { ContractDocument } from "../../shared/domain/templates";
import { type PageBoxes, pdfFonts, pdfInfo, pdfPages, pdfWordBoxes } from "../test-support/poppler";
import { type ContractPdfInput, PdfInputError, renderContractPdf } from "./contract-pdf";
import { PAGE } from "./page";
import { sampleContract, sampleDocument, THIRTY_PAGES } from "./sample";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(2026, 11, 4, 15, 30);
let fileCount = 0;

async function writePdf(input: Partial<ContractPdfInput> = {}) {
  const contract = input.contract ?? sampleContract();
  const rendered = await renderContractPdf({
    contract,
    document: input.document === undefined ? sampleDocument(contract.id, 3) : input.document,
    language: input.language ?? "fr",
    author: input.author ?? "Hélène Lefèvre",
    now: input.now ?? NOW,
  });
  fileCount += 1;
  const file = path.join(dir, `contract-${fileCount}.pdf`);
  fs.writeFileSync(file, rendered.bytes);
  return { file, ...rendered, text: pdfPages(file).map(spaces) };
}

/** pdftotext keeps no-break spaces; compare with plain ones. */
function spaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

describe("contract PDF: title page and sections", () => {
  let fr: Awaited<ReturnType<typeof writePdf>>;
  beforeAll(async () => {
    fr = await writePdf();
  });

  it("sets out the title page in French", () => {
    const title = fr.text[0] ?? "";
    for (const expected of [
      "Prestation de services",
      "Contrat de prestation de services —",
      "Œuvre « Cœur de ville »",
      "Référence : PAC-2026-042",
      "Pacta Conseil SAS — Prestataire (notre société)",
      "Signataire : Hélène Lefèvre · Courriel : helene.lefevre@pacta.example",
      "Société Générale d’Études — Client",
      "ООО «Северный Ветер» — Sous-traitant",
      "Signataire : Иван Петров",
      "Dates clés",
      "Date de signature :",
      "20 janvier 2026",
      "1er février 2026",
      "31 octobre 2026",
      "Tacite reconduction par périodes d’un an, préavis de trois mois",
      "125 000,50 €",
      "Droit applicable :",
      "Droit français",
      "Prestation de services (FR) (version 3)",
      "Document généré par Pacta le 4 décembre 2026",
    ]) {
      expect(title).toContain(expected);
    }
  });

  it("numbers the sections and prints accents, guillemets, œ, € and Cyrillic", () => {
    const body = fr.text.slice(1).join("\n");
    expect(body).toContain("1. Objet");
    expect(body).toContain("2. Durée");
    expect(body).toContain("3. Prix et paiement");
    const ownership = "l’œuvre « Cœur de ville » reste la propriété exclusive du Client";
    expect(body).toContain(ownership);
    expect(body).toContain("125 000,50 € hors taxes");
    const subcontractor = "ООО «Северный Ветер»";
    expect(body).toContain(`${subcontractor}, représenté par Иван Петров`);
    expect(body).toContain("• fournir les livrables dans les délais convenus ;");
    expect(body).toContain("a. le port des équipements de protection ;");
  });

  it("puts Page N / M on every page, and pdfinfo counts the same pages", () => {
    expect(pdfInfo(fr.file).Pages).toBe(String(fr.pages));
    expect(fr.text).toHaveLength(fr.pages);
    fr.text.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} / ${fr.pages}`);
    });
  });

  it("writes the metadata", () => {
    const info = pdfInfo(fr.file);
    expect(info.Title).toBe("Contrat de prestation de services — Œuvre « Cœur de ville »");
    expect(info.Author).toBe("Hélène Lefèvre");
    expect(info.Subject).toBe("Prestation de services, réf. PAC-2026-042");
    expect(info.Creator).toBe("Pacta");
    expect(new Date(info.CreationDate ?? "").getTime()).toBe(NOW.getTime());
  });

  it("embeds the four DejaVu faces and no other font", () => {
    const fonts = pdfFonts(fr.file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
      "DejaVuSans",
      "DejaVuSans-Bold",
      "DejaVuSans-BoldOblique",
      "DejaVuSans-Oblique",
    ]);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, unicode: true, type: "CID TrueType" });
    }
  });

  it("gives the same bytes for the same contract and moment", async () => {
    const again = await writePdf();
    expect(fs.readFileSync(again.file).equals(fs.readFileSync(fr.file))).toBe(true);
  });
});

describe("contract PDF: other inputs", () => {
  it("speaks English", async () => {
    const en = await writePdf({ language: "en" });
    const title = en.text[0] ?? "";
    expect(title).toContain("Reference: PAC-2026-042");
    expect(title).toContain("Pacta Conseil SAS — Prestataire (our side)");
    expect(title).toContain("Key dates");
    expect(title).toContain("Signature date:");
    expect(title).toContain("20 January 2026");
    expect(title).toContain("Renews automatically for periods of one year, notice period of");
    expect(title).toContain("€125,000.50");
    expect(title).toContain("Document generated by Pacta on 4 December 2026");
    const all = en.text.join("\n");
    expect(all).toContain("For Société Générale d’Études");
    expect(all).toContain("Read and approved:");
    expect(en.text.at(-1)).toContain(`Page ${en.pages} / ${en.pages}`);
  });

  it("sets out the contract's data as sections when there is no document", async () => {
    const pdf = await writePdf({ document: null });
    const body = pdf.text.slice(1).join("\n");
    expect(body).toMatch(/1\. Parties\n/);
    expect(body).toContain("Pacta Conseil SAS — Prestataire (notre société)");
    expect(body).toContain("2. Durée et renouvellement");
    expect(body).toContain("Date de fin : 31 janvier 2027");
    expect(body).toContain("Renouvellement : Tacite reconduction par périodes d’un an");
    expect(body).toContain("3. Valeur");
    expect(body).toContain("Valeur : 125 000,50 €");
    expect(body).toContain("4. Notes");
    expect(body).toContain("Relancer le client « avant » l’échéance.");
    expect(pdf.text[0]).not.toContain("Modèle");
  });

  it("sets out the data when the document has no section left", async () => {
    const contract = sampleContract();
    const empty = { ...sampleDocument(contract.id, 1), sections: [] };
    const body = (await writePdf({ contract, document: empty })).text.slice(1).join("\n");
    expect(body).toContain("2. Durée et renouvellement");
  });

  it("keeps the number a section title already has, and bookmarks each section", async () => {
    const contract = sampleContract();
    const document: ContractDocument = {
      ...sampleDocument(contract.id, 2),
      sections: [
        { title: "Article 1. Champ d’application", body: "<p>Les présentes CGV…</p>" },
        { title: "Definitions", body: "<p>« Client » désigne…</p>" },
      ],
    };
    const pdf = await writePdf({ contract, document });
    const raw = fs.readFileSync(pdf.file, "latin1");
    expect(raw).toContain("/Outlines");
    expect(raw).toContain("/Title (2. Definitions)");
    expect(raw).toContain("/Title (Signatures)");
    const body = pdf.text.slice(1).join("\n");
    expect(body).toContain("Article 1. Champ d’application");
    expect(body).not.toContain("1. Article 1.");
    expect(body).toContain("2. Definitions");
  });

  it("renders a bare contract: no parties, no dates, no value", async () => {
    const contract = sampleContract({
      reference: null,
      type: null,
      parties: [],
      value: null,
      currency: null,
      signatureDate: null,
      effectiveDate: null,
      endDate: null,
      currentTermEnd: null,
      noticeDeadline: null,
      renewal: { kind: "none", term: null, notice: null },
      governingLaw: null,
      notes: "",
    });
    const pdf = await writePdf({ contract, document: null });
    expect(pdf.text[0]).toContain("Aucune partie n’est enregistrée.");
    const body = pdf.text.join("\n");
    expect(body).toContain("Valeur : non renseignée");
    expect(body).not.toContain("Signatures");
    expect(body).not.toContain("Notes");
  });

  it("flows a title page with many long-named parties over pages, inside the margins", async () => {
    const cooperative = "Société Coopérative d’Intérêt Collectif";
    const long = `${cooperative} pour l’Aménagement Œcuménique`;
    const parties = Array.from({ length: 40 }, (_, i) => ({
      name: `${long} n° ${i + 1} ${"Ж".repeat(i)}`,
      role: i % 2 ? "Client" : "Garant solidaire et indivisible de toutes les obligations",
      signatory: i % 3 ? "Анна-Мария Кузнецова-Левандовская" : null,
      email: null,
      internal: i === 0,
    }));
    const pdf = await writePdf({ contract: sampleContract({ parties }), document: null });
    expect(wordsOutsideMargins(pdfWordBoxes(pdf.file))).toEqual([]);
    const text = pdf.text.join("\n");
    expect(text).toContain(
      "Fait à ______________, le ______________, en 40 exemplaires originaux.",
    );
    expect(text.match(/^Signature :$/gm)).toHaveLength(40);
    expect(text).toContain("Nom : ______________________");
  });

  it("refuses input it cannot print, saying what and where", async () => {
    const contract = sampleContract();
    const other = sampleDocument(7, 1);
    await expect(writePdf({ contract, document: other })).rejects.toThrow(
      "contract #42: the document given belongs to contract #7",
    );
    const untitled = sampleDocument(contract.id, 2);
    untitled.sections[1] = { title: " ", body: "<p>x</p>" };
    await expect(writePdf({ contract, document: untitled })).rejects.toThrow(
      "contract #42, section 2: the section has no title",
    );
    await expect(
      writePdf({ language: "de" as ContractPdfInput["language"] }),
    ).rejects.toBeInstanceOf(PdfInputError);
    expect(fs.readdirSync(dir)).toHaveLength(fileCount);
  });
});

/** Words outside the text area, unless in the header or footer band, clear of the edges. */
function wordsOutsideMargins(pages: PageBoxes[]): string[] {
  const m = PAGE.margin;
  const outside: string[] = [];
  for (const [i, page] of pages.entries()) {
    expect(page.width).toBeCloseTo(PAGE.width, 0);
    for (const w of page.words) {
      const inBody =
        w.xMin >= m.left - 0.5 &&
        w.xMax <= page.width - m.right + 0.5 &&
        w.yMin >= m.top - 0.5 &&
        w.yMax <= page.height - m.bottom + 0.5;
      const inFurniture =
        (w.yMax <= m.top || w.yMin >= page.height - m.bottom) &&
        w.xMin >= PAGE.edge &&
        w.xMax <= page.width - PAGE.edge &&
        w.yMin >= PAGE.edge &&
        w.yMax <= page.height - PAGE.edge;
      if (!inBody && !inFurniture) outside.push(`page ${i + 1}: ${w.text} ${JSON.stringify(w)}`);
    }
  }
  return outside;
}

/** Each party's signature block lines, all on one page. */
function signaturePages(text: string[], contract: Contract, language: "fr" | "en") {
  const forWord = language === "fr" ? "Pour" : "For";
  return contract.parties.map((p) => {
    const start = text.findIndex((page) => page.includes(`${forWord} ${p.name}`));
    return { party: p.name, start, page: text[start] ?? "" };
  });
}

describe("contract PDF: long documents", () => {
  let long: Awaited<ReturnType<typeof writePdf>>;
  let boxes: PageBoxes[];
  beforeAll(async () => {
    const contract = sampleContract();
    long = await writePdf({ contract, document: sampleDocument(contract.id, THIRTY_PAGES) });
    boxes = pdfWordBoxes(long.file);
  });

  it("renders a 30-page contract", () => {
    expect(long.pages).toBeGreaterThanOrEqual(30);
    expect(long.pages).toBeLessThanOrEqual(34);
    expect(boxes).toHaveLength(long.pages);
  });

  it("prints no word past the margins", () => {
    expect(wordsOutsideMargins(boxes)).toEqual([]);
  });

  it("never leaves a heading as the last line of a page", () => {
    const bottom = PAGE.height - PAGE.margin.bottom;
    for (const page of boxes.slice(1, -1)) {
      const body = page.words.filter((w) => w.yMax <= bottom + 0.5 && w.yMin >= PAGE.margin.top);
      const lastTop = Math.max(...body.map((w) => w.yMin));
      const lastLine = body.filter((w) => Math.abs(w.yMin - lastTop) < 1);
      // Body text is 10 pt (a word box about 11.6 pt high); headings are 10.5 pt and up.
      const tallest = Math.max(...lastLine.map((w) => w.yMax - w.yMin));
      expect(tallest, lastLine.map((w) => w.text).join(" ")).toBeLessThan(12);
    }
  });

  it("splits the long URL inside the margins and keeps its characters", () => {
    const text = long.text.join("\n");
    expect(text).toContain(
      "https://docs.pacta.example/contrats/annexes/prestations-de-services/version-2026/\n" +
        "conditions-particulieres-et-generales-applicables-au-present-contrat.pdf",
    );
  });

  it("keeps each signature block on one page, wherever the text ends", async () => {
    const contract = sampleContract();
    let moved = 0;
    for (let extra = 0; extra < 10; extra += 1) {
      const document = sampleDocument(contract.id, 1);
      const paragraphs = "<p>Alinéa de remplissage pour déplacer la fin du texte.</p>".repeat(
        extra * 3,
      );
      document.sections[0] = {
        title: "Objet",
        body: `${document.sections[0]?.body ?? ""}${paragraphs}`,
      };
      const pdf = await writePdf({ contract, document });
      for (const block of signaturePages(pdf.text, contract, "fr")) {
        expect(block.start, block.party).toBeGreaterThan(0);
        const from = block.page.indexOf(`Pour ${block.party}`);
        const rest = block.page.slice(from);
        expect(rest, block.party).toMatch(
          /Pour [^\n]+\n(?:[^\n]+\n)?Nom : [^\n]+\nDate : _+\nLu et approuvé :\nSignature :/,
        );
      }
      const last = pdf.text.at(-1) ?? "";
      if (!last.includes("Alinéa") && !last.includes("Page 2 /")) moved += 1;
    }
    // Some of those lengths pushed the signatures onto a page of their own.
    expect(moved).toBeGreaterThan(0);
  }, 60_000);
});
