/** The questionnaires group of the API over the Questionnaires service. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { QuestionnaireContentInput } from "../../shared/domain/questionnaires";
import type { PactaServices } from "../app/services";

export function questionnaireHandlers(s: PactaServices): ApiHandlers["questionnaires"] {
  const q = s.questionnaires;
  const content = (c: Record<string, unknown>) => c as QuestionnaireContentInput;
  return {
    list: ({ includeArchived }) => q.definitions.list(includeArchived),
    get: ({ id, version }) => q.definitions.get(id, version),
    create: (a) => q.definitions.create(content(a.content), a.trigger ?? null),
    save: (a) => q.definitions.save(a.id, content(a.content), a.trigger ?? null, a.expectedVersion),
    archive: ({ id, archived }) => q.definitions.archive(id, archived),
    attach: (a) => q.answers.attach(a.questionnaireId, a.contractId, a.partyIndex),
    detach: ({ id }) => q.answers.remove(id),
    forContract: ({ contractId }) => q.answers.forContract(contractId),
    attachment: ({ id }) => q.answers.detail(id),
    pdf: async ({ attachmentId }) => {
      const pdf = await q.pdf(attachmentId);
      return { fileName: pdf.fileName, base64: pdf.bytes.toString("base64"), pages: pdf.pages };
    },
    importPdf: ({ fileName, base64 }) => q.importPdf(fileName, Buffer.from(base64, "base64")),
    answer: (a) =>
      q.answer(a.attachmentId, a.values, a.mode, {
        name: a.respondentName ?? null,
        email: a.respondentEmail ?? null,
      }),
    results: ({ id }) => q.results(id),
    exportCsv: ({ id, kind, separator }) => q.csv(id, kind, separator),
  };
}
