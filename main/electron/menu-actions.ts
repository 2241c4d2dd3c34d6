/**
 * What the application menu's commands do in the desktop app: move the
 * page, or open a native dialog (export, backup, restore) and do the work
 * in main. The menu's shape is `app-menu.ts`.
 */
import fs from "node:fs";
import path from "node:path";
import {
  app,
  type BrowserWindow,
  dialog,
  Menu,
  type MenuItemConstructorOptions,
  shell,
} from "electron";
import type { RegisterDoor } from "../app/register-door";
import { APP_VERSION } from "../app/version";
import { backupName } from "../backup/backup-files";
import { copyDatabase } from "../backup/backups";
import { checkRegisterFile } from "../db/health";
import { createLogger, logFolder } from "../logging/logger";
import { exportContracts } from "../register/export";
import { type MenuCommand, type MenuSpec, menuTemplate, routeOfCommand } from "./app-menu";
import { DIALOG_WORDS } from "./dialog-words";
import type { DoorLanguage } from "./reminder-door";

const log = createLogger("electron");

export interface MenuContext {
  door: RegisterDoor;
  language: DoorLanguage;
  /** The window, shown (created if needed). */
  window: () => BrowserWindow;
  /** Reloads the page after the register changed under it. */
  reload: () => void;
}

function toElectron(spec: MenuSpec, run: (c: MenuCommand) => void): MenuItemConstructorOptions {
  if (spec.type === "separator") return { type: "separator" };
  const item: MenuItemConstructorOptions = {};
  if (spec.label !== undefined) item.label = spec.label;
  if (spec.role) item.role = spec.role;
  if (spec.accelerator) item.accelerator = spec.accelerator;
  const command = spec.command;
  if (command) item.click = () => run(command);
  if (spec.submenu) item.submenu = spec.submenu.map((s) => toElectron(s, run));
  return item;
}

export function installMenu(ctx: MenuContext): void {
  const run = (command: MenuCommand) => {
    runCommand(command, ctx).catch((error: unknown) => {
      log.error({ command, err: error }, "menu command failed");
      void dialog.showMessageBox(ctx.window(), {
        type: "error",
        message: DIALOG_WORDS[ctx.language].failed,
        detail: error instanceof Error ? error.message : String(error),
      });
    });
  };
  const template = menuTemplate(process.platform, ctx.language, { devTools: !app.isPackaged });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((s) => toElectron(s, run))));
}

async function runCommand(command: MenuCommand, ctx: MenuContext): Promise<void> {
  const route = routeOfCommand(command);
  if (route) {
    const win = ctx.window();
    await win.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(route)};`);
    return;
  }
  const w = DIALOG_WORDS[ctx.language];
  switch (command) {
    case "export":
      return exportRegister(ctx);
    case "backupNow": {
      const s = ctx.door.services;
      if (!s) throw new Error("the register is not open");
      const info = await s.backups.create("manual");
      await dialog.showMessageBox(ctx.window(), { type: "info", message: w.backedUp(info.path) });
      return;
    }
    case "backupSaveAs":
      return saveBackupAs(ctx);
    case "restore": {
      const chosen = await dialog.showOpenDialog(ctx.window(), {
        title: w.restoreTitle,
        defaultPath: ctx.door.services?.backups.folder ?? app.getPath("documents"),
        filters: [{ name: w.backupFilter, extensions: ["pacta"] }],
        properties: ["openFile"],
      });
      const file = chosen.filePaths[0];
      if (!chosen.canceled && file) await offerRestore(file, ctx);
      return;
    }
    case "openLogFolder": {
      const problem = await shell.openPath(logFolder(ctx.door.dataDir));
      if (problem) throw new Error(problem);
      return;
    }
    case "about":
      await dialog.showMessageBox(ctx.window(), {
        type: "info",
        message: "Pacta",
        detail: w.aboutDetail(APP_VERSION, ctx.door.dataDir),
        icon: path.join(__dirname, "..", "..", "assets", "tray@2x.png"),
      });
      return;
    default:
      log.warn({ command }, "menu command without an action");
  }
}

async function exportRegister(ctx: MenuContext): Promise<void> {
  const s = ctx.door.services;
  if (!s) throw new Error("the register is not open");
  const w = DIALOG_WORDS[ctx.language];
  const chosen = await dialog.showSaveDialog(ctx.window(), {
    title: w.exportTitle,
    buttonLabel: w.exportButton,
    defaultPath: path.join(app.getPath("documents"), "pacta-contracts.json"),
    filters: [
      { name: w.json, extensions: ["json"] },
      { name: w.csv, extensions: ["csv"] },
    ],
    properties: ["createDirectory", "showOverwriteConfirmation"],
  });
  if (chosen.canceled || !chosen.filePath) return;
  const format = chosen.filePath.toLowerCase().endsWith(".csv") ? "csv" : "json";
  const result = exportContracts(s.register, s.list, format, {});
  fs.writeFileSync(chosen.filePath, result.content);
  await dialog.showMessageBox(ctx.window(), {
    type: "info",
    message: w.exported(result.count, chosen.filePath),
  });
}

async function saveBackupAs(ctx: MenuContext): Promise<void> {
  const s = ctx.door.services;
  if (!s) throw new Error("the register is not open");
  const w = DIALOG_WORDS[ctx.language];
  const chosen = await dialog.showSaveDialog(ctx.window(), {
    title: w.backupTitle,
    buttonLabel: w.backupButton,
    defaultPath: path.join(app.getPath("documents"), backupName(new Date(), "manual")),
    filters: [{ name: w.backupFilter, extensions: ["pacta"] }],
    properties: ["createDirectory", "showOverwriteConfirmation"],
  });
  if (chosen.canceled || !chosen.filePath) return;
  // The copy is written beside, then renamed over: an existing file is replaced whole or kept.
  await copyDatabase(s.db, chosen.filePath);
  await dialog.showMessageBox(ctx.window(), { type: "info", message: w.backedUp(chosen.filePath) });
}

/** Checks a `.pacta` file, asks, restores it and reloads the page. */
export async function offerRestore(file: string, ctx: MenuContext): Promise<void> {
  const w = DIALOG_WORDS[ctx.language];
  const check = checkRegisterFile(file, { needTables: true });
  if (!check.ok) {
    await dialog.showMessageBox(ctx.window(), {
      type: "error",
      message: w.restoreRefused,
      detail: `${file}\n\n${check.detail}`,
    });
    return;
  }
  const answer = await dialog.showMessageBox(ctx.window(), {
    type: "question",
    message: w.restoreAsk,
    detail: w.restoreDetail(file),
    buttons: [w.restoreButton, w.cancel],
    defaultId: 1,
    cancelId: 1,
  });
  if (answer.response !== 0) return;
  await ctx.door.restoreFile(file);
  ctx.reload();
  await dialog.showMessageBox(ctx.window(), { type: "info", message: w.restored });
}
