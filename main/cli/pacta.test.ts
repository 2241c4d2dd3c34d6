/**
 * The `pacta` binary as scripts use it: real process, real data folder.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tempDataDir } from "../test-support/temp-register";

const PACTA = path.resolve(__dirname, "../../dist/main/pacta.cjs");
let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  const run = spawnSync(process.execPath, [PACTA, "--data-dir", dataDir, ...args], {
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
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
    expect(noFile.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
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
      const run = spawnSync(
        process.execPath,
        [PACTA, "--data-dir", other, "import", file, "--json"],
        { encoding: "utf8" },
      );
      expect(JSON.parse(run.stdout)).toMatchObject({ created: 2, flagged: 0 });
      const again = spawnSync(process.execPath, [PACTA, "--data-dir", other, "list", "--json"], {
        encoding: "utf8",
      });
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
