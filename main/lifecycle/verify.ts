/**
 * Walks the history's hash chain in id order and reports the first entry
 * that does not hold: its content changed, or its link to the entry before
 * it is broken (an entry removed, inserted or reordered).
 */
import type { BrokenLink, HistoryCheck } from "../../shared/api/lifecycle";
import type { Db } from "../db/open";
import { type StoredEntry, storedEntryHash } from "./hash-chain";

export function verifyHistory(db: Db): HistoryCheck {
  const rows = db
    .prepare(
      `SELECT id, contract_id, at, actor, action, changes, prev_hash, hash
       FROM contract_history ORDER BY id`,
    )
    .iterate() as IterableIterator<StoredEntry>;
  let entries = 0;
  let prev: string | null = null;
  let firstBroken: BrokenLink | null = null;
  for (const row of rows) {
    entries += 1;
    if (firstBroken === null) firstBroken = check(row, prev);
    prev = row.hash;
  }
  return { ok: firstBroken === null, entries, firstBroken };
}

function check(row: StoredEntry, prev: string | null): BrokenLink | null {
  const at = { id: row.id, contractId: row.contract_id, at: row.at };
  if (row.prev_hash !== prev) {
    return {
      ...at,
      reason: "link_broken",
      detail:
        prev === null
          ? "the first entry points at an entry before it that is not there"
          : "it does not point at the entry before it: an entry was removed, added or rewritten",
    };
  }
  let expected: string;
  try {
    expected = storedEntryHash(row, prev);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...at, reason: "content_changed", detail: `its changes are not valid JSON: ${why}` };
  }
  if (row.hash !== expected) {
    return {
      ...at,
      reason: "content_changed",
      detail:
        row.hash === null
          ? "it has no hash"
          : "its content does not match its hash: the entry was changed",
    };
  }
  return null;
}
