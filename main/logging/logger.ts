/**
 * One logger per area (`db`, `import`, `host`...). Until a data folder is
 * known, records are dropped; `logToFile` sends them to a file there.
 * Secrets (tokens, webhook URLs) are redacted before they are written.
 */
import fs from "node:fs";
import path from "node:path";
import pino, { type Logger } from "pino";

const MAX_LOG_BYTES = 5 * 1024 * 1024;

const REDACT = {
  paths: ["token", "*.token", "authorization", "*.authorization", "webhook", "*.webhook"],
  censor: "[redacted]",
};

let root: Logger = pino({ level: "silent" });
/** Child loggers per area, rebuilt when `logToFile` replaces the root. */
const scoped = new Map<string, { root: Logger; logger: Logger }>();

/** Writes every area's records to `logs/pacta.log` under the data folder. */
export function logToFile(dataDir: string, level = process.env.PACTA_LOG_LEVEL ?? "info"): string {
  const dir = path.join(dataDir, "logs");
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, "pacta.log");
  rotate(file);
  root = pino(
    { level, redact: REDACT, base: { pid: process.pid } },
    pino.destination({ dest: file, sync: true, mkdir: true }),
  );
  return file;
}

function rotate(file: string): void {
  try {
    if (fs.statSync(file).size > MAX_LOG_BYTES) fs.renameSync(file, `${file}.1`);
  } catch {
    // No log file yet: nothing to rotate.
  }
}

export interface ScopedLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A logger for one area; records go wherever `logToFile` pointed. */
export function createLogger(scope: string): ScopedLogger {
  const call =
    (level: "debug" | "info" | "warn" | "error") =>
    (obj: object, msg?: string): void => {
      let entry = scoped.get(scope);
      if (!entry || entry.root !== root) {
        entry = { root, logger: root.child({ scope }) };
        scoped.set(scope, entry);
      }
      entry.logger[level](obj, msg);
    };
  return { debug: call("debug"), info: call("info"), warn: call("warn"), error: call("error") };
}
