/**
 * The register's writes to its full-text index (`contracts_fts`).
 *
 * Within an import batch the writes wait in memory, in order, until the
 * end of the batch's transaction: once the index has been written in a
 * transaction, every statement that may write several rows (deleting a
 * contract's parties, say) opens a savepoint, and each savepoint makes
 * FTS5 write out what it holds in memory. Updating rows one by one while
 * indexing them made the index flush twice per row. Deleting from the
 * index is such a statement too: at the end of a batch, the deletes go
 * first, then the inserts, each contract's last one only.
 */
import type { Statement } from "better-sqlite3";
import type { ContractFields } from "../../shared/domain/contract";
import { ChunkedInsert } from "../db/chunked-insert";
import type { Db } from "../db/open";
import { toSearchRow } from "./rows";

type SearchRow = ReturnType<typeof toSearchRow>;

export class SearchIndex {
  private readonly insertRow: ChunkedInsert;
  private readonly deleteRow: Statement;
  /**
   * Per contract, what the batch leaves in the index: whether the entry it
   * had before the batch goes, and the words to add (null: none). Null
   * when writes go out at once.
   */
  private pending: Map<number, { removeOld: boolean; row: SearchRow | null }> | null = null;

  constructor(db: Db) {
    this.insertRow = new ChunkedInsert(
      db,
      "INSERT INTO contracts_fts (rowid, title, reference, parties, notes, tags, state)",
      7,
    );
    this.deleteRow = db.prepare("DELETE FROM contracts_fts WHERE rowid = ?");
  }

  /** Adds the contract's words (deleted contracts are left out of the index). */
  add(id: number, fields: ContractFields, archived: boolean): void {
    const row = toSearchRow(fields, archived);
    const entry = this.pending?.get(id);
    if (!this.pending) this.write(id, row);
    else if (entry) entry.row = row;
    else this.pending.set(id, { removeOld: false, row });
  }

  /** Takes the contract's words out. */
  remove(id: number): void {
    const entry = this.pending?.get(id);
    if (!this.pending) this.write(id, null);
    // Already seen in this batch: its entry from before (if any) goes already,
    // and words added in this batch are not in the index yet.
    else if (entry) entry.row = null;
    else this.pending.set(id, { removeOld: true, row: null });
  }

  /** From now on, keeps the writes until `flush`; call inside the batch's transaction. */
  defer(): void {
    this.pending ??= new Map();
  }

  /** Writes what the batch leaves, deletes first; writes go out at once again. */
  flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    for (const [id, entry] of pending) if (entry.removeOld) this.write(id, null);
    this.insertRow.hold();
    try {
      for (const [id, entry] of pending) if (entry.row) this.write(id, entry.row);
      this.insertRow.flush();
    } finally {
      this.insertRow.release();
    }
  }

  /** Forgets the kept writes (their transaction rolled back). */
  drop(): void {
    this.pending = null;
  }

  private write(id: number, row: SearchRow | null): void {
    if (row === null) this.deleteRow.run(id);
    else
      this.insertRow.add(id, row.title, row.reference, row.parties, row.notes, row.tags, row.state);
  }
}
