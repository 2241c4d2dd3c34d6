/**
 * Checks a register file before the app trusts it: it must open as SQLite,
 * pass `PRAGMA quick_check`, look like a Pacta register and not come from
 * a newer app. Used on open (the recovery screen) and before a restore.
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import type { RegisterHealth, RegisterProblem } from "../../shared/api/backups";
import { PactaError } from "../../shared/api/result";
import { SCHEMA_VERSION } from "./migrate";

export type FileCheck =
  | { ok: true; schemaVersion: number }
  | { ok: false; problem: RegisterProblem; detail: string };

const CORRUPT_CODES = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_INDEX"]);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether an error thrown by SQLite means the file is damaged. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (CORRUPT_CODES.has(code) || code.startsWith("SQLITE_CORRUPT"))) {
    return true;
  }
  return /malformed|not a database|file is encrypted/i.test(errorText(error));
}

/** Reads a register file without changing it, and says whether it can be used. */
export function checkRegisterFile(file: string, options: { needTables?: boolean } = {}): FileCheck {
  if (!fs.existsSync(file))
    return { ok: false, problem: "unreadable", detail: `${file} not found` };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma("user_version", { simple: true }) as number;
    const rows = db.pragma("quick_check(5)") as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((t) => t !== "ok");
    if (problems.length > 0) {
      return { ok: false, problem: "corrupt", detail: `integrity check: ${problems.join("; ")}` };
    }
    if (version > SCHEMA_VERSION) {
      return {
        ok: false,
        problem: "newer_schema",
        detail: `schema version ${version}, this app knows up to ${SCHEMA_VERSION}`,
      };
    }
    if (options.needTables) {
      const has = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contracts'")
        .get();
      if (!has || version < 1) {
        return { ok: false, problem: "unreadable", detail: "not a Pacta register (no contracts)" };
      }
    }
    return { ok: true, schemaVersion: version };
  } catch (error) {
    const problem: RegisterProblem = isCorruptionError(error) ? "corrupt" : "unreadable";
    return { ok: false, problem, detail: errorText(error) };
  } finally {
    db?.close();
  }
}

/** The register's health: a missing file is fine (a new register starts). */
export function registerHealth(file: string): RegisterHealth {
  if (!fs.existsSync(file)) return { state: "ok" };
  const check = checkRegisterFile(file);
  if (check.ok) return { state: "ok" };
  return { state: "damaged", problem: check.problem, detail: check.detail, file };
}

/** The health an error from opening the register stands for, if it is about the file. */
export function healthFromOpenError(error: unknown, file: string): RegisterHealth | null {
  if (error instanceof PactaError && error.reason === "database_newer_than_app") {
    return { state: "damaged", problem: "newer_schema", detail: error.message, file };
  }
  if (isCorruptionError(error)) {
    return { state: "damaged", problem: "corrupt", detail: errorText(error), file };
  }
  if (error instanceof PactaError && error.reason === "database_unreadable") {
    const problem = /damaged|malformed|not a/i.test(error.message) ? "corrupt" : "unreadable";
    return { state: "damaged", problem, detail: error.message, file };
  }
  return null;
}
