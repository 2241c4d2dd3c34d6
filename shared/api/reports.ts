/** The reports group of the API: figures, and their exports to CSV and PDF. */
import { z } from "zod";
import { CSV_SEPARATORS, type Report, reportFiltersSchema } from "../domain/reports";
import { endpoint } from "./endpoint";

export type { Report } from "../domain/reports";

const language = z.enum(["fr", "en"]).default("fr");
const filters = reportFiltersSchema.prefault({});

export const reportsApi = {
  /** Every figure for the filters, as of today. */
  figures: endpoint<Report>()(z.object({ filters })),
  /** The figures as CSV: `,`, or `;` with a decimal comma (Excel in French). */
  exportCsv: endpoint<{ fileName: string; content: string }>()(
    z.object({ filters, separator: z.enum(CSV_SEPARATORS).default(","), language }),
  ),
  /** The figures as a PDF of tables, base64-encoded, for the UI to save. */
  exportPdf: endpoint<{ fileName: string; base64: string; pages: number }>()(
    z.object({ filters, language }),
  ),
} as const;
