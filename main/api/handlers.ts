/**
 * The API's handlers over the services: one entry per method of the
 * contract in `shared/api/contract.ts`.
 */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";
import { backupHandlers, healthyRecovery } from "../backup/handlers";
import { bizprocHandlers } from "../bizproc/handlers";
import { currentVersion } from "../db/migrate";
import { digestHandlers } from "../digests/handlers";
import { previewImport } from "../import/import-service";
import { lifecycleHandlers } from "../lifecycle/handlers";
import { logFolder } from "../logging/logger";
import { questionnaireHandlers } from "../questionnaires/handlers";
import { exportContracts } from "../register/export";
import { reminderHandlers } from "../reminders/handlers";
import { reportHandlers } from "../reports/handlers";
import { syncHandlers } from "../sync/handlers";
import { clauseHandlers, documentHandlers, templateHandlers } from "../templates/handlers";
import { triggerHandlers } from "../triggers/handlers";

export interface HandlerContext {
  door: "electron" | "headless";
  version: string;
  /** Opens a folder in the file manager (the desktop app only). */
  openPath?: (folder: string) => Promise<boolean>;
}

export function createHandlers(s: PactaServices, context: HandlerContext): ApiHandlers {
  return {
    app: {
      info: () => ({
        version: context.version,
        dataDir: s.dataDir,
        door: context.door,
        schemaVersion: currentVersion(s.db),
      }),
      health: () => ({ state: "ok" }),
      ...healthyRecovery(),
      openLogFolder: async () => {
        const folder = logFolder(s.dataDir);
        return { folder, opened: context.openPath ? await context.openPath(folder) : false };
      },
    },
    backups: backupHandlers(s),
    contracts: {
      list: (q) => s.list.list(q),
      get: ({ id }) => s.register.get(id),
      create: (fields) => s.register.create(fields),
      update: ({ id, fields, expectedUpdatedAt }) =>
        s.register.update(id, fields, expectedUpdatedAt),
      markReviewed: ({ id }) => s.register.markReviewed(id),
      archive: ({ id }) => s.register.archive(id),
      restore: ({ id }) => s.register.restore(id),
      remove: ({ id, portal }) => {
        s.sync.removeContract(id, portal);
        return { id };
      },
      facets: () => s.list.facets(),
      export: ({ format, query }) => exportContracts(s.register, s.list, format, query),
    },
    imports: {
      preview: (source) => previewImport(source),
      start: ({ dryRun, ...source }) => s.imports.start(source, dryRun),
      status: ({ jobId }) => s.imports.status(jobId),
    },
    lifecycle: lifecycleHandlers(s),
    reminders: reminderHandlers(s),
    templates: templateHandlers(s),
    clauses: clauseHandlers(s),
    documents: documentHandlers(s),
    sync: syncHandlers(s),
    bizproc: bizprocHandlers(s),
    triggers: triggerHandlers(s),
    reports: reportHandlers(s),
    digests: digestHandlers(s),
    questionnaires: questionnaireHandlers(s),
  };
}
