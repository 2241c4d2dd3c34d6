/**
 * The tray icon: keeps Pacta (and its reminder scheduler) running when the
 * window is closed, and lists the next deadlines. The menu's content comes
 * from `trayMenu` in `reminder-door.ts`.
 */
import path from "node:path";
import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from "electron";
import type { UpcomingDate } from "../../shared/api/reminders";
import { type DoorLanguage, type TrayItem, trayMenu, trayTooltip } from "./reminder-door";

/** The tray icon shipped in `assets/` (`tray@2x.png` beside it is picked up on HiDPI). */
export const TRAY_ICON = path.join(__dirname, "..", "..", "assets", "tray.png");

export interface TrayOptions {
  language: DoorLanguage;
  upcoming: () => UpcomingDate[];
  open: (contractId: number | null) => void;
  quit: () => void;
}

export interface PactaTray {
  refresh(): void;
  destroy(): void;
}

function toMenuItem(item: TrayItem, o: TrayOptions): MenuItemConstructorOptions {
  switch (item.type) {
    case "open":
      return { label: item.label, click: () => o.open(null) };
    case "heading":
      return { label: item.label, enabled: false };
    case "contract":
      return { label: item.label, click: () => o.open(item.contractId) };
    case "separator":
      return { type: "separator" };
    case "quit":
      return { label: item.label, click: o.quit };
  }
}

export function createTray(o: TrayOptions): PactaTray {
  const tray = new Tray(nativeImage.createFromPath(TRAY_ICON));
  tray.on("click", () => o.open(null));
  const refresh = () => {
    const upcoming = o.upcoming();
    tray.setToolTip(trayTooltip(upcoming, o.language));
    tray.setContextMenu(
      Menu.buildFromTemplate(trayMenu(upcoming, o.language).map((i) => toMenuItem(i, o))),
    );
  };
  refresh();
  return { refresh, destroy: () => tray.destroy() };
}
