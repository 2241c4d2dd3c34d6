/**
 * The Electron door's guards as pure functions, so they are tested without
 * Electron. The side effects (opening a browser) are passed in.
 */

/** Only the app's own page may call the API. */
export function isTrustedSender(senderUrl: string, appPageUrl: string): boolean {
  try {
    const sender = new URL(senderUrl);
    const page = new URL(appPageUrl);
    return sender.protocol === page.protocol && sender.pathname === page.pathname;
  } catch {
    return false;
  }
}

/** Links a person may open in their own browser: http(s) only. */
export function isSafeExternalUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Opens a link outside the app when it is safe; says whether it did. */
export function openExternally(text: string, open: (url: string) => void): boolean {
  if (!isSafeExternalUrl(text)) return false;
  open(text);
  return true;
}

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: true,
} as const;
