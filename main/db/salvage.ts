/**
 * Reads what it can from a damaged register, without writing to it: every
 * table that still reads, row by row, as JSON a person (or a support
 * engineer) can open. Tables that fail are named with their error.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { PactaError } from "../../shared/api/result";

export interface Salvage {
  fileName: string;
  content: string;
  tables: number;
}

type Value = string | number | null | { base64: string };

function plain(value: unknown): Value {
  if (Buffer.isBuffer(value)) return { base64: value.toString("base64") };
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number") return value;
  return null;
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The readable content of `file`; throws when not even its table list reads. */
export function salvageRegister(file: string, now: Date = new Date()): Salvage {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new PactaError("database_unreadable", `cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    let names: string[];
    try {
      names = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
          name: string;
        }[]
      )
        .map((r) => r.name)
        .filter((n) => !n.startsWith("sqlite_") && !/_(data|idx|content|docsize|config)$/.test(n));
    } catch (error) {
      throw new PactaError(
        "database_unreadable",
        `nothing can be read from ${file}: ${(error as Error).message}`,
      );
    }
    const tables: Record<string, { rows: Record<string, Value>[]; error: string | null }> = {};
    for (const name of names) {
      const rows: Record<string, Value>[] = [];
      let error: string | null = null;
      try {
        for (const row of db.prepare(`SELECT * FROM ${quoteName(name)}`).iterate()) {
          const out: Record<string, Value> = {};
          for (const [k, v] of Object.entries(row as Record<string, unknown>)) out[k] = plain(v);
          rows.push(out);
        }
      } catch (e) {
        error = (e as Error).message;
      }
      tables[name] = { rows, error };
    }
    const content = JSON.stringify(
      { source: path.basename(file), readAt: now.toISOString(), tables },
      null,
      2,
    );
    const day = now.toISOString().slice(0, 10);
    return { fileName: `pacta-recovered-${day}.json`, content, tables: names.length };
  } finally {
    db.close();
  }
}
