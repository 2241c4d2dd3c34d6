/**
 * The mapping worker, run from the bundle the build makes (the tests'
 * global setup builds `dist/main`), against mapping on this thread.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_STAGES } from "../../shared/domain/stages";
import { openDatabase } from "../db/open";
import { ContractRegister } from "../register/register";
import { fieldsOf } from "../register/rows";
import { tempDataDir } from "../test-support/temp-register";
import type { MappedRow } from "./finish-row";
import { runImport } from "./import-service";
import { type BatchOptions, MappedBatches } from "./mapped-batches";
import { prepareImport } from "./prepare";

const WORKER = path.resolve(__dirname, "../../dist/main/import-worker.cjs");
const dirs: string[] = [];
const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A file with a bit of everything: flags, a row without title, a repeated reference. */
function messyCsv(rows: number): string {
  const lines = ["Référence;Titre;Montant;Devise;Fin;Étape;Parties"];
  for (let i = 1; i <= rows; i += 1) {
    const title = i % 97 === 0 ? "" : `Contrat ${i}`;
    const end = i % 13 === 0 ? "31/02/2024" : `2027-0${(i % 9) + 1}-15`;
    const stage = i % 5 === 0 ? "Négociation" : "";
    const reference = i % 301 === 0 ? "R-1" : `R-${i}`;
    const parties = `"ACME (""client""); B${i % 7}"`;
    lines.push(`${reference};${title};${i}.50;EUR;${end};${stage};${parties}`);
  }
  return lines.join("\n");
}

async function allBatches(batches: MappedBatches): Promise<MappedRow[]> {
  const rows: MappedRow[] = [];
  for (let k = 0; k < batches.count; k += 1) {
    const batch = await batches.batch(k);
    for (let j = 0; j < batch.size; j += 1) rows.push(batch.next());
    batches.written(k);
  }
  return rows;
}

function batchesOf(content: string, options: BatchOptions): MappedBatches {
  const prepared = prepareImport({ fileName: "messy.csv", content });
  const batches = new MappedBatches(prepared, DEFAULT_STAGES, 400, options);
  closers.push(() => batches.close());
  return batches;
}

describe("MappedBatches", () => {
  it("maps every batch in the worker to the rows this thread would map", async () => {
    const content = messyCsv(3000);
    const here = await allBatches(batchesOf(content, { workerScript: null }));
    const inWorker = batchesOf(content, { workerScript: WORKER, mapHere: false });
    const there = await allBatches(inWorker);
    expect(inWorker.fromWorker).toBe(inWorker.count);
    expect(inWorker.count).toBe(8);
    expect(JSON.stringify(there)).toBe(JSON.stringify(here));
    expect(here.filter((m) => !m.ok)).toHaveLength(30);
    expect(here.filter((m) => m.ok && m.flags.length > 0).length).toBeGreaterThan(200);
  });

  it("maps here whatever a worker that fails or is missing does not", async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const broken = path.join(dir, "broken-worker.cjs");
    fs.writeFileSync(broken, 'throw new Error("no mapping today");\n');
    // A worker that speaks another protocol (from another build, say).
    const stranger = path.join(dir, "stranger-worker.cjs");
    fs.writeFileSync(
      stranger,
      'const { parentPort } = require("node:worker_threads");\n' +
        'parentPort.postMessage({ batch: 0, rows: "[]" });\n' +
        "setInterval(() => {}, 1000);\n",
    );
    const content = messyCsv(1000);
    const here = await allBatches(batchesOf(content, { workerScript: null }));
    for (const script of [broken, stranger, path.join(dir, "missing.cjs")]) {
      const batches = batchesOf(content, { workerScript: script, mapHere: false });
      expect(JSON.stringify(await allBatches(batches))).toBe(JSON.stringify(here));
      expect(batches.fromWorker).toBe(0);
    }
  });
});

describe("an import with the mapping worker", () => {
  function openRegister(): ContractRegister {
    const dir = tempDataDir();
    dirs.push(dir);
    const db = openDatabase(path.join(dir, "pacta.sqlite"));
    closers.push(() => db.close());
    return new ContractRegister(db, { actor: "worker test" });
  }

  function contents(register: ContractRegister) {
    const ids = register.db.prepare("SELECT id FROM contracts ORDER BY id").all() as {
      id: number;
    }[];
    return ids.map(({ id }) => {
      const c = register.get(id);
      const history = c.history.map((h) => [h.action, h.changes]);
      return { fields: fieldsOf(c), review: c.review, history };
    });
  }

  it("reports and writes what an import without it does, dry run included", async () => {
    const source = { fileName: "messy.csv", content: messyCsv(2000) };
    const options = { batchSize: 250, dryRun: false };
    const plain = openRegister();
    const withWorker = openRegister();
    const dry = await runImport(withWorker, source, {
      ...options,
      dryRun: true,
      workerScript: WORKER,
    });
    const a = await runImport(plain, source, { ...options, workerScript: null });
    const b = await runImport(withWorker, source, { ...options, workerScript: WORKER });
    expect(b).toEqual(a);
    expect({ ...dry, dryRun: false }).toEqual(a);
    expect(a).toMatchObject({ rows: 2000, skipped: 20, created: 1974, updated: 6 });
    expect(contents(withWorker)).toEqual(contents(plain));
  });
});
