/**
 * Saving files in the Electron door: a download the page starts (a blob
 * link with `download`, such as a contract's PDF) opens the native save
 * dialog in the user's Documents folder; anything else is cancelled. The
 * decisions are in `download-door.ts`.
 */
import { app, type Session } from "electron";
import { createLogger } from "../logging/logger";
import { type DownloadFolders, planDownload } from "./download-door";
import type { DoorLanguage } from "./reminder-door";

const log = createLogger("electron");

function folder(name: "documents" | "downloads"): string | null {
  try {
    return app.getPath(name);
  } catch (error) {
    log.info({ folder: name, err: error }, "the system has no such folder");
    return null;
  }
}

function userFolders(): DownloadFolders {
  return {
    documents: folder("documents"),
    downloads: folder("downloads"),
    home: app.getPath("home"),
  };
}

export function setupDownloads(session: Session, language: DoorLanguage): void {
  session.on("will-download", (event, item) => {
    const plan = planDownload(
      { url: item.getURL(), suggestedName: item.getFilename(), mimeType: item.getMimeType() },
      userFolders(),
      language,
    );
    if (plan.action === "refuse") {
      log.warn({ reason: plan.reason }, "download cancelled");
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(plan.options);
    item.once("done", (_event, state) => {
      log.info({ state, file: item.getSavePath() }, "download finished");
    });
  });
}
