/** The lifecycle group of the API over the Lifecycle service. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";

export function lifecycleHandlers(s: PactaServices): ApiHandlers["lifecycle"] {
  const l = s.lifecycle;
  return {
    listStages: () => l.pipeline.list(),
    saveStage: (input) => l.pipeline.save(input),
    reorderStages: ({ keys }) => l.pipeline.reorder(keys),
    retireStage: ({ key, retired }) => l.pipeline.retire(key, retired),
    listPeople: ({ includeArchived }) => l.people.list(includeArchived),
    savePerson: (fields) => l.people.save(fields),
    archivePerson: ({ id, archived }) => l.people.archive(id, archived),
    move: (args) => l.move(args),
    assign: (args) => l.assign(args),
    timeline: ({ contractId, today }) => l.timeline(contractId, today),
    verify: () => l.verify(),
  };
}
