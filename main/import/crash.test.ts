/**
 * A real crash: `pacta import` killed with SIGKILL in the middle of a big
 * file. The register keeps whole batches only, and running the same import
 * again completes it without duplicates.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { generateCsv } from "../bench/generate";
import { tempDataDir } from "../test-support/temp-register";
import { DEFAULT_BATCH_SIZE } from "./import-service";

const PACTA = path.resolve(__dirname, "../../dist/main/pacta.cjs");
const ROWS = 40_000;
const BATCH = DEFAULT_BATCH_SIZE;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const MAPPING = {
  columns: {
    reference: "Reference",
    title: "Title",
    parties: "Parties",
    value: "Value",
    currency: "Currency",
    endDate: "End date",
  },
  dateFormat: "YYYY-MM-DD",
};

function count(file: string): number {
  const db = new Database(file, { readonly: true, timeout: 5000 });
  try {
    return (db.prepare("SELECT count(*) AS n FROM contracts").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("import killed mid-way", () => {
  // Two real processes and 40,000 rows: give a busy machine time.
  it("keeps whole batches, and a re-run finishes without duplicates", {
    timeout: 180_000,
  }, async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const csv = path.join(dir, "big.csv");
    const mapping = path.join(dir, "mapping.json");
    fs.writeFileSync(csv, generateCsv(ROWS, 3));
    fs.writeFileSync(mapping, JSON.stringify(MAPPING));
    const args = [PACTA, "--data-dir", dir, "import", csv, "--mapping", mapping];
    const db = path.join(dir, "pacta.sqlite");

    const child = spawn(process.execPath, args, { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // Wait for the first committed batch, then pull the plug.
    let seen = 0;
    for (let i = 0; i < 600 && seen === 0; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (fs.existsSync(db)) {
        try {
          seen = count(db);
        } catch {
          seen = 0; // The schema is still being created.
        }
      }
    }
    child.kill("SIGKILL");
    await exited;
    expect(seen).toBeGreaterThan(0);

    const kept = count(db);
    expect(kept % BATCH).toBe(0);
    expect(kept).toBeLessThan(ROWS);
    const check = new Database(db);
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();

    const again = spawnSync(process.execPath, [...args, "--json"], { encoding: "utf8" });
    expect(again.status, again.stderr).toBe(0);
    const report = JSON.parse(again.stdout) as { created: number; unchanged: number };
    expect(report.created).toBe(ROWS - kept);
    expect(report.unchanged).toBe(kept);
    expect(count(db)).toBe(ROWS);
  });
});
