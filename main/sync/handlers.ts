/** The sync group of the API over the SyncService. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";

export function syncHandlers(s: PactaServices): ApiHandlers["sync"] {
  const sync = s.sync;
  return {
    status: () => sync.status(),
    connectWebhook: ({ url }) => sync.connectWebhook(url),
    connectOAuth: (input) => sync.connectOAuth(input),
    oauthBegin: (input) => sync.signIn.begin(input),
    oauthFinish: ({ id }) => sync.signIn.finish(id),
    oauthCancel: ({ id }) => {
      sync.signIn.cancel(id);
      return { cancelled: true };
    },
    disconnect: () => sync.disconnect(),
    portalSchema: ({ target }) => sync.portalSchema(target),
    setSettings: (settings) => sync.saveSettings(settings),
    start: () => sync.start(),
    conflicts: () => sync.conflicts(),
    resolve: ({ conflictId, keep }) => sync.resolve(conflictId, keep),
    contractLink: ({ id }) => sync.contractLink(id),
  };
}
