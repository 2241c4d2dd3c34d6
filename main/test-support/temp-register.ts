/**
 * A real register in a temporary folder, for tests. Each test owns its own.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openServices, type PactaServices } from "../app/services";

export function tempDataDir(prefix = "pacta-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempServices(now?: () => Date): PactaServices & { cleanup(): void } {
  const dataDir = tempDataDir();
  const services = openServices({ dataDir, actor: "tester", ...(now ? { now } : {}) });
  return {
    ...services,
    cleanup() {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
