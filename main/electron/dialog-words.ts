/**
 * The words of the desktop app's own dialogs (export, backup, restore,
 * about), in French and English like the UI's message tables.
 */
import type { DoorLanguage } from "./reminder-door";

const WORDS = {
  fr: {
    exportTitle: "Exporter le registre",
    exportButton: "Exporter",
    exported: (n: number, file: string) => `${n} contrat(s) exporté(s) dans ${file}.`,
    backupTitle: "Enregistrer une sauvegarde",
    backupButton: "Enregistrer",
    backupFilter: "Sauvegarde Pacta",
    backedUp: (file: string) => `Sauvegarde enregistrée : ${file}`,
    restoreTitle: "Restaurer une sauvegarde",
    restoreButton: "Restaurer",
    restoreAsk: "Remplacer le registre par cette sauvegarde ?",
    restoreDetail: (file: string) =>
      `${file}\n\nLe registre actuel est conservé à part et peut être restauré à son tour.`,
    restoreRefused: "Cette sauvegarde ne peut pas être restaurée.",
    restored: "Sauvegarde restaurée.",
    cancel: "Annuler",
    ok: "OK",
    failed: "L'opération a échoué.",
    csv: "CSV (tableur)",
    json: "JSON",
    aboutDetail: (version: string, dataDir: string) =>
      `Version ${version}\nDossier des données : ${dataDir}`,
  },
  en: {
    exportTitle: "Export the register",
    exportButton: "Export",
    exported: (n: number, file: string) => `${n} contract(s) exported to ${file}.`,
    backupTitle: "Save a backup",
    backupButton: "Save",
    backupFilter: "Pacta backup",
    backedUp: (file: string) => `Backup saved: ${file}`,
    restoreTitle: "Restore a backup",
    restoreButton: "Restore",
    restoreAsk: "Replace the register with this backup?",
    restoreDetail: (file: string) =>
      `${file}\n\nThe current register is kept aside and can be restored in turn.`,
    restoreRefused: "This backup cannot be restored.",
    restored: "Backup restored.",
    cancel: "Cancel",
    ok: "OK",
    failed: "The operation failed.",
    csv: "CSV (spreadsheet)",
    json: "JSON",
    aboutDetail: (version: string, dataDir: string) =>
      `Version ${version}\nData folder: ${dataDir}`,
  },
};

export type DialogWords = (typeof WORDS)["fr"];
export const DIALOG_WORDS: Record<DoorLanguage, DialogWords> = WORDS;
