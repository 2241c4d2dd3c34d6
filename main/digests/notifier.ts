/**
 * What the headless door does with digests that went out: they wait in the
 * feed the UI polls (`digests.feed`); when one queued a portal
 * notification, a sync starts to send it (offline, it waits in the outbox).
 */
import type { FiredDigest } from "../../shared/domain/digests";
import type { PactaServices } from "../app/services";
import { createLogger } from "../logging/logger";
import type { Notifier } from "../reminders/scheduler";

const log = createLogger("digests");

/** Starts a sync when the register is connected; a running one will send them too. */
export function sendPortalMessagesSoon(s: PactaServices): void {
  if (!s.sync.store.connection()) return;
  try {
    s.sync.start();
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "sync not started");
  }
}

export function digestNotifier(s: PactaServices): Notifier<FiredDigest> {
  return {
    notify(fired) {
      log.info({ count: fired.length }, "digests in the feed");
      sendPortalMessagesSoon(s);
    },
  };
}
