/** English messages of the desktop shell: backups, logs, the recovery screen. */
import type { frShell } from "./fr-shell";

export const enShell: typeof frShell = {
  backups: {
    title: "Backups",
    intro:
      "Pacta copies the register every day into the backups folder. A restore checks " +
      "the backup first and keeps the current register aside.",
    folder: "Backups folder",
    keepDays: "Keep daily backups for (days)",
    keepDaysInvalid: "Enter a whole number of days from 1 to 3650.",
    saveSettings: "Save the duration",
    settingsSaved: "Retention saved.",
    backupNow: "Back up now",
    backedUp: "Backup saved: {{name}}",
    caption: "Backups of the register, newest first",
    empty: "No backups yet.",
    created: "Date",
    kind: "Kind",
    size: "Size",
    name: "File",
    actions: "Actions",
    kinds: {
      daily: "Daily",
      manual: "Manual",
      "before-restore": "Before a restore",
    },
    restore: "Restore the backup of {{date}} ({{kind}})",
    restoreShort: "Restore",
    confirmTitle: "Restore this backup?",
    confirmText:
      "The register will be replaced by the backup of {{date}}. The current register is " +
      "kept as a “before a restore” backup and can be restored in turn.",
    confirm: "Restore",
    restored: "Backup restored. The current register was kept aside.",
    kb: "{{count}} KB",
    mb: "{{count}} MB",
  },
  crash: {
    title: "Pacta ran into a problem",
    text:
      "This screen could not be shown. Your saved data is not affected. Reload the page; " +
      "if it happens again, the log folder helps support.",
    reload: "Reload",
    backups: "Go to backups",
  },
  logs: {
    title: "Logs",
    text: "Logs help support understand a problem; secrets never appear in them.",
    folder: "Log folder",
    open: "Open the log folder",
    notOpened: "Open this folder in your file manager: {{folder}}",
  },
  recovery: {
    title: "The register cannot be opened",
    corrupt:
      "The register's file is damaged (the integrity check failed). Your data has not " +
      "been changed.",
    newer_schema:
      "The register was saved by a newer version of Pacta. Update Pacta, or restore a backup.",
    unreadable: "The register's file cannot be read.",
    file: "File: {{file}}",
    detail: "Technical detail",
    choose: "What would you like to do?",
    exportTitle: "Recover what can be read",
    exportText:
      "Reads the damaged register without changing it and saves everything readable " +
      "to a JSON file.",
    export: "Export read-only",
    exported: "{{count}} table(s) exported.",
    restoreTitle: "Restore a backup",
    restoreText: "The damaged register is set aside, never deleted.",
    noBackups: "There are no backups in the backups folder.",
    freshTitle: "Start again with an empty register",
    freshText: "The damaged file is kept aside under another name; an empty register is created.",
    fresh: "Start an empty register",
    freshConfirmTitle: "Start an empty register?",
    freshConfirmText:
      "The damaged register will be renamed and kept in the data folder. Pacta will start " +
      "with an empty register.",
    freshDone: "Empty register created. The old file is kept: {{file}}",
    reopen: "Open Pacta",
  },
};
