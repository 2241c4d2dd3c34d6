/**
 * The Electron door: a window on the renderer, the API over IPC (one
 * channel per method of the contract), nothing else. All behaviour lives
 * in the services.
 */
import path from "node:path";
import { app, BrowserWindow, ipcMain, safeStorage, session, shell } from "electron";
import { ipcChannel } from "../../shared/api/client";
import { channels } from "../../shared/api/contract";
import { fail } from "../../shared/api/result";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openServices, type PactaServices } from "../app/services";
import { APP_VERSION } from "../app/version";
import { createLogger } from "../logging/logger";
import { REPORTS_SCRIPT } from "./digest-door";
import { setupDownloads } from "./download-setup";
import { doorLanguage, navigationScript, routeFor, startedHidden } from "./reminder-door";
import { type ReminderDoor, setupReminders } from "./reminder-setup";
import { isTrustedSender, openExternally, SECURE_WEB_PREFERENCES } from "./security";

const log = createLogger("electron");
const pagePath = path.join(__dirname, "..", "renderer", "index.html");
const pageUrl = `file://${pagePath}`;

let services: PactaServices | null = null;
let window: BrowserWindow | null = null;
let reminders: ReminderDoor | null = null;

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on("second-instance", focusWindow);
  // With the tray up, closing the window leaves the app (and its reminders) running.
  app.on("window-all-closed", () => {
    if (!reminders) app.quit();
  });
  app.on("will-quit", () => {
    reminders?.stop();
    services?.close();
  });
  app.whenReady().then(onReady, (error: unknown) => log.error({ err: error }, "start failed"));
}

function onReady(): void {
  services = openServices({
    dataDir: process.env.PACTA_DATA_DIR ?? app.getPath("userData"),
    // The Bitrix24 secret is kept with the system's keychain where there is one.
    secretCipher: safeStorage,
  });
  setupApi(services);
  setupDownloads(session.defaultSession, doorLanguage(app.getLocale()));
  services.sync.startAuto();
  reminders = setupReminders(services, {
    open: showContract,
    openReports: showReports,
    quit: () => app.quit(),
  });
  if (!startedHidden(process.argv)) createWindow();
}

function setupApi(s: PactaServices): void {
  const handlers = createHandlers(s, { door: "electron", version: APP_VERSION });
  for (const { channel } of channels()) {
    ipcMain.handle(ipcChannel(channel), (event, args: unknown) => {
      const sender = event.senderFrame?.url ?? "";
      if (!isTrustedSender(sender, pageUrl)) {
        log.warn({ channel, sender }, "refused a call from an unknown page");
        return fail("unauthorized", "this page may not call Pacta");
      }
      return dispatch(handlers, channel, args);
    });
  }
}

function createWindow(route = routeFor(null)): void {
  window = new BrowserWindow({
    width: 1280,
    height: 820,
    title: "Pacta",
    show: false,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: path.join(__dirname, "preload.cjs") },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url, (u) => void shell.openExternal(u));
    return { action: "deny" };
  });
  window.webContents.on("will-navigate", (event, url) => {
    if (url !== pageUrl) event.preventDefault();
  });
  window.once("ready-to-show", () => window?.show());
  window.on("closed", () => {
    window = null;
  });
  void window.loadFile(pagePath, { hash: route.slice(1) });
}

/** Brings the window up on a contract (a notification or tray click). */
function showContract(contractId: number | null): void {
  if (!window) {
    createWindow(routeFor(contractId));
    return;
  }
  focusWindow();
  void window.webContents.executeJavaScript(navigationScript(contractId));
}

function showReports(): void {
  if (!window) {
    createWindow("#/reports");
    return;
  }
  focusWindow();
  void window.webContents.executeJavaScript(REPORTS_SCRIPT);
}

function focusWindow(): void {
  if (!window) {
    createWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
}

main();
