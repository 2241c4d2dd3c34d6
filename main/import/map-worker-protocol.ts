/**
 * What the writing thread and the mapping worker of an import share: the
 * worker's start data, its messages, and three counters in shared memory.
 */
import type { ImportMapping } from "../../shared/domain/import-mapping";
import type { StageDefinition } from "../../shared/domain/stages";
import type { Cell } from "./row-codec";

/** Slots of the shared counters (an Int32Array). */
export const SLOT = {
  /** The first batch nobody has taken yet; either thread takes one atomically. */
  next: 0,
  /** Batches the writing thread has written; the worker stays a few ahead of it. */
  written: 1,
  /** Not 0 once the import is over: the worker stops. */
  stop: 2,
} as const;

export const SLOT_COUNT = 3;

/** How many batches beyond the written ones the worker may map. */
export const AHEAD = 3;

export interface MapWorkerData {
  fileName: string;
  content: string;
  delimiter: ImportMapping["delimiter"];
  mapping: ImportMapping;
  stages: readonly StageDefinition[];
  batchSize: number;
  slots: SharedArrayBuffer;
}

/** One batch, mapped and encoded (see row-codec). */
export interface MappedBatchMessage {
  batch: number;
  cells: Cell[];
}
