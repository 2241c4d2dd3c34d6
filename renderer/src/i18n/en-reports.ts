/** English messages of the reports screen and the KPI digests. */

import { REPORT_HEADINGS } from "../../../shared/domain/report-headings";
import type { frDigests, frReports } from "./fr-reports";

export const enReports: typeof frReports = {
  ...REPORT_HEADINGS.en,
  title: "Reports",
  filters: "Filters",
  type: "Type",
  anyType: "All types",
  tag: "Tag",
  anyTag: "All tags",
  responsible: "Responsible",
  anyone: "Everyone",
  from: "From",
  to: "To",
  periodError: "The period ends before it starts.",
  asOf: "As of {{date}}",
  export: "Export",
  exportCsv: "CSV (commas)",
  exportCsvFr: "CSV for Excel in French (semicolons, decimal comma)",
  exportPdf: "PDF",
  exported: "Report exported: {{file}}",
  chartOf: "Chart: {{title}} (the same figures are in the table)",
  empty: "Nothing to show for these filters.",
  window: "Within {{days}} days",
  byStageIn: "Value by stage in {{currency}}",
};

export const enDigests: typeof frDigests = {
  title: "KPI digests",
  intro:
    "Each responsible person can get, every day at the time chosen, a digest of what is late " +
    "and what is due within 30 days: a notification on this computer and, when Pacta is " +
    "connected to Bitrix24 and the person has a portal user id, a Bitrix24 notification.",
  person: "Person",
  enabled: "Daily digest",
  enabledFor: "Daily digest for {{name}}",
  time: "Time",
  timeFor: "Digest time for {{name}}",
  portal: "Bitrix24",
  portalYes: "user {{id}}",
  portalNo: "no user id",
  saved: "Digest setting saved.",
  none: "Add people above first.",
  noticeTitle: "Pacta digest for {{name}}",
  noticeLate: "(late)",
};
