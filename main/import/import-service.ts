/**
 * Imports a CSV or JSON file into the register: one transaction per batch,
 * rows matched by reference, so a crash loses at most the batch in progress
 * and a re-run creates no duplicates. Jobs let a UI poll the progress.
 */
import { randomUUID } from "node:crypto";
import type { ImportJob, ImportReport } from "../../shared/api/contract";
import { PactaError } from "../../shared/api/result";
import { messageOf } from "../db/open";
import { createLogger } from "../logging/logger";
import { ContractList } from "../register/list";
import type { ContractRegister, UpsertOutcome } from "../register/register";
import type { MappedRow } from "./map-row";
import {
  type ImportSource,
  mapRowOf,
  NO_REFERENCE_NOTE,
  type PreparedImport,
  prepareImport,
} from "./prepare";

export { type ImportSource, NO_REFERENCE_NOTE, prepareImport } from "./prepare";
export { previewImport } from "./preview";

const log = createLogger("import");

type Problem = ImportReport["problems"][number];

export interface RunOptions {
  /** Check and count everything, write nothing. */
  dryRun: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runImport(
  register: ContractRegister,
  source: ImportSource,
  options: RunOptions,
): Promise<ImportReport> {
  return executeImport(register, prepareImport(source), options);
}

/** Thrown at the end of a dry-run batch so its transaction rolls back. */
class DryRunRollback extends Error {
  constructor(readonly outcomes: UpsertOutcome[]) {
    super("dry run: rolled back");
  }
}

// TODO(perf): 100,000 rows take 13-20 s against a 5 s target. Mapping runs
// on the same thread as the writes (a worker could overlap them), and each
// row costs about ten statements (contract, parties, tags, search index,
// stage visit, hash-chained history, reminder triggers).
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function executeImport(
  register: ContractRegister,
  prepared: PreparedImport,
  options: RunOptions,
): Promise<ImportReport> {
  const { file, mapping, fileName } = prepared;
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const map = mapRowOf(prepared, new ContractList(register.db).facets().stages);
  const report: ImportReport = {
    fileName,
    dryRun: options.dryRun,
    rows: file.rows.length + file.broken.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: file.broken.length,
    flagged: 0,
    problems: file.broken.map((b) => ({
      row: b.row,
      column: null,
      field: null,
      message: b.message,
    })),
  };
  const hasReference =
    file.format === "csv"
      ? mapping.columns.reference !== undefined
      : file.rows.some((r) => hasReferenceKey(r.value));
  if (!hasReference) {
    report.problems.push({ row: 0, column: null, field: "reference", message: NO_REFERENCE_NOTE });
  }

  // A dry run rolls each batch back; what earlier batches "wrote" is kept here.
  const dryWritten = new Map<string, string>();
  const firstRowOf = new Map<string, number>();
  const total = file.rows.length;
  for (let start = 0; start < total; start += batchSize) {
    const end = Math.min(total, start + batchSize);
    const mapped: MappedRow[] = [];
    for (let i = start; i < end; i += 1) mapped.push(map(i));
    noteRepeatedReferences(mapped, firstRowOf, report, prepared);
    let outcomes: UpsertOutcome[];
    try {
      outcomes = writeBatch(register, fileName, mapped, options.dryRun, dryWritten);
    } catch (error) {
      const first = mapped[0]?.row ?? start + 1;
      const last = mapped.at(-1)?.row ?? end;
      log.error({ fileName, first, last, error: messageOf(error) }, "import batch failed");
      const kept = options.dryRun
        ? "Nothing was written (dry run)."
        : `Rows before ${first} are in the register; rows from ${first} on were not imported.`;
      throw new PactaError(
        error instanceof PactaError ? error.reason : "internal",
        `the import stopped in rows ${first}–${last}: ${messageOf(error)}. ${kept}`,
      );
    }
    tally(report, mapped, outcomes);
    options.onProgress?.(end, total);
    if (end < total) await nextTick();
  }
  report.problems.sort((a, b) => a.row - b.row);
  log.info({ ...report, problems: report.problems.length }, "import finished");
  return report;
}

function writeBatch(
  register: ContractRegister,
  fileName: string,
  mapped: MappedRow[],
  dryRun: boolean,
  dryWritten: Map<string, string>,
): UpsertOutcome[] {
  const write = (): UpsertOutcome[] => {
    const outcomes: UpsertOutcome[] = [];
    for (const m of mapped) {
      if (!m.ok) continue;
      const ref = m.fields.reference;
      const seen = dryRun && ref !== null ? dryWritten.get(ref) : undefined;
      if (seen !== undefined) {
        outcomes.push(seen === signature(m) ? "unchanged" : "updated");
        continue;
      }
      outcomes.push(
        register.upsertByReference(m.fields, {
          action: "imported",
          review: m.flags,
          source: `${fileName}, row ${m.row}`,
        }),
      );
    }
    if (dryRun) throw new DryRunRollback(outcomes);
    return outcomes;
  };
  try {
    return register.writeBatch(write);
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    for (const m of mapped) {
      if (m.ok && m.fields.reference !== null) dryWritten.set(m.fields.reference, signature(m));
    }
    return error.outcomes;
  }
}

function signature(m: MappedRow): string {
  return m.ok ? JSON.stringify([m.fields, m.flags]) : "";
}

function tally(report: ImportReport, mapped: MappedRow[], outcomes: UpsertOutcome[]): void {
  let next = 0;
  for (const m of mapped) {
    if (!m.ok) {
      report.skipped += 1;
      report.problems.push({ row: m.row, column: m.column, field: "title", message: m.error });
      continue;
    }
    const outcome = outcomes[next++];
    if (outcome) report[outcome] += 1;
    if (m.flags.length > 0) report.flagged += 1;
    for (const f of m.flags) {
      const problem: Problem = { row: m.row, column: f.column, field: f.field, message: f.message };
      report.problems.push(problem);
    }
  }
}

function hasReferenceKey(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const reference: unknown = Reflect.get(value, "reference");
  return typeof reference === "string" ? reference.trim() !== "" : typeof reference === "number";
}

/** Imports running in the background, polled by the UI through `imports.status`. */
export class ImportJobs {
  private readonly jobs = new Map<string, { job: ImportJob; finished: Promise<void> }>();

  constructor(private readonly register: ContractRegister) {}

  /** Reads and checks the file now (a bad file fails here), then imports in the background. */
  start(source: ImportSource, dryRun: boolean): { jobId: string } {
    const prepared = prepareImport(source);
    const id = randomUUID();
    const job: ImportJob = {
      id,
      state: "running",
      done: 0,
      total: prepared.file.rows.length,
      report: null,
      error: null,
    };
    const onProgress = (done: number, total: number) => {
      job.done = done;
      job.total = total;
    };
    const finished = executeImport(this.register, prepared, { dryRun, onProgress }).then(
      (report) => {
        job.state = "done";
        job.done = job.total;
        job.report = report;
      },
      (error: unknown) => {
        job.state = "failed";
        job.error = messageOf(error);
      },
    );
    this.jobs.set(id, { job, finished });
    this.forgetOldJobs();
    return { jobId: id };
  }

  status(jobId: string): ImportJob {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new PactaError("not_found", `there is no import job "${jobId}"`);
    return { ...entry.job };
  }

  /** Resolves when the job has finished, whichever way; for the CLI and tests. */
  async wait(jobId: string): Promise<ImportJob> {
    const entry = this.jobs.get(jobId);
    if (!entry) throw new PactaError("not_found", `there is no import job "${jobId}"`);
    await entry.finished;
    return { ...entry.job };
  }

  /** Keeps the last 20 finished jobs; running ones are always kept. */
  private forgetOldJobs(): void {
    const finished = [...this.jobs].filter(([, e]) => e.job.state !== "running");
    for (const [id] of finished.slice(0, Math.max(0, finished.length - 20))) this.jobs.delete(id);
  }
}

/** A reference seen on an earlier row of the same file: the later row wins, and we say so. */
function noteRepeatedReferences(
  mapped: MappedRow[],
  firstRowOf: Map<string, number>,
  report: ImportReport,
  prepared: PreparedImport,
): void {
  const column =
    prepared.file.format === "csv" ? (prepared.mapping.columns.reference ?? null) : "reference";
  for (const m of mapped) {
    if (!m.ok || m.fields.reference === null) continue;
    const first = firstRowOf.get(m.fields.reference);
    if (first === undefined) {
      firstRowOf.set(m.fields.reference, m.row);
      continue;
    }
    report.problems.push({
      row: m.row,
      column,
      field: "reference",
      message:
        `the reference "${m.fields.reference}" is also on row ${first}: ` +
        "this row replaced what that row imported",
    });
  }
}
