/** The digests group of the API over the digests service. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";

export function digestHandlers(s: PactaServices): ApiHandlers["digests"] {
  return {
    settings: () => s.digests.settings(),
    setSetting: (input) => s.digests.setSetting(input),
    preview: ({ personId }) => s.digests.digest(personId),
    feed: ({ since, limit }) => s.digests.feed(since, limit),
  };
}
