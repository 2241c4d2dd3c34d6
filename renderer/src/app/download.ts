/**
 * The UI's one way to hand a file to the person: a download in the browser
 * behind the headless host, and Electron's download handling on the desktop.
 */

/** Media types of the files the UI saves. */
export const MEDIA_TYPES = {
  json: "application/json",
  csv: "text/csv;charset=utf-8",
  ics: "text/calendar;charset=utf-8",
  pdf: "application/pdf",
} as const;

/** Saves `content` under `fileName`. */
export function downloadFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium has read the blob by the next task; revoking earlier can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The bytes base64 text stands for (main sends binary files that way). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
