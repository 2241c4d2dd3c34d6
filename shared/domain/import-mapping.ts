/**
 * How the columns of a CSV file (or the keys of a JSON file) become contract
 * fields. Saved as JSON next to a file (`pacta import --mapping`) or built in
 * the import wizard.
 */
import { z } from "zod";
import { DATE_FORMATS } from "./calendar-date";

export const IMPORT_FIELDS = [
  "reference",
  "title",
  "type",
  "stage",
  "parties",
  "value",
  "currency",
  "signatureDate",
  "effectiveDate",
  "endDate",
  "renewalKind",
  "renewalTerm",
  "noticePeriod",
  "governingLaw",
  "tags",
  "notes",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const importMappingSchema = z.object({
  /** Contract field → column header in the file. */
  columns: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1)),
  dateFormat: z.enum(DATE_FORMATS).default("YYYY-MM-DD"),
  /** Field separator of a CSV file; `auto` looks at the header line. */
  delimiter: z.enum([",", ";", "\t", "auto"]).default("auto"),
  /** Values used where the file has none. */
  defaults: z
    .object({
      currency: z.string().optional(),
      type: z.string().optional(),
      stage: z.string().optional(),
    })
    .default({}),
  /**
   * What a filled renewal-term column says about the renewal kind when the
   * file has no renewal-kind column (in CUAD it means automatic renewal).
   */
  renewalTermImplies: z.enum(["automatic", "optional"]).nullable().default(null),
  /** Words that, in the end-date or renewal-term column, mean an evergreen contract. */
  evergreenWords: z.array(z.string().min(1)).default([]),
  /** Separates parties in the parties column (`Name ("Role"); Other ("Role")`). */
  partySeparator: z.string().min(1).default(";"),
  /** Separates tags in the tags column. */
  tagSeparator: z.string().min(1).default(","),
});
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;
