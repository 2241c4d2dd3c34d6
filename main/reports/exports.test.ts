/**
 * The report's exports read back the way a person's tools would: the CSV
 * parsed with papaparse (`,` with decimal points, `;` with decimal commas),
 * the PDF with pdftotext; and `pacta report --csv/--pdf` writing both.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PactaServices } from "../app/services";
import { TestFolder } from "../reminders/testing";
import { runPacta } from "../test-support/cli";
import { pdfPages } from "../test-support/poppler";
import { buildKnownRegister, TestClock } from "./known-register";

let folder: TestFolder;
let s: PactaServices;
const clock = new TestClock(new Date(2026, 4, 1, 9, 0));

beforeEach(() => {
  folder = new TestFolder();
  s = folder.open(clock);
  buildKnownRegister(s, clock);
});

afterEach(() => folder.cleanup());

/** The rows of one block of the CSV: those under its title and headings. */
function block(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r) => r[0] === title);
  expect(start, `no block "${title}"`).toBeGreaterThanOrEqual(0);
  const out: string[][] = [];
  for (const row of rows.slice(start + 2)) {
    if (row.length === 1 && row[0] === "") break;
    out.push(row);
  }
  return out;
}

function parse(content: string, delimiter: string): string[][] {
  expect(content.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<string[]>(content.slice(1), { delimiter });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("report exports", () => {
  it("writes CSV with commas and decimal points that parses back to the figures", () => {
    const { fileName, content } = s.reports.csv({}, ",", "en");
    expect(fileName).toBe("pacta-report-2026-06-01.csv");
    const rows = parse(content, ",");
    expect(rows[1]).toEqual(["As of", "2026-06-01"]);
    expect(block(rows, "Coming up")).toEqual([
      ["30", "1", "2"],
      ["60", "2", "2"],
      ["90", "3", "2"],
    ]);
    expect(block(rows, "Value by currency")).toEqual([
      ["EUR", "1450.49", "4"],
      ["JPY", "1500", "1"],
      ["USD", "200.00", "1"],
    ]);
    expect(block(rows, "Time spent per stage (days)")).toEqual([
      ["Draft", "3", "4", "8.8"],
      ["Active", "1", "1", "1"],
    ]);
    expect(block(rows, "Late stages by responsible person")).toEqual([
      ["Alice Martin", "1"],
      ["Bob Éloi", "1"],
      ["(nobody)", "1"],
    ]);
  });

  it("writes CSV with semicolons and decimal commas for Excel in French", () => {
    const { content } = s.reports.csv({ type: "Services" }, ";", "fr");
    const rows = parse(content, ";");
    expect(rows[2]).toEqual(["Filtres", "type Services"]);
    expect(block(rows, "Valeur par étape")).toEqual([
      ["En vigueur", "EUR", "1000,50", "1"],
      ["En vigueur", "USD", "200,00", "1"],
    ]);
    expect(block(rows, "Issues des renouvellements")).toEqual([
      ["Renouvelé", "1"],
      ["Résilié", "0"],
      ["Échu", "0"],
    ]);
    // Every number reads back as the figure with a comma for the decimal point.
    const times = block(
      parse(s.reports.csv({}, ";", "fr").content, ";"),
      "Temps passé par étape (jours)",
    );
    expect(times[0]).toEqual(["Brouillon", "3", "4", "8,8"]);
  });

  it("writes a PDF whose text holds every table", async () => {
    const pdf = await s.reports.pdf({}, "fr");
    const file = path.join(folder.dir, pdf.fileName);
    fs.writeFileSync(file, pdf.bytes);
    const text = pdfPages(file).join("\n");
    expect(text).toContain("Rapport Pacta");
    expect(text).toContain("Au 2026-06-01");
    for (const title of [
      "Contrats en vigueur",
      "Échéances à venir",
      "Valeur par étape",
      "Valeur par devise",
      "Étapes en retard par responsable",
      "Temps passé par étape (jours)",
      "Issues des renouvellements",
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toMatch(/EUR\s+1\s?450,49\s+4/);
    // Amounts keep their currency's minor digits: cents for dollars, none for yen.
    expect(text).toMatch(/USD\s+200,00\s+1/);
    expect(text).toMatch(/JPY\s+1\s?500\s+1/);
    expect(text).toMatch(/Négociation\s+EUR\s+300,00\s+1/);
    expect(text).toContain("Bob Éloi");
    expect(text).toMatch(/Page 1 \/ \d/);
  });

  it("writes both files from pacta report --csv --separator ';' --pdf", () => {
    s.close();
    const csv = path.join(folder.dir, "out.csv");
    const pdf = path.join(folder.dir, "out.pdf");
    const run = runPacta(folder.dir, "report", "--csv", csv, "--separator", ";", "--pdf", pdf);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${csv}: CSV written`);
    const rows = parse(fs.readFileSync(csv, "utf8"), ";");
    expect(block(rows, "Value by currency")[0]).toEqual(["EUR", "1450,49", "4"]);
    expect(pdfPages(pdf).join("\n")).toContain("Value by currency");
    const bad = runPacta(folder.dir, "report", "--csv", path.join(folder.dir, "no", "x.csv"));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/cannot write .*x\.csv/);
  });
});
