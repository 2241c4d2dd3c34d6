/**
 * Reminders in the Electron door: the scheduler with native notifications,
 * the tray that keeps it running with the window closed, and the optional
 * start at login (a setting the UI changes through the API).
 */
import { app } from "electron";
import type { PactaServices } from "../app/services";
import { sendPortalMessagesSoon } from "../digests/notifier";
import { createLogger } from "../logging/logger";
import { ReminderScheduler } from "../reminders/scheduler";
import { createDigestNotifier, createNativeNotifier } from "./notifications";
import { doorLanguage, loginItemSettings } from "./reminder-door";
import { createTray } from "./tray";

const log = createLogger("electron");

export interface ReminderDoorOptions {
  /** Shows the window on a contract (null: on the register). */
  open: (contractId: number | null) => void;
  /** Shows the window on the reports screen (a digest was clicked). */
  openReports: () => void;
  quit: () => void;
}

export interface ReminderDoor {
  stop(): void;
}

function applyLoginItem(startAtLogin: boolean): void {
  // An unpackaged app would register the bare Electron binary at login.
  if (!app.isPackaged) {
    log.info({ startAtLogin }, "start at login applies to the packaged app only");
    return;
  }
  app.setLoginItemSettings(loginItemSettings(startAtLogin));
}

export function setupReminders(s: PactaServices, o: ReminderDoorOptions): ReminderDoor {
  const language = doorLanguage(app.getLocale());
  const tray = createTray({
    language,
    upcoming: () => s.reminders.upcoming(5),
    open: o.open,
    quit: o.quit,
  });
  const notifier = createNativeNotifier({ language, open: o.open });
  const scheduler = new ReminderScheduler(
    {
      check: (now) => {
        const fired = s.reminders.check(now);
        tray.refresh();
        return fired;
      },
      nextFireAt: (now) => s.reminders.nextFireAt(now),
    },
    notifier,
  );
  applyLoginItem(s.reminders.getSettings().startAtLogin);
  const unsubscribe = s.reminders.onSettingsChange((settings) => {
    applyLoginItem(settings.startAtLogin);
    tray.refresh();
  });
  scheduler.start();
  // KPI digests fire the same way, once a day per person.
  const digests = new ReminderScheduler(
    s.digests,
    createDigestNotifier({
      language,
      openReports: o.openReports,
      afterShown: () => sendPortalMessagesSoon(s),
    }),
  );
  digests.start();
  return {
    stop() {
      scheduler.stop();
      digests.stop();
      unsubscribe();
      tray.destroy();
    },
  };
}
