/**
 * Native desktop notifications for fired reminders. A click opens the
 * contract. The words and the many-at-once rule are in `reminder-door.ts`.
 */
import { Notification } from "electron";
import { localToday } from "../../shared/domain/calendar-date";
import type { FiredDigest } from "../../shared/domain/digests";
import { createLogger } from "../logging/logger";
import type { Notifier } from "../reminders/scheduler";
import { planDigestNotification } from "./digest-door";
import { type DoorLanguage, planNotifications } from "./reminder-door";

const log = createLogger("electron");

export interface NativeNotifierOptions {
  language: DoorLanguage;
  /** Shows the window on a contract (null: on the register). */
  open: (contractId: number | null) => void;
}

export function createNativeNotifier(options: NativeNotifierOptions): Notifier {
  // Shown notifications are kept until closed: a collected one loses its click.
  const shown = new Set<Notification>();
  return {
    notify(fired) {
      if (!Notification.isSupported()) {
        log.warn({ count: fired.length }, "notifications unsupported; reminders stay in the app");
        return;
      }
      for (const plan of planNotifications(fired, options.language, localToday())) {
        const n = new Notification({ title: plan.title, body: plan.body });
        shown.add(n);
        n.on("click", () => options.open(plan.contractId));
        n.on("close", () => shown.delete(n));
        n.show();
      }
    },
  };
}

export interface DigestNotifierOptions {
  language: DoorLanguage;
  /** Shows the window on the reports screen. */
  openReports: () => void;
  /** After the notifications: sends the portal notifications queued. */
  afterShown: () => void;
}

/** One native notification per digest that went out. */
export function createDigestNotifier(options: DigestNotifierOptions): Notifier<FiredDigest> {
  const shown = new Set<Notification>();
  return {
    notify(fired) {
      if (Notification.isSupported()) {
        for (const f of fired) {
          const plan = planDigestNotification(f, options.language);
          const n = new Notification({ title: plan.title, body: plan.body });
          shown.add(n);
          n.on("click", () => options.openReports());
          n.on("close", () => shown.delete(n));
          n.show();
        }
      } else
        log.warn({ count: fired.length }, "notifications unsupported; digests stay in the app");
      options.afterShown();
    },
  };
}
