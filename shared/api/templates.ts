/** The templates, clauses and documents groups of the API (issue 4). */
import { z } from "zod";
import {
  type Clause,
  type ContractDocument,
  clauseInputSchema,
  type FieldType,
  type FieldValue,
  fieldKeySchema,
  type RenderResult,
  type Template,
  type TemplateProblem,
  type TemplateSummary,
  type TemplateVersion,
  type TemplateVersionSummary,
  templateContentSchema,
} from "../domain/templates";
import { endpoint, idArgs } from "./endpoint";

/** A field every template may use without declaring it (contract data, parties). */
export interface CatalogField {
  key: string;
  /** In the UI's language is the renderer's job: these are French and English. */
  label: { fr: string; en: string };
  type: FieldType;
}

/** One run of text in a comparison of two versions. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface SectionComparison {
  id: string;
  /** The title in the newer version (or the older one when removed). */
  title: string;
  change: "same" | "added" | "removed" | "changed" | "moved";
  /** Word-level differences of the title and the body's text. */
  diff: DiffPart[];
}

export interface TemplateComparison {
  templateId: number;
  from: number;
  to: number;
  sections: SectionComparison[];
  /** Declared fields added, removed or changed, one line each. */
  fieldChanges: string[];
}

const valuesSchema = z.record(fieldKeySchema, z.string().max(100_000));
const versionArgs = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
});

export const templatesApi = {
  list: endpoint<TemplateSummary[]>()(
    z.object({ includeArchived: z.boolean().default(false) }).prefault({}),
  ),
  /** The newest version, or the one asked for. */
  get: endpoint<Template>()(
    z.object({ id: z.number().int().positive(), version: z.number().int().positive().nullish() }),
  ),
  create: endpoint<Template>()(z.object({ content: templateContentSchema })),
  /** Saves a new version; `expectedVersion` older than the newest means someone else saved. */
  save: endpoint<Template>()(
    z.object({
      id: z.number().int().positive(),
      content: templateContentSchema,
      expectedVersion: z.number().int().positive(),
      note: z.string().trim().max(500).nullish(),
    }),
  ),
  versions: endpoint<TemplateVersionSummary[]>()(idArgs),
  version: endpoint<TemplateVersion>()(versionArgs),
  compare: endpoint<TemplateComparison>()(
    z.object({
      id: z.number().int().positive(),
      from: z.number().int().positive(),
      to: z.number().int().positive(),
    }),
  ),
  /** Saves the old version's content as a new version. */
  restore: endpoint<Template>()(versionArgs),
  archive: endpoint<Template>()(idArgs),
  unarchive: endpoint<Template>()(idArgs),
  /** Syntax errors and unknown fields, per section with line and column. */
  check: endpoint<TemplateProblem[]>()(z.object({ content: templateContentSchema })),
  /** Renders with a contract's data, or with sample data when no contract is given. */
  preview: endpoint<RenderResult>()(
    z.object({
      content: templateContentSchema,
      contractId: z.number().int().positive().nullish(),
      values: valuesSchema.default({}),
    }),
  ),
  /** `##` headings become sections, `{{a.b}}` tokens become declared fields. */
  importMarkdown: endpoint<Template>()(
    z.object({
      fileName: z.string().trim().min(1).max(500),
      content: z.string().max(5_000_000),
      language: z.enum(["fr", "en"]).nullish(),
    }),
  ),
  /** Fields every template can use: the contract's data and its parties by role. */
  catalog: endpoint<CatalogField[]>()(z.object({})),
} as const;

export const clausesApi = {
  list: endpoint<Clause[]>()(
    z
      .object({
        search: z.string().max(200).default(""),
        tag: z.string().max(60).nullish(),
      })
      .prefault({}),
  ),
  create: endpoint<Clause>()(clauseInputSchema),
  update: endpoint<Clause>()(
    z.object({ id: z.number().int().positive(), clause: clauseInputSchema }),
  ),
  remove: endpoint<{ id: number }>()(idArgs),
} as const;

export const documentsApi = {
  /** The contract's text, or null when it has none yet. */
  get: endpoint<ContractDocument | null>()(z.object({ contractId: z.number().int().positive() })),
  /** The template's declared fields, prefilled from the contract and its parties. */
  fields: endpoint<FieldValue[]>()(
    z.object({
      contractId: z.number().int().positive(),
      templateId: z.number().int().positive(),
    }),
  ),
  /**
   * Renders the template's newest version and stores the sections on the
   * contract. Refused (invalid_argument) when a section cannot render or a
   * date, amount or number field holds what does not read as one (one issue
   * per field, at ["values", key]);
   * `problems` lists what is wrong but did not stop it.
   */
  generate: endpoint<{
    document: ContractDocument;
    missing: string[];
    /** The required fields among `missing`: generated, but not ready to sign. */
    requiredMissing: string[];
    problems: TemplateProblem[];
  }>()(
    z.object({
      contractId: z.number().int().positive(),
      templateId: z.number().int().positive(),
      values: valuesSchema.default({}),
    }),
  ),
  /**
   * Saves edited sections (titles and sanitized HTML bodies). With
   * `expectedUpdatedAt` (the `updatedAt` of the text the edit began from),
   * the save is refused with stale_update when the text changed since;
   * without it (null or absent) the save overwrites whatever is stored: for
   * scripts that mean to replace the text. The UI always sends it.
   */
  save: endpoint<ContractDocument>()(
    z.object({
      contractId: z.number().int().positive(),
      sections: z
        .array(
          z.object({ title: z.string().trim().min(1).max(300), body: z.string().max(500_000) }),
        )
        .max(500),
      expectedUpdatedAt: z.string().nullish(),
    }),
  ),
  /** The contract as a PDF, base64-encoded, for the UI to save or download. */
  exportPdf: endpoint<{ fileName: string; base64: string; pages: number }>()(
    z.object({ contractId: z.number().int().positive() }),
  ),
} as const;
