/**
 * The API's handlers over the services: one entry per method of the
 * contract in `shared/api/contract.ts`.
 */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";
import { currentVersion } from "../db/migrate";
import { previewImport } from "../import/import-service";
import { lifecycleHandlers } from "../lifecycle/handlers";
import { exportContracts } from "../register/export";
import { reminderHandlers } from "../reminders/handlers";
import { syncHandlers } from "../sync/handlers";
import { clauseHandlers, documentHandlers, templateHandlers } from "../templates/handlers";

export interface HandlerContext {
  door: "electron" | "headless";
  version: string;
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
    },
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
  };
}
