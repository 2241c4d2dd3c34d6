/**
 * Runs the built `pacta` binary as a script would, on a given data folder.
 * (vitest's global setup builds dist/main/pacta.cjs first.)
 */
import { spawn, spawnSync } from "node:child_process";
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

/** The same, without blocking: for tests whose other end (the Bitrix24 double) runs here. */
export function spawnPacta(dataDir: string, ...args: string[]) {
  const child = spawn(process.execPath, [PACTA, "--data-dir", dataDir, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t: string) => {
    stdout += t;
  });
  child.stderr.setEncoding("utf8").on("data", (t: string) => {
    stderr += t;
  });
  const done = new Promise<CliRun>((resolve) => {
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
  return { child, done };
}

export function runPactaAsync(dataDir: string, ...args: string[]): Promise<CliRun> {
  return spawnPacta(dataDir, ...args).done;
}
