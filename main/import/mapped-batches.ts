/**
 * The rows of an import, mapped, batch after batch in file order. A worker
 * thread maps batches a few ahead while this thread writes; this thread
 * maps a batch itself whenever the worker has not taken it (at the start,
 * while the worker reads the file, or when the worker is slow or gone), so
 * the writes never wait for a worker that is not there. Either way a batch
 * is mapped by the same code from the same file: the rows are the same.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import type { StageDefinition } from "../../shared/domain/stages";
import { messageOf } from "../db/open";
import { createLogger } from "../logging/logger";
import type { MappedRow } from "./finish-row";
import {
  type MappedBatchMessage,
  type MapWorkerData,
  SLOT,
  SLOT_COUNT,
} from "./map-worker-protocol";
import { mapRowOf, type PreparedImport } from "./prepare";
import { type Cell, EncodedRows } from "./row-codec";

const log = createLogger("import");

/** The worker's bundle beside this one (`dist/main`); null where there is none (tests). */
export function defaultWorkerScript(): string | null {
  const file = path.join(__dirname, "import-worker.cjs");
  return fs.existsSync(file) ? file : null;
}

export interface BatchOptions {
  /** The worker's bundle; null maps every batch on this thread. */
  workerScript: string | null;
  /**
   * Whether this thread maps a batch the worker has not taken yet (the
   * default). False leaves every batch to the worker for as long as it runs.
   */
  mapHere?: boolean;
}

/** One batch's rows, mapped (or decoded) one at a time as they are read. */
export interface BatchRows {
  readonly size: number;
  /** The next row; call at most `size` times. */
  next(): MappedRow;
}

export class MappedBatches {
  readonly count: number;
  /** Batches the worker mapped (the others were mapped on this thread). */
  fromWorker = 0;
  /** Milliseconds this thread waited for the worker's batches. */
  waitedMs = 0;
  private readonly map: (index: number) => MappedRow;
  private readonly slots = new Int32Array(new SharedArrayBuffer(SLOT_COUNT * 4));
  private worker: Worker | null = null;
  /** Batches the worker posted, not yet asked for. */
  private readonly posted = new Map<number, Cell[]>();
  /** Resolves the wait of `batch` when a batch arrives or the worker goes. */
  private wake: () => void = () => undefined;
  private readonly mapHereToo: boolean;

  constructor(
    private readonly prepared: PreparedImport,
    stages: readonly StageDefinition[],
    readonly batchSize: number,
    options: BatchOptions,
  ) {
    this.map = mapRowOf(prepared, stages);
    this.count = Math.ceil(prepared.file.rows.length / batchSize);
    this.mapHereToo = options.mapHere ?? true;
    // One batch is mapped here sooner than a worker could read the file.
    const script = options.workerScript;
    if (script !== null && (this.count > 1 || !this.mapHereToo)) this.startWorker(script, stages);
  }

  /** Batch `k`'s rows; ask for 0, 1, 2... in order, and say `written(k)` after each. */
  async batch(k: number): Promise<BatchRows> {
    for (;;) {
      const cells = this.posted.get(k);
      if (cells) {
        this.posted.delete(k);
        this.fromWorker += 1;
        const rows = new EncodedRows(cells);
        return { size: this.sizeOf(k), next: () => rows.next() };
      }
      // Take the batch, unless the worker has taken it already.
      if (!this.worker) return this.mapHere(k);
      if (this.mapHereToo && Atomics.compareExchange(this.slots, SLOT.next, k, k + 1) === k) {
        return this.mapHere(k);
      }
      const start = performance.now();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.waitedMs += performance.now() - start;
    }
  }

  /** Batch `k` is written: the worker may map further ahead. */
  written(k: number): void {
    Atomics.store(this.slots, SLOT.written, k + 1);
    Atomics.notify(this.slots, SLOT.written);
  }

  /** Stops the worker; call when the import ends, whichever way. */
  close(): void {
    Atomics.store(this.slots, SLOT.stop, 1);
    Atomics.notify(this.slots, SLOT.written);
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
  }

  private sizeOf(k: number): number {
    const total = this.prepared.file.rows.length;
    return Math.max(0, Math.min(total, (k + 1) * this.batchSize) - k * this.batchSize);
  }

  private mapHere(k: number): BatchRows {
    let i = k * this.batchSize;
    return { size: this.sizeOf(k), next: () => this.map(i++) };
  }

  private startWorker(script: string, stages: readonly StageDefinition[]): void {
    const { fileName, content, file, mapping } = this.prepared;
    const data: MapWorkerData = {
      fileName,
      content,
      delimiter: file.format === "csv" ? file.delimiter : "auto",
      mapping,
      stages,
      batchSize: this.batchSize,
      slots: this.slots.buffer as SharedArrayBuffer,
    };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: data });
    } catch (error) {
      log.warn({ error: messageOf(error) }, "no mapping worker; rows are mapped on this thread");
      return;
    }
    this.worker = worker;
    worker.unref();
    // Without the worker, this thread maps the batches it had taken.
    const gone = () => {
      if (this.worker === worker) this.worker = null;
      this.wake();
    };
    worker.on("message", (message: unknown) => {
      if (this.worker !== worker) return;
      if (!isBatchMessage(message)) {
        // A worker from another build, say: never wait for it again.
        log.warn({ script }, "mapping worker sent something else; rows are mapped here");
        void worker.terminate();
        gone();
        return;
      }
      this.posted.set(message.batch, message.cells);
      this.wake();
    });
    worker.on("error", (error) => {
      log.warn({ error: messageOf(error) }, "mapping worker failed; rows are mapped here");
      gone();
    });
    worker.on("exit", gone);
  }
}

function isBatchMessage(message: unknown): message is MappedBatchMessage {
  if (typeof message !== "object" || message === null) return false;
  const { batch, cells } = message as Partial<MappedBatchMessage>;
  return typeof batch === "number" && Array.isArray(cells);
}
