/**
 * The Electron door's guards as pure functions, so they are tested without
 * Electron. The side effects (opening a browser, reading a file) are
 * passed in or done by the caller.
 */
import path from "node:path";

/** The app's pages are served from `app://pacta/`, never from `file://`. */
export const APP_SCHEME = "app";
export const APP_HOST = "pacta";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

/** The same policy the headless host sends, for pages served by `app://`. */
export const APP_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join("; ");

function parse(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Whether a URL is one of the app's own pages (`app://pacta/...`). */
export function isAppUrl(text: string): boolean {
  const url = parse(text);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Only a frame showing the app's own page may call the API. */
export function isTrustedSender(senderUrl: string): boolean {
  const url = parse(senderUrl);
  return isAppUrl(senderUrl) && url !== null && url.pathname === "/index.html";
}

/** The window may move within the app's page (its hash routes), nowhere else. */
export function isAllowedNavigation(targetUrl: string): boolean {
  return isTrustedSender(targetUrl);
}

/** Links a person may open in their own browser: http(s) only, no credentials inside. */
export function isSafeExternalUrl(text: string): boolean {
  const url = parse(text);
  if (!url) return false;
  if (url.protocol !== "https:" && url.protocol !== "http:") return false;
  return url.username === "" && url.password === "" && url.hostname !== "";
}

/** The one way a link leaves the app: opened when safe; says whether it was. */
export function openExternally(text: string, open: (url: string) => void): boolean {
  if (!isSafeExternalUrl(text)) return false;
  open(text);
  return true;
}

export type AppFile = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * The file under `root` (the built renderer) an `app://pacta/...` request
 * names. Anything else, an encoded `..`, a backslash or a NUL is refused.
 */
export function resolveAppFile(root: string, requestUrl: string): AppFile {
  const url = parse(requestUrl);
  if (!url || !isAppUrl(requestUrl)) return { ok: false, status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes("\0") || relative.includes("\\")) return { ok: false, status: 400 };
  const parts = relative.split("/").filter((p) => p !== "");
  if (parts.some((p) => p === "..")) return { ok: false, status: 403 };
  const base = path.resolve(root);
  const file = path.resolve(base, ...(parts.length === 0 ? ["index.html"] : parts));
  if (file !== base && !file.startsWith(base + path.sep)) return { ok: false, status: 403 };
  return { ok: true, file };
}

export const SECURE_WEB_PREFERENCES = {
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
} as const;

/** Every permission a page may ask for (camera, notifications, geolocation...) is refused. */
export function allowPermission(_permission: string, _requestingUrl: string): boolean {
  return false;
}
