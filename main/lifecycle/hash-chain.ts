/**
 * The history's hash chain. Every entry stores the hash of the entry before
 * it (in id order, across all contracts) and its own hash:
 *
 *   hash = sha256hex(prev_hash ?? "" + "\n" + canonical JSON of
 *          {id, contractId, at, actor, action, changes})
 *
 * Changing, removing or inserting an entry breaks the chain from there on.
 */
import { hash } from "node:crypto";
import type { Statement } from "better-sqlite3";
import { ChunkedInsert } from "../db/chunked-insert";
import type { Db } from "../db/open";

export interface ChainedEntry {
  id: number;
  contractId: number;
  at: string;
  actor: string;
  action: string;
  changes: unknown;
}

/**
 * JSON with object keys sorted at every level, so that the same value
 * always gives the same text. Follows `JSON.stringify` for what it drops
 * (undefined, functions) or turns into null (non-finite numbers).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value) ?? "null";
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return canonicalJson(withJson.toJSON());
  if (Array.isArray(value)) {
    return `[${value.map((v) => (dropped(v) ? "null" : canonicalJson(v))).join(",")}]`;
  }
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (!dropped(v)) parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(",")}}`;
}

function dropped(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

export function entryHash(prevHash: string | null, entry: ChainedEntry): string {
  // canonicalJson({id, contractId, at, actor, action, changes}), keys in
  // sorted order, written out: this runs once per imported row.
  const body =
    `{"action":${JSON.stringify(entry.action)},"actor":${JSON.stringify(entry.actor)},` +
    `"at":${JSON.stringify(entry.at)},"changes":${canonicalJson(entry.changes)},` +
    `"contractId":${JSON.stringify(entry.contractId)},"id":${JSON.stringify(entry.id)}}`;
  return hash("sha256", `${prevHash ?? ""}\n${body}`, "hex");
}

/** One stored row of `contract_history`, as the chain reads it. */
export interface StoredEntry {
  id: number;
  contract_id: number;
  at: string;
  actor: string;
  action: string;
  changes: string;
  prev_hash: string | null;
  hash: string | null;
}

export function storedEntryHash(row: StoredEntry, prevHash: string | null): string {
  return entryHash(prevHash, {
    id: row.id,
    contractId: row.contract_id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    changes: JSON.parse(row.changes) as unknown,
  });
}

/** Appends entries to `contract_history`, each chained to the last one written. */
export class HistoryChain {
  private readonly last: Statement;
  private readonly insert: ChunkedInsert;
  /** Within a batch: the last entry written, so it is read only once. */
  private batchLast: { id: number; hash: string | null } | null = null;
  private batching = false;

  constructor(db: Db) {
    this.last = db.prepare("SELECT id, hash FROM contract_history ORDER BY id DESC LIMIT 1");
    // By position: every imported row appends one entry.
    this.insert = new ChunkedInsert(
      db,
      "INSERT INTO contract_history (id, contract_id, at, actor, action, changes, prev_hash, hash)",
      8,
    );
  }

  /**
   * Starts a batch of appends in one transaction: the last entry is read
   * at the first append and then kept in memory. Only while the batch's
   * transaction is open: it holds the write lock once it has written, so
   * no other process can add to the chain until `endBatch`.
   */
  beginBatch(): void {
    this.batching = true;
    this.batchLast = null;
    this.insert.hold();
  }

  /** Writes the entries the batch holds: before the history is read, and before it commits. */
  flush(): void {
    this.insert.flush();
  }

  /** Call when the batch's transaction ends, committed or not. */
  endBatch(): void {
    this.batching = false;
    this.batchLast = null;
    this.insert.release();
  }

  /**
   * Call inside the write's transaction. Outside a batch the previous hash
   * is read every time, never cached: another process may have written.
   */
  append(entry: Omit<ChainedEntry, "id">): number {
    const last =
      this.batchLast ?? (this.last.get() as { id: number; hash: string | null } | undefined);
    const id = (last?.id ?? 0) + 1;
    const prevHash = last?.hash ?? null;
    const { contractId, at, actor, action } = entry;
    const hash = entryHash(prevHash, { id, contractId, at, actor, action, changes: entry.changes });
    const changes = JSON.stringify(entry.changes);
    this.insert.add(id, contractId, at, actor, action, changes, prevHash, hash);
    if (this.batching) this.batchLast = { id, hash };
    return id;
  }
}
