/**
 * How the CLI speaks: machine output on stdout, one clear line per error on
 * stderr, and exit codes 0 (done), 1 (the work failed), 2 (usage error).
 */
import { PactaError } from "../../shared/api/result";

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

export function printJson(value: unknown): void {
  out(JSON.stringify(value, null, 2));
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE;
  if (error instanceof PactaError && error.reason === "invalid_argument") return EXIT_USAGE;
  return EXIT_FAILED;
}

export function reportError(error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pacta: ${message.replace(/\s+/g, " ").trim()}\n`);
  return exitCodeOf(error);
}

/** A fixed-width text table, the way `list` prints for people. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) =>
    Math.min(48, Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length))),
  );
  const cut = (text: string, width: number) =>
    text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => cut(c, widths[i] ?? 10))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)].join("\n");
}
