/**
 * Runs the built `pacta` binary as a script would, on a given data folder.
 * (vitest's global setup builds dist/main/pacta.cjs first.)
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

export const PACTA = path.resolve(__dirname, "../../dist/main/pacta.cjs");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runPacta(dataDir: string, ...args: string[]): CliRun {
  const run = spawnSync(process.execPath, [PACTA, "--data-dir", dataDir, ...args], {
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
