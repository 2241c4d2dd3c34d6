/**
 * One logger per area (`db`, `import`, `host`...). Until a data folder is
 * known, records are dropped; `logToFile` sends them to `logs/pacta.log`
 * there, a file that rotates by size (`pacta.log.1` … `.N`). Secrets
 * (webhook secrets, tokens, Authorization headers) are redacted from every
 * line before it is written.
 */
import path from "node:path";
import pino, { type Logger } from "pino";
import { RotatingLogFile } from "./rotating-file";

export const LOG_FILE = "pacta.log";
const MAX_LOG_BYTES = 5 * 1024 * 1024;
const KEEP_LOG_FILES = 5;

const REDACT = {
  paths: [
    "token",
    "*.token",
    "authorization",
    "*.authorization",
    "headers.authorization",
    "*.headers.authorization",
    "webhook",
    "*.webhook",
    "secret",
    "*.secret",
  ],
  censor: "[redacted]",
};

let root: Logger = pino({ level: "silent" });
let current: { file: string; level: string; sink: RotatingLogFile } | null = null;
/** Child loggers per area, rebuilt when `logToFile` replaces the root. */
const scoped = new Map<string, { root: Logger; logger: Logger }>();

/** The folder the log files of a data folder are in. */
export function logFolder(dataDir: string): string {
  return path.join(dataDir, "logs");
}

export interface LogFileOptions {
  level?: string;
  maxBytes?: number;
  keep?: number;
}

/** Writes every area's records to `logs/pacta.log` under the data folder. */
export function logToFile(dataDir: string, levelOrOptions: string | LogFileOptions = {}): string {
  const o = typeof levelOrOptions === "string" ? { level: levelOrOptions } : levelOrOptions;
  const level = o.level ?? process.env.PACTA_LOG_LEVEL ?? "info";
  const file = path.join(logFolder(path.resolve(dataDir)), LOG_FILE);
  if (current && current.file === file && current.level === level && !o.maxBytes) return file;
  current?.sink.close();
  const sink = new RotatingLogFile(file, {
    maxBytes: o.maxBytes ?? MAX_LOG_BYTES,
    keep: o.keep ?? KEEP_LOG_FILES,
  });
  current = { file, level, sink };
  root = pino({ level, redact: REDACT, base: { pid: process.pid } }, sink);
  return file;
}

/** Stops writing to the file (tests; the data folder may then be removed). */
export function stopLogging(): void {
  current?.sink.close();
  current = null;
  root = pino({ level: "silent" });
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
