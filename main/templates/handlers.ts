/** The templates, clauses and documents groups of the API over their services. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";
import { catalogFields } from "./catalog";
import { checkTemplate } from "./check";
import { exportContractPdf } from "./export-pdf";

export function templateHandlers(s: PactaServices): ApiHandlers["templates"] {
  const t = s.templates;
  return {
    list: ({ includeArchived }) => t.list(includeArchived),
    get: ({ id, version }) => t.get(id, version),
    create: ({ content }) => t.create(content),
    save: ({ id, content, expectedVersion, note }) => t.save(id, content, expectedVersion, note),
    versions: ({ id }) => t.versions(id),
    version: ({ id, version }) => t.version(id, version),
    compare: ({ id, from, to }) => t.compare(id, from, to),
    restore: ({ id, version }) => t.restore(id, version),
    archive: ({ id }) => t.archive(id, true),
    unarchive: ({ id }) => t.archive(id, false),
    check: ({ content }) => checkTemplate(content),
    preview: ({ content, contractId, values }) =>
      s.documents.preview(content, contractId ?? null, values),
    importMarkdown: ({ fileName, content, language }) =>
      t.importMarkdown({ fileName, content, language: language ?? null }),
    catalog: () => catalogFields(t.partyRoles()),
  };
}

export function clauseHandlers(s: PactaServices): ApiHandlers["clauses"] {
  const c = s.clauses;
  return {
    list: ({ search, tag }) => c.list(search, tag ?? null),
    create: (input) => c.create(input),
    update: ({ id, clause }) => c.update(id, clause),
    remove: ({ id }) => c.remove(id),
  };
}

export function documentHandlers(s: PactaServices): ApiHandlers["documents"] {
  const d = s.documents;
  return {
    get: ({ contractId }) => d.get(contractId),
    fields: ({ contractId, templateId }) => d.fields(contractId, templateId),
    generate: ({ contractId, templateId, values }) => d.generate(contractId, templateId, values),
    save: ({ contractId, sections, expectedUpdatedAt }) =>
      d.save(contractId, sections, expectedUpdatedAt),
    exportPdf: async ({ contractId }) => {
      const pdf = await exportContractPdf(s, contractId);
      return { fileName: pdf.fileName, base64: pdf.bytes.toString("base64"), pages: pdf.pages };
    },
  };
}
