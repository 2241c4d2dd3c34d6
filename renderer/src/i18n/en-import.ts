/** English messages of the import wizard, and of the API's reason codes. */
import type { Messages } from "./fr";

export const enImport: Messages["import"] = {
  title: "Import contracts",
  stepFile: "File",
  stepFileText: "CSV or JSON",
  stepMapping: "Mapping",
  stepMappingText: "Columns and formats",
  stepImport: "Import",
  stepImportText: "Progress",
  stepReport: "Report",
  stepReportText: "Outcome",
  fileLabel: "File to import (CSV or JSON)",
  fileHelp: "A CSV file (comma or semicolon separated, UTF-8) or a JSON file exported by Pacta.",
  reading: "Reading the file…",
  fileSummary: "{{name}}: {{rows}} rows, {{format}} format",
  fileEncoding: "Detected encoding: {{encoding}}",
  fileTooBig:
    "This file is {{size}} MB: the wizard reads files up to 100 MB. " +
    "Import it with the “pacta import” command, which reads large files.",
  mappingIntro:
    "For each contract field, choose the column of the file that holds it. The " +
    "suggestions come from the file's headers.",
  mappingFile: "Load a saved mapping (JSON)",
  saveMapping: "Save the mapping",
  mappingFileInvalid: "This file is not a valid mapping",
  mappingMissingTitle: "This mapping names columns the file does not have",
  mappingMissingColumns: "Columns not found, not applied: {{columns}}. Choose these fields below.",
  defaultCurrency: "Default currency",
  defaultCurrencyHelp: "For amounts the file gives without a currency",
  defaultCurrencyNone: "None",
  titleRequired: "Choose the title column: every contract needs a title.",
  notMapped: "Not imported",
  formats: "Formats",
  dateFormat: "Date format",
  delimiter: "Column separator",
  delimiterAuto: "Detect automatically",
  delimiterComma: "Comma (,)",
  delimiterSemicolon: "Semicolon (;)",
  delimiterTab: "Tab",
  termImpliesAutomatic: "A filled renewal term means automatic renewal",
  evergreenWords: "Words meaning “evergreen”",
  evergreenPlaceholder: "E.g. Perpetual, indefinite",
  sampleTitle: "Preview of the first rows",
  sampleRefreshing: "Updating the preview…",
  sampleRow: "Row",
  sampleFlags: "Review",
  sampleNoFlags: "OK",
  sampleSkipped: "Skipped: {{error}}",
  dryRun: "Dry run (nothing is saved)",
  back: "Back",
  start: "Start the import",
  startDryRun: "Start the dry run",
  progressLabel: "Import progress",
  progress: "{{done}} / {{total}} rows",
  failed: "The import failed",
  reportTitle: "Import report",
  reportDryRun: "Dry run: no contract was saved.",
  rows: "Rows read",
  created: "Created",
  updated: "Updated",
  unchanged: "Unchanged",
  skipped: "Skipped",
  flagged: "Needs review",
  problemsTitle: "Problems",
  noProblems: "No problems: every value was read.",
  problemRow: "Row",
  problemColumn: "Column",
  problemMessage: "Message",
  problemsMore: "… and {{count, number}} more problems.",
  showNeedsReview: "See the contracts to review",
  showRegister: "See the register",
  another: "Import another file",
  /** main's import sentences, said again in the UI language (see import/problem-text.ts). */
  problems: {
    date: "“{{raw}}” is not a date written {{format}}.",
    // biome-ignore format: one line would be over 100 bytes (the quotes take 3 each)
    duration:
      "“{{raw}}” is not one duration " +
      "(such as “1 year”, “30 days” or “6 mois”).",
    currency: "“{{raw}}” is not a known currency code.",
    amount: "“{{raw}}” is not an amount in {{currency}}.",
    renewalKind: "“{{raw}}” is not a renewal kind (none, automatic, optional or evergreen).",
    stage: "“{{raw}}” is not a stage of this register.",
    automaticNoTerm:
      "An automatic renewal needs a renewal term, " + "so the renewal is left as “none”.",
    amountCurrencyUnread: "The amount's currency could not be read.",
    amountNeedsCurrency:
      "An amount needs a currency: map a currency column or set a default currency.",
    tooManyParties: "Only the first {{count, number}} parties were kept.",
    tooManyTags: "Only the first {{count, number}} tags were kept.",
    evergreenRest: "Read as evergreen (no end date); the rest of “{{raw}}” was not used.",
    expectedText: "Text was expected here.",
    expectedRenewal: "An object {kind, term, notice} was expected for the renewal.",
    expectedParties: "A list of parties was expected.",
    expectedTags: "A list of tags was expected.",
    expectedContract: "A contract (a JSON object) was expected here.",
    sameReference:
      "The reference “{{reference}}” is also on row {{row}}: this row replaced what that row " +
      "imported.",
    cellCount:
      "The row has {{cells}} cells but the header has {{headers}}; a separator or a quote is " +
      "probably missing, so the row was not imported.",
    noTitle: "No title: the row was not imported.",
    unchecked: "The row's values could not be checked.",
    noReference:
      "No reference column: running this import again would create these contracts again.",
  },
};

/** One message per API reason code: what went wrong, and what to do. */
export const enErrors: Messages["errors"] = {
  title: "Error",
  invalid_argument: "Some values sent are not valid. Correct the marked fields and try again.",
  not_found: "This item does not exist or was deleted. Go back to the register to look for it.",
  duplicate_reference:
    "This reference is already used by another contract. Choose another reference.",
  stale_update:
    "This contract was changed elsewhere since the form was opened. Reload it, then make " +
    "your changes again.",
  import_unreadable: "This file could not be read. Check that it is a UTF-8 CSV or JSON file.",
  database_newer_than_app:
    "The data was created by a newer version of Pacta. Update the app to open it.",
  database_unreadable:
    "The data file is unreadable or damaged. Restore a backup or contact your support.",
  unauthorized:
    "The session expired or access was refused. Reopen Pacta from the full address shown " +
    "at start-up.",
  not_connected: "Pacta is not connected to a Bitrix24 portal. Connect it in the settings.",
  portal_unreachable:
    "The Bitrix24 portal cannot be reached. Your changes wait in the outbox and will go " +
    "out with the next sync.",
  portal_refused:
    "The Bitrix24 portal refused the request. Check the webhook, its rights and the field " +
    "mappings.",
  sign_in_timeout:
    "The portal sent no authorization back in time. Start the sign-in again and check " +
    "the redirect address saved in the portal's app.",
  register_busy:
    "Another program (Pacta in a terminal, say) is writing to the register. Nothing was " +
    "changed: try again once it is done.",
  sync_running:
    "A sync of this register is already running (in the app or a terminal). Try again " +
    "once it is over.",
  unknown_method: "This version of Pacta does not know this action. Update the app.",
  confirmation_required: "This move skips required stages. Confirm it to go on.",
  internal:
    "Something unexpected went wrong. Try again; if it keeps happening, send Pacta's log " +
    "to your support.",
};
