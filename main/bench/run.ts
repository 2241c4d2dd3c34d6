/**
 * `npm run bench`: the register at 100,000 contracts — import time, search
 * and filtered-list latency (p50/p95), database size. Prints a table and
 * writes the figures as JSON for the README.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { ImportMapping } from "../../shared/domain/import-mapping";
import { importMappingSchema } from "../../shared/domain/import-mapping";
import { openServices } from "../app/services";
import { runImport } from "../import/import-service";
import { benchBitrix24 } from "./bitrix24";
import { benchQueries, generateCsv } from "./generate";
import { benchPdf } from "./pdf";
import { benchReminders } from "./reminders";

const COUNT = Number(process.env.PACTA_BENCH_COUNT ?? 100_000);
/** `PACTA_BENCH_ONLY=bitrix24` runs only the Bitrix24 pull comparison. */
const ONLY = process.env.PACTA_BENCH_ONLY ?? "";

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function timeEach(count: number, work: (i: number) => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    work(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const mapping: ImportMapping = importMappingSchema.parse({
  columns: {
    reference: "Reference",
    title: "Title",
    type: "Type",
    parties: "Parties",
    value: "Value",
    currency: "Currency",
    effectiveDate: "Effective date",
    endDate: "End date",
    renewalKind: "Renewal",
    renewalTerm: "Renewal term",
    noticePeriod: "Notice period",
    tags: "Tags",
    notes: "Notes",
  },
  dateFormat: "YYYY-MM-DD",
  delimiter: ",",
});

async function main(): Promise<void> {
  if (ONLY === "bitrix24") {
    await benchBitrix24();
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-bench-"));
  const services = openServices({ dataDir, actor: "bench" });
  const csv = generateCsv(COUNT);
  const results: Record<string, number | string> = { contracts: COUNT };

  const t0 = performance.now();
  const report = await runImport(
    services.register,
    { fileName: "bench.csv", content: csv, mapping },
    {
      dryRun: false,
    },
  );
  results.importSeconds = Number(((performance.now() - t0) / 1000).toFixed(2));
  if (report.created !== COUNT) throw new Error(`imported ${report.created} of ${COUNT}`);

  const queries = benchQueries(500);
  services.list.list({ search: "warm up" });
  const search = timeEach(queries.length, (i) => {
    services.list.list({ search: queries[i] ?? "", sort: "updatedAt", limit: 100 });
  });
  results.searchP50Ms = Number(percentile(search, 50).toFixed(2));
  results.searchP95Ms = Number(percentile(search, 95).toFixed(2));

  const stages = ["draft", "active", "negotiation"];
  const filtered = timeEach(300, (i) => {
    services.list.list({
      stage: stages[i % 3] ?? null,
      tag: i % 2 ? "rh" : null,
      endingWithinDays: [30, 90, 365][i % 3] ?? 30,
      sort: (["title", "endDate", "value"] as const)[i % 3] ?? "title",
      direction: i % 2 ? "asc" : "desc",
      limit: 200,
    });
  });
  results.filteredListP95Ms = Number(percentile(filtered, 95).toFixed(2));

  const scroll = timeEach(200, (i) => {
    services.list.list({ sort: "title", offset: (i * 499) % COUNT, limit: 200 });
  });
  results.pageP95Ms = Number(percentile(scroll, 95).toFixed(2));

  benchReminders(services, results);
  await benchPdf(results);

  services.db.pragma("wal_checkpoint(TRUNCATE)");
  const dbFile = path.join(dataDir, "pacta.sqlite");
  results.dbMegabytes = Number((fs.statSync(dbFile).size / 1024 / 1024).toFixed(1));
  services.close();
  if (process.env.PACTA_BENCH_KEEP) process.stdout.write(`kept ${dataDir}\n`);
  else fs.rmSync(dataDir, { recursive: true, force: true });

  const rows = Object.entries(results).map(([k, v]) => `${k.padEnd(20)} ${v}`);
  process.stdout.write(`${rows.join("\n")}\n`);
  process.stdout.write(`${JSON.stringify({ register: results })}\n`);
  await benchBitrix24();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
