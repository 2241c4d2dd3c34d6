/** The reports group of the API over the reports service. */
import type { ApiHandlers } from "../../shared/api/contract";
import type { PactaServices } from "../app/services";

export function reportHandlers(s: PactaServices): ApiHandlers["reports"] {
  return {
    figures: ({ filters }) => s.reports.report(filters),
    exportCsv: ({ filters, separator, language }) => s.reports.csv(filters, separator, language),
    exportPdf: async ({ filters, language }) => {
      const pdf = await s.reports.pdf(filters, language);
      return { fileName: pdf.fileName, base64: pdf.bytes.toString("base64"), pages: pdf.pages };
    },
  };
}
