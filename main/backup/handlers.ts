/** The backups group of the API, and the register-health methods of `app`. */
import type { RestoreReport } from "../../shared/api/backups";
import type { ApiHandlers } from "../../shared/api/contract";
import { PactaError } from "../../shared/api/result";
import type { PactaServices } from "../app/services";
import { migrate } from "../db/migrate";
import { type Backups, backupPath, restoreBackup } from "./backups";

export function backupHandlers(s: PactaServices): ApiHandlers["backups"] {
  return backupHandlersOver(s.backups, s.dataDir, async (name) => {
    const report = await restoreBackup(s.dataDir, backupPath(s.dataDir, name));
    // The open connection now reads the restored register: bring it up to date.
    migrate(s.db);
    return report;
  });
}

export function backupHandlersOver(
  backups: Backups,
  dataDir: string,
  restore: (name: string) => Promise<RestoreReport>,
): ApiHandlers["backups"] {
  return {
    list: () => backups.list(),
    status: () => backups.status(),
    create: () => backups.create("manual"),
    restore: ({ name }) => {
      backupPath(dataDir, name);
      return restore(name);
    },
    setSettings: ({ keepDays }) => backups.setKeepDays(keepDays),
  };
}

/** `app.*` recovery methods on a healthy register: there is nothing to recover. */
export function healthyRecovery(): Pick<ApiHandlers["app"], "startFresh" | "exportDamaged"> {
  const refuse = (): never => {
    throw new PactaError(
      "invalid_argument",
      "the register is healthy: there is nothing to recover",
    );
  };
  return { startFresh: refuse, exportDamaged: refuse };
}
