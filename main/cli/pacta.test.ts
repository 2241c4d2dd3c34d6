/**
 * The `pacta` binary as scripts use it: real process, real data folder.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  return runPacta(dataDir, ...args);
}

function writeCsv(name: string, text: string): string {
  const file = path.join(dataDir, name);
  fs.writeFileSync(file, text);
  return file;
}

const CSV = [
  "Référence;Titre;Type;Parties;Montant;Devise;Date d'effet;Date de fin;Préavis",
  'R-1;Contrat de maintenance;Services;Société Éclair ("prestataire");1 200,50;EUR;' +
    "01/02/2026;31/01/2027;3 mois",
  "R-2;Bail commercial;Bail;Иван Петров;;;15/03/2025;14/03/2034;6 mois",
].join("\n");

describe("pacta CLI", () => {
  it("lists an empty register as an empty JSON array", () => {
    const r = pacta("list", "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("imports a CSV, then lists and shows it with the public JSON fields", () => {
    const file = writeCsv("register.csv", CSV);
    const imported = pacta("import", file, "--json");
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 2, created: 2 });

    const list = JSON.parse(pacta("list", "--json").stdout);
    expect(list).toHaveLength(2);
    const first = list.find((c: { reference: string }) => c.reference === "R-1");
    expect(first).toMatchObject({
      title: "Contrat de maintenance",
      type: "Services",
      stage: "draft",
      counterparty: "Société Éclair",
      effectiveDate: "2026-02-01",
      endDate: "2027-01-31",
      renewal: { kind: "none", term: null, notice: "P3M" },
      value: 1200.5,
      currency: "EUR",
    });
    for (const key of ["id", "reference", "title", "type", "stage", "counterparty"]) {
      expect(first).toHaveProperty(key);
    }

    const shown = JSON.parse(pacta("show", String(first.id), "--json").stdout);
    expect(shown.parties[0]).toMatchObject({ name: "Société Éclair", role: "prestataire" });
    expect(shown.history[0].action).toBe("imported");

    expect(JSON.parse(pacta("list", "--search", "PETROV", "--json").stdout)).toEqual([]);
    const cyr = JSON.parse(pacta("list", "--search", "петров", "--json").stdout);
    expect(cyr.map((c: { reference: string }) => c.reference)).toEqual(["R-2"]);
    expect(pacta("list", "--search", "eclair").stdout).toContain("Contrat de maintenance");
  });

  it("imports twice without duplicates", () => {
    const file = writeCsv("register.csv", CSV);
    pacta("import", file);
    const again = JSON.parse(pacta("import", file, "--json").stdout);
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
    expect(JSON.parse(pacta("list", "--json").stdout)).toHaveLength(2);
  });

  it("writes nothing on a dry run", () => {
    const file = writeCsv("register.csv", CSV);
    const r = pacta("import", file, "--dry-run");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/would import 2 rows/);
    expect(JSON.parse(pacta("list", "--json").stdout)).toEqual([]);
  });

  it("fails with one clear line and exit 1 when the work fails", () => {
    const missing = pacta("show", "42");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("pacta: there is no contract #42\n");
    expect(missing.stdout).toBe("");
    const noFile = pacta("import", path.join(dataDir, "nope.csv"));
    expect(noFile.status).toBe(1);
    expect(noFile.stderr).toMatch(/cannot read .*nope\.csv: no such file/);
  });

  it("exits 2 on usage errors", () => {
    expect(pacta("list", "--ending-within", "soon").status).toBe(2);
    expect(pacta("list", "--stage", "nowhere").stderr).toMatch(/no stage "nowhere"; stages are/);
    expect(pacta("show", "abc").status).toBe(2);
    expect(pacta("frobnicate").status).toBe(2);
    expect(pacta("list", "--bogus").status).toBe(2);
  });

  it("refuses a register written by a newer Pacta without touching it", () => {
    pacta("list");
    const db = new Database(path.join(dataDir, "pacta.sqlite"));
    db.pragma("user_version = 999");
    db.close();
    const r = pacta("list");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/schema version 999.*update Pacta/);
  });
});

describe("pacta export", () => {
  it("round-trips the register through JSON and CSV", () => {
    pacta("import", writeCsv("register.csv", CSV));
    const before = JSON.parse(pacta("list", "--json").stdout);
    for (const format of ["json", "csv"]) {
      const file = path.join(dataDir, `out.${format}`);
      const r = pacta("export", file);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/2 contracts exported/);
      const other = tempDataDir();
      const run = runPacta(other, "import", file, "--json");
      expect(JSON.parse(run.stdout)).toMatchObject({ created: 2, flagged: 0 });
      const again = runPacta(other, "list", "--json");
      const strip = (rows: Record<string, unknown>[]) =>
        rows.map(({ id: _i, updatedAt: _u, ...rest }) => rest);
      expect(strip(JSON.parse(again.stdout))).toEqual(strip(before));
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it("refuses an unknown format as a usage error", () => {
    const r = pacta("export", path.join(dataDir, "out.xlsx"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--format json or --format csv/);
  });
});

describe("pacta with the files people really have", () => {
  it("reads a Windows-1252 CSV from Excel without losing accents", () => {
    const header = "Référence;Intitulé;Notes\n";
    const text = `${header}W-1;Contrat de maîtrise d'œuvre;Société Générale €\n`;
    const cp1252 = Buffer.from(
      [...text].map(
        (ch) => ({ é: 0xe9, î: 0xee, œ: 0x9c, É: 0xc9, "€": 0x80 })[ch] ?? ch.charCodeAt(0),
      ),
    );
    const file = path.join(dataDir, "excel.csv");
    fs.writeFileSync(file, cp1252);
    const r = pacta("import", file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/read as windows-1252/);
    const [c] = JSON.parse(pacta("list", "--json").stdout);
    expect(c.title).toBe("Contrat de maîtrise d'œuvre");
    expect(JSON.parse(pacta("show", String(c.id), "--json").stdout).notes).toBe(
      "Société Générale €",
    );
  });

  it("exports formula-like cells so spreadsheets do not run them, and reads them back", () => {
    const file = writeCsv(
      "f.csv",
      'Reference,Title,Notes\nF-1,"=cmd|\' /C calc\'!A0","@HYPERLINK(""x"")"\nF-2,-42,+SUM(1)\n',
    );
    pacta("import", file);
    const out = path.join(dataDir, "out.csv");
    pacta("export", out);
    const csv = fs.readFileSync(out, "utf8");
    expect(csv).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(csv).toContain(`'+SUM(1)`);
    expect(csv).not.toMatch(/(^|,)=cmd/m);
    const other = tempDataDir();
    runPacta(other, "import", out);
    const back = runPacta(other, "list", "--json");
    const titles = JSON.parse(back.stdout).map((c: { title: string }) => c.title);
    expect(titles.sort()).toEqual(["-42", "=cmd|' /C calc'!A0"]);
    fs.rmSync(other, { recursive: true, force: true });
  });

  it("says when a reference repeats within one file", () => {
    const file = writeCsv("dup.csv", "Reference,Title\nD-1,Premier\nD-2,Autre\nD-1,Second\n");
    const r = pacta("import", file);
    expect(r.stdout).toMatch(/row 3, column "Reference": the reference "D-1" is also on row 1/);
  });

  it("fails when no row at all could be imported", () => {
    const file = path.join(dataDir, "nothing.json");
    fs.writeFileSync(file, "[1, 2, 3]");
    const r = pacta("import", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no row of nothing\.json could be imported/);
  });

  it("keeps usage errors to one line, and asks for a command", () => {
    const r = pacta("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(pacta().status).toBe(2);
    expect(pacta("--help").status).toBe(0);
    const big = pacta("list", "--ending-within", "999999");
    expect(big.status).toBe(2);
    expect(big.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("keeps the register private to its owner", () => {
    const fresh = path.join(dataDir, "private");
    runPacta(fresh, "list");
    expect(fs.statSync(fresh).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(fresh, "pacta.sqlite")).mode & 0o777).toBe(0o600);
  });
});
