/** What the register's writes take and tell: their options, outcomes and hooks. */
import type { HistoryEntry, ReviewFlag } from "../../shared/domain/contract";

export interface RegisterOptions {
  /** Who is making the changes, as the history records it. */
  actor: string;
  now?: () => Date;
}

export interface WriteOptions {
  action?: HistoryEntry["action"];
  /** Values an import could not read; replaces the contract's flags. */
  review?: ReviewFlag[];
  /** Where the data came from (`file.csv, row 12`), kept in the history. */
  source?: string;
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

/** Called inside every write's transaction, after its history entry; a throw undoes the write. */
export type WriteHook = (
  contractId: number,
  action: HistoryEntry["action"],
  changes: Record<string, [unknown, unknown]>,
) => void;

/**
 * Told when an import batch's transaction begins and ends (committed or
 * not): a write hook may read what it needs once per batch, since nothing
 * else writes while the batch holds the write lock.
 */
export interface BatchHook {
  begin(): void;
  end(): void;
}
