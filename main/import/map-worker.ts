/**
 * The mapping worker of an import, bundled on its own as
 * `dist/main/import-worker.cjs`. It reads the file again (the writing
 * thread keeps its own copy), then takes the batches the writing thread
 * has not taken, maps them a few batches ahead of the writes, and posts
 * each one encoded. It writes nothing.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { MappedRow } from "./finish-row";
import { AHEAD, type MappedBatchMessage, type MapWorkerData, SLOT } from "./map-worker-protocol";
import { mapRowOf } from "./prepare";
import { readSourceFile } from "./read-file";
import { encodeRows } from "./row-codec";

function run(data: MapWorkerData, post: (message: MappedBatchMessage) => void): void {
  const file = readSourceFile(data.fileName, data.content, data.delimiter);
  const prepared = { fileName: data.fileName, content: data.content, file, mapping: data.mapping };
  const map = mapRowOf(prepared, data.stages);
  const slots = new Int32Array(data.slots);
  const total = file.rows.length;
  const count = Math.ceil(total / data.batchSize);
  while (Atomics.load(slots, SLOT.stop) === 0) {
    const written = Atomics.load(slots, SLOT.written);
    const next = Atomics.load(slots, SLOT.next);
    if (next >= count) return;
    if (next >= written + AHEAD) {
      // Far enough ahead: sleep until a batch is written (or the import stops).
      Atomics.wait(slots, SLOT.written, written, 1000);
      continue;
    }
    const batch = Atomics.add(slots, SLOT.next, 1);
    if (batch >= count) return;
    const rows: MappedRow[] = [];
    const end = Math.min(total, (batch + 1) * data.batchSize);
    for (let i = batch * data.batchSize; i < end; i += 1) rows.push(map(i));
    post({ batch, cells: encodeRows(rows) });
  }
}

const port = parentPort;
if (port) run(workerData as MapWorkerData, (message) => port.postMessage(message));
