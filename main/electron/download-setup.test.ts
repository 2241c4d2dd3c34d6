/**
 * The will-download wiring. Electron cannot run on CI machines (no binary),
 * so `app` is replaced by a stand-in that knows the user's folders; the
 * session and download item are event emitters with Electron's methods.
 */
import { EventEmitter } from "node:events";
import type { DownloadItem, Session } from "electron";
import { describe, expect, it, vi } from "vitest";

vi.mock("electron", () => ({
  app: {
    getPath: (name: string) => {
      if (name === "documents") throw new Error("Failed to get 'documents' path");
      return name === "downloads" ? "/home/hl/Downloads" : "/home/hl";
    },
  },
}));

const { setupDownloads } = await import("./download-setup");

function download(url: string) {
  const item = Object.assign(new EventEmitter(), {
    getURL: () => url,
    getFilename: () => "PAC-2026-042 Cession.pdf",
    getMimeType: () => "application/pdf",
    getSavePath: () => "",
    setSaveDialogOptions: vi.fn(),
  });
  const event = { preventDefault: vi.fn() };
  return { item, event };
}

describe("Electron will-download", () => {
  it("opens the save dialog for the page's own files, cancels the rest", () => {
    const session = new EventEmitter();
    setupDownloads(session as unknown as Session, "en");

    const pdf = download("blob:file:///3c1d");
    session.emit("will-download", pdf.event, pdf.item as unknown as DownloadItem);
    expect(pdf.event.preventDefault).not.toHaveBeenCalled();
    expect(pdf.item.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({
        title: "Save the contract as PDF",
        defaultPath: "/home/hl/Downloads/PAC-2026-042 Cession.pdf",
      }),
    );

    const remote = download("https://example.com/contract.pdf");
    session.emit("will-download", remote.event, remote.item as unknown as DownloadItem);
    expect(remote.event.preventDefault).toHaveBeenCalledOnce();
    expect(remote.item.setSaveDialogOptions).not.toHaveBeenCalled();
  });
});
