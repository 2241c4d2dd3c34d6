/**
 * How the CLI speaks: machine output on stdout, one clear line per error on
 * stderr, and exit codes 0 (done), 1 (the work failed), 2 (usage error).
 */
import { ZodError } from "zod";
import { PactaError } from "../../shared/api/result";
import { describeIssues, issuesOf } from "../api/dispatch";
import type { PactaServices } from "../app/services";
import { busyError } from "../db/open";

/** Runs a command's work on the opened services, reporting failures. */
export type Runner = (work: (s: PactaServices) => Promise<void> | void) => Promise<void>;

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in how the command was called. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function out(text: string): void {
  process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** A warning on stderr: the work was done, but something needs a look. */
export function warn(text: string): void {
  process.stderr.write(`pacta: warning: ${printable(text.replace(/\s+/g, " ").trim())}\n`);
}

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError || error instanceof ZodError) return EXIT_USAGE;
  if (error instanceof PactaError && error.reason === "invalid_argument") return EXIT_USAGE;
  return EXIT_FAILED;
}

export function reportError(error: unknown): number {
  const busy = busyError(error);
  const message = busy
    ? busy.message
    : error instanceof ZodError
      ? describeIssues(issuesOf(error))
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`pacta: ${message.replace(/\s+/g, " ").trim()}\n`);
  return exitCodeOf(error);
}

/** Text from files may hold terminal control sequences: show them as "?". */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what we remove.
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");
}

/** A fixed-width text table, the way `list` prints for people. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h) => h.length);
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.min(48, Math.max(widths[i] ?? 0, cell.length));
    });
  }
  const cut = (text: string, width: number) =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => cut(printable(c), widths[i] ?? 10))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
