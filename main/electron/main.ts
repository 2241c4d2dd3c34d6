/**
 * The Electron door: one window on the renderer (served from `app://pacta/`),
 * the API over IPC (one channel per method of the contract, callers and
 * arguments checked), the menu, the tray, backups. All behaviour lives in
 * the services; a damaged register opens on the recovery screen.
 */
import path from "node:path";
import { app, BrowserWindow, dialog, ipcMain, safeStorage, screen, session, shell } from "electron";
import { ipcChannel } from "../../shared/api/client";
import { channels } from "../../shared/api/contract";
import { fail } from "../../shared/api/result";
import { dispatch } from "../api/dispatch";
import { RegisterDoor } from "../app/register-door";
import { APP_VERSION } from "../app/version";
import { createLogger } from "../logging/logger";
import { registerAppScheme, serveApp } from "./app-protocol";
import { REPORTS_SCRIPT } from "./digest-door";
import { setupDownloads } from "./download-setup";
import { pactaFileArg } from "./file-open";
import { installMenu, type MenuContext, offerRestore } from "./menu-actions";
import { doorLanguage, navigationScript, routeFor, startedHidden } from "./reminder-door";
import { type ReminderDoor, setupReminders } from "./reminder-setup";
import {
  APP_PAGE_URL,
  allowPermission,
  isAllowedNavigation,
  isTrustedSender,
  openExternally,
} from "./security";
import { placeWindow, readWindowState, writeWindowState } from "./window-state";

const log = createLogger("electron");
const rendererDir = path.join(__dirname, "..", "renderer");

let door: RegisterDoor | null = null;
let window: BrowserWindow | null = null;
let reminders: ReminderDoor | null = null;
/** A `.pacta` file given before the window existed (macOS open-file, first launch). */
let pendingFile: string | null = pactaFileArg(process.argv);

function main(): void {
  // A second launch focuses this one and hands over its `.pacta` file.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.on("second-instance", (_event, argv, cwd) => {
    focusWindow();
    const file = pactaFileArg(argv, cwd);
    if (file) openPactaFile(file);
  });
  app.on("open-file", (event, file) => {
    event.preventDefault();
    if (window) openPactaFile(file);
    else pendingFile = file;
  });
  // With the tray up, closing the window leaves the app (and its reminders) running.
  app.on("window-all-closed", () => {
    if (!reminders) app.quit();
  });
  // Closing the door stops the reminders and the tray (its onChange listener), then the register.
  app.on("will-quit", () => door?.close());
  app.on("web-contents-created", (_event, contents) => guardContents(contents));
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      // The data folder cannot be used at all (not a damaged register: that opens on recovery).
      log.error({ err: error }, "start failed");
      dialog.showErrorBox("Pacta", error instanceof Error ? error.message : String(error));
      app.quit();
    });
}

function onReady(): void {
  const language = doorLanguage(app.getLocale());
  door = new RegisterDoor({
    dataDir: process.env.PACTA_DATA_DIR ?? app.getPath("userData"),
    // The Bitrix24 secret is kept with the system's keychain where there is one.
    secretCipher: safeStorage,
    context: {
      door: "electron",
      version: APP_VERSION,
      openPath: async (folder) => (await shell.openPath(folder)) === "",
    },
  });
  door.onChange((s) => {
    reminders?.stop();
    reminders = null;
    if (!s) return;
    s.sync.startAuto();
    s.backups.startAuto();
    s.triggers.startAuto();
    reminders = setupReminders(s, {
      open: showContract,
      openReports: showReports,
      quit: () => app.quit(),
    });
  });
  door.open();
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(allowPermission(permission, details.requestingUrl)),
  );
  defaultSession.setPermissionCheckHandler((_wc, permission, origin) =>
    allowPermission(permission, origin),
  );
  serveApp(defaultSession, rendererDir);
  setupApi(door);
  setupDownloads(defaultSession, language);
  installMenu(menuContext(language));
  if (!startedHidden(process.argv) || pendingFile) createWindow();
  if (pendingFile) {
    const file = pendingFile;
    pendingFile = null;
    openPactaFile(file);
  }
}

function menuContext(language: ReturnType<typeof doorLanguage>): MenuContext {
  return {
    door: door as RegisterDoor,
    language,
    window: () => focusWindow(),
    reload: () => window?.webContents.reload(),
  };
}

function openPactaFile(file: string): void {
  offerRestore(file, menuContext(doorLanguage(app.getLocale()))).catch((error: unknown) =>
    log.error({ file, err: error }, "could not restore the opened file"),
  );
}

function setupApi(d: RegisterDoor): void {
  for (const { channel } of channels()) {
    ipcMain.handle(ipcChannel(channel), (event, args: unknown) => {
      const sender = event.senderFrame?.url ?? "";
      if (!isTrustedSender(sender)) {
        log.warn({ channel, sender }, "refused a call from an unknown page");
        return fail("unauthorized", "this page may not call Pacta");
      }
      // dispatch() parses the argument with the method's schema from the API table.
      return dispatch(d.handlers(), channel, args);
    });
  }
}

/** Every web contents (the window, any other): no new windows, no navigation away. */
function guardContents(contents: Electron.WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    // openExternally() passes only http(s) URLs without credentials (security.ts, tested).
    openExternally(url, (u) => void shell.openExternal(u)); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: "deny" };
  });
  contents.on("will-navigate", (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      // Same single helper: only http(s) leaves the app, in the person's browser.
      openExternally(url, (u) => void shell.openExternal(u)); // eng-disable OPEN_EXTERNAL_JS_CHECK
    }
  });
  contents.on("will-redirect", (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  // A renderer that crashed comes back (the page's own crash screen covers errors it catches).
  contents.on("render-process-gone", (_event, details) => {
    log.error({ reason: details.reason, exitCode: details.exitCode }, "renderer gone");
    if (details.reason !== "clean-exit" && !contents.isDestroyed()) contents.reload();
  });
}

function createWindow(route = routeFor(null)): BrowserWindow {
  const dataDir = door?.dataDir ?? app.getPath("userData");
  const placement = placeWindow(
    readWindowState(dataDir),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  // Middle-click (auxclick) opens go through setWindowOpenHandler, which denies every new
  // window (guardContents); the preload exposes only the named API built from the API table.
  // biome-ignore format: Electronegativity reads its eng-disable comment on the first line.
  const win = new BrowserWindow({ // eng-disable AUXCLICK_JS_CHECK
    ...placement.bounds,
    minWidth: 720,
    minHeight: 520,
    title: "Pacta",
    show: false,
    // The same values as SECURE_WEB_PREFERENCES (security.ts), written out so that
    // Electronegativity can read them; security.test.ts checks they stay the same.
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      preload: path.join(__dirname, "preload.cjs"), // eng-disable PRELOAD_JS_CHECK
    },
  });
  window = win;
  win.once("ready-to-show", () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  win.on("close", () => {
    try {
      writeWindowState(dataDir, {
        bounds: win.getNormalBounds(),
        maximized: win.isMaximized(),
      });
    } catch (error) {
      log.warn({ err: error }, "window state not saved");
    }
  });
  win.on("closed", () => {
    window = null;
  });
  void win.loadURL(`${APP_PAGE_URL}${route}`);
  return win;
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

function focusWindow(): BrowserWindow {
  if (!window) return createWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  return window;
}

main();
