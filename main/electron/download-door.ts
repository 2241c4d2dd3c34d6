/**
 * Files the renderer hands over for saving (a contract's PDF, an export),
 * as pure decisions tested without Electron: which downloads the app
 * accepts, the file name it proposes, and the native save dialog's options.
 * `download-setup.ts` applies them to Electron's `will-download`.
 */
import path from "node:path";
import type { DoorLanguage } from "./reminder-door";

export interface DownloadRequest {
  url: string;
  /** The name the page gave (`<a download="...">`) or Chromium derived. */
  suggestedName: string;
  mimeType: string;
}

/** The user's folders; null when the system does not know one. */
export interface DownloadFolders {
  documents: string | null;
  downloads: string | null;
  home: string;
}

export interface SaveDialogPlan {
  title: string;
  defaultPath: string;
  buttonLabel: string;
  filters: { name: string; extensions: string[] }[];
  properties: ("createDirectory" | "showOverwriteConfirmation")[];
}

export type DownloadPlan =
  | { action: "ask"; options: SaveDialogPlan }
  | { action: "refuse"; reason: string };

const WORDS = {
  fr: {
    savePdf: "Enregistrer le contrat en PDF",
    saveFile: "Enregistrer le fichier",
    save: "Enregistrer",
    all: "Tous les fichiers",
  },
  en: {
    savePdf: "Save the contract as PDF",
    saveFile: "Save the file",
    save: "Save",
    all: "All files",
  },
} as const;

const KINDS: Record<string, { name: string; mime: string }> = {
  pdf: { name: "PDF", mime: "application/pdf" },
  csv: { name: "CSV", mime: "text/csv" },
  json: { name: "JSON", mime: "application/json" },
  ics: { name: "iCalendar", mime: "text/calendar" },
};

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const MAX_NAME = 120;

/** Control characters and those Windows refuses in file names. */
function isForbidden(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f || '<>:"|?*'.includes(ch);
}

/** Only what the app's own page made: blob: and data: URLs. */
export function isAppDownload(url: string): boolean {
  return url.startsWith("blob:") || url.startsWith("data:");
}

function extensionFor(mimeType: string): string | null {
  const kind = Object.entries(KINDS).find(([, k]) => k.mime === mimeType.toLowerCase());
  return kind ? kind[0] : null;
}

/**
 * A file name safe on Windows, macOS and Linux: no folders, no characters
 * a file system refuses, no reserved device name, at most 120 characters,
 * and the extension the content type calls for.
 */
export function safeFileName(suggested: string, mimeType: string): string {
  const base = suggested.split(/[/\\]/).pop() ?? "";
  let name = Array.from(base, (ch) => (isForbidden(ch) ? "_" : ch))
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, "");
  const wanted = extensionFor(mimeType);
  if (name === "") name = "Pacta";
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  const ext = path.extname(name);
  if (wanted && ext.toLowerCase() !== `.${wanted}`) name = `${name}.${wanted}`;
  if (name.length > MAX_NAME) {
    const keep = path.extname(name);
    name = `${name.slice(0, MAX_NAME - keep.length).trimEnd()}${keep}`;
  }
  return name;
}

/** What to do with a download the page started. */
export function planDownload(
  request: DownloadRequest,
  folders: DownloadFolders,
  language: DoorLanguage,
): DownloadPlan {
  if (!isAppDownload(request.url)) {
    return { action: "refuse", reason: `not a file the app made (${request.url.slice(0, 60)})` };
  }
  const w = WORDS[language];
  const name = safeFileName(request.suggestedName, request.mimeType);
  const ext = path.extname(name).slice(1).toLowerCase();
  const kind = KINDS[ext];
  const folder = folders.documents ?? folders.downloads ?? folders.home;
  return {
    action: "ask",
    options: {
      title: ext === "pdf" ? w.savePdf : w.saveFile,
      defaultPath: path.join(folder, name),
      buttonLabel: w.save,
      filters: [
        ...(kind ? [{ name: kind.name, extensions: [ext] }] : []),
        { name: w.all, extensions: ["*"] },
      ],
      properties: ["createDirectory", "showOverwriteConfirmation"],
    },
  };
}
