/** The triggers group of the API over the TriggerService. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";

export function triggerHandlers(s: PactaServices): ApiHandlers["triggers"] {
  const t = s.triggers;
  return {
    list: () => t.list(),
    create: (rule) => t.save(null, rule),
    update: ({ id, rule }) => t.save(id, rule),
    remove: ({ id }) => t.remove(id),
    firings: ({ limit }) => t.firings(limit),
    run: () => t.run(),
  };
}
