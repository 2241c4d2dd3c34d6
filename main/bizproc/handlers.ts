/** The bizproc group of the API over the BizprocService. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";

export function bizprocHandlers(s: PactaServices): ApiHandlers["bizproc"] {
  const b = s.bizproc;
  return {
    tasks: ({ contractId }) => b.list(contractId),
    answer: (input) => b.answer(input),
    dismiss: ({ id }) => b.dismiss(id),
    workflows: ({ contractId }) => b.workflows(contractId),
    templates: () => b.templates(),
    start: ({ contractId, templateId, parameters }) => b.start(contractId, templateId, parameters),
    users: () => b.users(),
  };
}
