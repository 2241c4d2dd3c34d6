/**
 * Runs the real product for a test: `pacta serve` on 127.0.0.1 with a data
 * folder of the test's own, and the `pacta` CLI on the same folder.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test as base } from "@playwright/test";

export const ROOT = path.resolve(__dirname, "../..");
export const PACTA = path.join(ROOT, "dist/main/pacta.cjs");
export const SHARED_DATA = path.resolve(ROOT, "../shared/data");

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface PactaHost {
  /** The app's address, token included. */
  url: string;
  dataDir: string;
  cli(...args: string[]): CliResult;
}

export async function startPacta(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [PACTA, "serve", "--json", "--data-dir", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line && out.includes("}\n")) {
        resolve((JSON.parse(out) as { url: string }).url);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("exit", (code) => reject(new Error(`pacta serve exited (${code}): ${err}`)));
  });
  return { url, child };
}

export function runCli(dataDir: string, args: string[]): CliResult {
  const run = spawnSync(process.execPath, [PACTA, "--data-dir", dataDir, ...args], {
    encoding: "utf8",
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export const test = base.extend<{ pacta: PactaHost }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture needs from it.
  pacta: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-e2e-"));
    const { url, child } = await startPacta(dataDir);
    await use({ url, dataDir, cli: (...args) => runCli(dataDir, args) });
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from "@playwright/test";
