/**
 * Imports a CSV or JSON file into the register: one transaction per batch,
 * rows matched by reference, so a crash loses at most the batch in progress
 * and a re-run creates no duplicates. Jobs let a UI poll the progress.
 */
import { randomUUID } from "node:crypto";
import type { ImportJob, ImportReport } from "../../shared/api/contract";
import { PactaError } from "../../shared/api/result";
import { dropDeferredIndexes, ensureDeferredIndexes } from "../db/deferred-indexes";
import { busyError, messageOf } from "../db/open";
import { createLogger } from "../logging/logger";
import { changesOver, keepCorrections, type StoredState } from "../register/keep-corrections";
import { ContractList } from "../register/list";
import type { ContractRegister } from "../register/register";
import type { UpsertOutcome } from "../register/register-types";
import type { MappedRow } from "./map-row";
import { type BatchRows, defaultWorkerScript, MappedBatches } from "./mapped-batches";
import {
  type ImportSource,
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
  /**
   * Rows per transaction (10,000 by default): fewer commits make a big
   * import faster, smaller batches report progress more often and hold
   * the write lock for less time (about half a second at 10,000 rows).
   */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * The mapping worker's bundle; by default the one beside this bundle.
   * Null, or none found, maps every row on this thread.
   */
  workerScript?: string | null;
  /** The size from which an import defers sort indexes (`BULK_ROWS`); for tests. */
  bulkRows?: number;
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
  constructor() {
    super("dry run: rolled back");
  }
}

export const DEFAULT_BATCH_SIZE = 10_000;

// Where the time goes (100,000 rows, 4.4-4.8 s on the 2-core machine on
// 2026-12-05; the target is 5 s): the writing thread reads and checks the
// whole file first (about 0.3 s: nothing is written from a file that turns
// out broken), maps the first batch while the worker reads the file again,
// then writes, busy about 3.9 s of CPU in all. Measured without a profiler:
// the contract rows 0.7 s, the rows held and written 32 at a time (parties,
// tags, history, stage visits) 0.5 s, the search index at each batch's end
// 0.65 s, the history's hash chain 0.3 s, building each contract's values,
// uuid and time 0.3-0.4 s, decoding the worker's rows 0.35 s, the sort
// indexes built at the end 0.2 s, commits and garbage collection the rest.
// Tried without gain: the search words made in the worker (its rows take
// longer to decode), rows sent as packed text, contract rows 16 at a time,
// larger young-generation spaces, other batch and page sizes.

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function executeImport(
  register: ContractRegister,
  prepared: PreparedImport,
  options: RunOptions,
): Promise<ImportReport> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const stages = new ContractList(register.db).facets().stages;
  const workerScript =
    options.workerScript === undefined ? defaultWorkerScript() : options.workerScript;
  const batches = new MappedBatches(prepared, stages, batchSize, { workerScript });
  const rows = prepared.file.rows.length;
  const bulk =
    !options.dryRun && rows >= (options.bulkRows ?? BULK_ROWS) && rows >= storedCount(register);
  try {
    if (bulk) dropDeferredIndexes(register.db);
    return await writeBatches(register, prepared, options, batches);
  } finally {
    batches.close();
    if (bulk) rebuildDeferredIndexes(register);
  }
}

/** Never hides why an import stopped: a failed rebuild is left for the next opening. */
function rebuildDeferredIndexes(register: ContractRegister): void {
  try {
    ensureDeferredIndexes(register.db);
  } catch (error) {
    log.warn({ error: messageOf(error) }, "indexes not built again; the next opening will");
  }
}

/**
 * From this many rows, and at least as many as the register holds, an
 * import builds the sort indexes it may defer once at its end
 * (`db/deferred-indexes.ts`) rather than row by row.
 */
export const BULK_ROWS = 20_000;

function storedCount(register: ContractRegister): number {
  return register.db.prepare("SELECT count(*) FROM contracts").pluck().get() as number;
}

/** What writing a batch needs besides its rows, and the report it adds to. */
interface ImportRun {
  register: ContractRegister;
  fileName: string;
  dryRun: boolean;
  report: ImportReport;
  /** The column references are read from, for the repeated-reference problem. */
  referenceColumn: string | null;
  /** The row each reference was first seen on. */
  firstRowOf: Map<string, number>;
  /** The register held no contract, deleted ones included, when the import began. */
  startedEmpty: boolean;
  /** A dry run rolls each batch back; what earlier batches "wrote" is kept here. */
  dryWritten: Map<string, StoredState>;
}

async function writeBatches(
  register: ContractRegister,
  prepared: PreparedImport,
  options: RunOptions,
  batches: MappedBatches,
): Promise<ImportReport> {
  const { file, mapping, fileName } = prepared;
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
  const run: ImportRun = {
    register,
    fileName,
    dryRun: options.dryRun,
    report,
    referenceColumn: file.format === "csv" ? (mapping.columns.reference ?? null) : "reference",
    firstRowOf: new Map(),
    startedEmpty: storedCount(register) === 0,
    dryWritten: new Map(),
  };
  const total = file.rows.length;
  for (let k = 0; k < batches.count; k += 1) {
    const start = k * batches.batchSize;
    const end = Math.min(total, start + batches.batchSize);
    const rows = await batches.batch(k);
    try {
      writeBatch(run, rows);
    } catch (error) {
      const first = file.rows[start]?.row ?? start + 1;
      const last = file.rows[end - 1]?.row ?? end;
      log.error({ fileName, first, last, error: messageOf(error) }, "import batch failed");
      const kept = options.dryRun
        ? "Nothing was written (dry run)."
        : `Rows before ${first} are in the register; rows from ${first} on were not imported.`;
      const cause = busyError(error) ?? error;
      throw new PactaError(
        cause instanceof PactaError ? cause.reason : "internal",
        `the import stopped in rows ${first}–${last}: ${messageOf(cause)}. ${kept}`,
      );
    }
    batches.written(k);
    options.onProgress?.(end, total);
    if (end < total) await nextTick();
  }
  report.problems.sort((a, b) => a.row - b.row);
  const worker = { inWorker: batches.fromWorker, waitedMs: Math.round(batches.waitedMs) };
  log.info({ ...report, problems: report.problems.length, ...worker }, "import finished");
  return report;
}

/**
 * Writes one batch in one transaction, row by row as they are mapped (so
 * each row's objects are garbage before the next), and counts each row in
 * the report. A failed batch throws, and the caller drops the report.
 */
function writeBatch(run: ImportRun, rows: BatchRows): void {
  const { register, dryRun, dryWritten } = run;
  // A dry run's batch: per reference, what it leaves stored (null: written
  // for real in this transaction, read back at its end).
  const left = new Map<string, StoredState | null>();
  const write = () => {
    for (let j = 0; j < rows.size; j += 1) {
      const m = rows.next();
      const firstSeen = noteRepeatedReference(run, m);
      if (!m.ok) {
        tally(run.report, m, null);
        continue;
      }
      const ref = m.fields.reference;
      const known =
        !dryRun || ref === null ? undefined : left.has(ref) ? left.get(ref) : dryWritten.get(ref);
      let outcome: UpsertOutcome;
      if (known && ref !== null) {
        // Written by an earlier batch of this dry run, rolled back since.
        const kept = keepCorrections(known.fields, m.fields, m.flags);
        const { after, changes } = changesOver(known, kept.fields, kept.review);
        const changed = Object.keys(changes).length > 0;
        outcome = changed ? "updated" : "unchanged";
        left.set(ref, changed ? { fields: after, review: kept.review } : known);
      } else {
        const options = {
          action: "imported" as const,
          review: m.flags,
          source: `${run.fileName}, row ${m.row}`,
        };
        outcome = register.upsertByReference(m.fields, options, firstSeen && run.startedEmpty);
        if (dryRun && ref !== null) left.set(ref, null);
      }
      tally(run.report, m, outcome);
    }
    if (!dryRun) return;
    for (const [ref, state] of left) {
      const id = state === null ? register.idByReference(ref) : null;
      if (id !== null) left.set(ref, register.storedState(id));
    }
    throw new DryRunRollback();
  };
  try {
    register.writeBatch(write);
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    for (const [ref, state] of left) if (state) dryWritten.set(ref, state);
  }
}

function tally(report: ImportReport, m: MappedRow, outcome: UpsertOutcome | null): void {
  if (!m.ok) {
    report.skipped += 1;
    report.problems.push({ row: m.row, column: m.column, field: "title", message: m.error });
    return;
  }
  if (outcome) report[outcome] += 1;
  if (m.flags.length > 0) report.flagged += 1;
  for (const f of m.flags) {
    const problem: Problem = { row: m.row, column: f.column, field: f.field, message: f.message };
    report.problems.push(problem);
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

/**
 * A reference seen on an earlier row of the same file: the later row wins,
 * and we say so. Returns whether the row's reference is seen for the first time.
 */
function noteRepeatedReference(run: ImportRun, m: MappedRow): boolean {
  if (!m.ok || m.fields.reference === null) return false;
  const first = run.firstRowOf.get(m.fields.reference);
  if (first === undefined) {
    run.firstRowOf.set(m.fields.reference, m.row);
    return true;
  }
  run.report.problems.push({
    row: m.row,
    column: run.referenceColumn,
    field: "reference",
    message:
      `the reference "${m.fields.reference}" is also on row ${first}: ` +
      "this row replaced what that row imported",
  });
  return false;
}
