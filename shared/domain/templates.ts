/**
 * Contract templates, clauses and the documents generated from them.
 *
 * A template is an ordered list of sections whose bodies are a small HTML
 * subset (paragraphs, headings, bold, italic, lists) holding Handlebars merge
 * fields such as `{{party.client.name}}` or `{{#if contract.value}}…{{/if}}`.
 * Rendering happens in main (Handlebars compiles to code, which the
 * renderer's content security policy forbids); the UI previews through the API.
 */
import { z } from "zod";

/** `contract.endDate`, `party.client.name`, `company.rcs_city`: dotted words. */
export const fieldKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/, {
    message: "expected dotted words such as party.client.name",
  })
  .refine((key) => !key.split(".").some(isInheritedName), {
    message: "names every object has, such as toString, cannot name a field",
  });

/** The largest Markdown file imported as a template (checked before it is parsed). */
export const MARKDOWN_MAX_BYTES = 2 * 1024 * 1024;

/** "2 MB": the limit as people read it. */
export const MARKDOWN_MAX_TEXT = "2 MB";

/** `toString`, `constructor`…: names every object inherits, never a field. */
export function isInheritedName(name: string): boolean {
  return Object.getOwnPropertyNames(Object.prototype).includes(name);
}

export const FIELD_TYPES = ["text", "longText", "date", "amount", "number", "list"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const TEMPLATE_LANGUAGES = ["fr", "en"] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** What a template asks for before it can render. */
export const templateFieldSchema = z.object({
  key: fieldKeySchema,
  label: z.string().trim().min(1).max(200),
  type: z.enum(FIELD_TYPES).default("text"),
  required: z.boolean().default(false),
});
export type TemplateField = z.infer<typeof templateFieldSchema>;

/**
 * Shows a section only when a field has a value (`present`), has none
 * (`absent`) or equals a value (`equals`, compared as trimmed text).
 */
export const sectionConditionSchema = z.object({
  field: fieldKeySchema,
  op: z.enum(["present", "absent", "equals"]),
  value: z.string().max(500).nullish(),
});
export type SectionCondition = z.infer<typeof sectionConditionSchema>;

export const templateSectionSchema = z.object({
  /** Stable within the template across versions (lets versions be compared). */
  id: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1).max(300),
  /** HTML subset with merge fields; main sanitizes it on save. */
  body: z.string().max(500_000),
  condition: sectionConditionSchema.nullish(),
});
export type TemplateSection = z.infer<typeof templateSectionSchema>;

/** Everything one version of a template holds. */
export const templateContentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(""),
  language: z.enum(TEMPLATE_LANGUAGES).default("fr"),
  fields: z.array(templateFieldSchema).max(500).default([]),
  sections: z.array(templateSectionSchema).min(1).max(500),
});
export type TemplateContent = z.infer<typeof templateContentSchema>;
export type TemplateContentInput = z.input<typeof templateContentSchema>;

export interface TemplateSummary {
  id: number;
  name: string;
  language: TemplateLanguage;
  /** The newest version's number; versions count from 1. */
  version: number;
  sectionCount: number;
  fieldCount: number;
  archived: boolean;
  updatedAt: string;
}

export interface Template extends TemplateSummary {
  content: TemplateContent;
}

export interface TemplateVersionSummary {
  version: number;
  savedAt: string;
  savedBy: string;
  /** What the person said about this save, if anything. */
  note: string | null;
}

export interface TemplateVersion extends TemplateVersionSummary {
  templateId: number;
  content: TemplateContent;
}

/** Where a template is wrong, precisely enough for the editor to point at it. */
export interface TemplateProblem {
  /** The section it is in; null for the template's own fields or name. */
  sectionId: string | null;
  /** 1-based line and column inside the section's body, when known. */
  line: number | null;
  column: number | null;
  kind: "syntax" | "unknown_field" | "invalid_field" | "condition";
  message: string;
}

/** One section as it reads once rendered; `body` is sanitized HTML. */
export interface RenderedSection {
  title: string;
  body: string;
}

export interface RenderResult {
  sections: RenderedSection[];
  /** Declared or used fields that had no value (rendered empty). */
  missing: string[];
  problems: TemplateProblem[];
}

/** A declared field with what the contract already says about it. */
export interface FieldValue {
  field: TemplateField;
  /** As text the form can show (dates YYYY-MM-DD, amounts in major units). */
  value: string;
  /** Where the value came from: the contract, a party, or typed earlier. */
  source: "contract" | "party" | "entered" | "empty";
  /**
   * A value typed earlier that no longer reads as the field's type (the
   * template changed the type since): shown, but generate refuses it.
   */
  unreadable?: boolean;
}

export const CLAUSE_STATUSES = ["approved", "fallback"] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

export const clauseInputSchema = z.object({
  name: z.string().trim().min(1, "the clause needs a name").max(200),
  tags: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  status: z.enum(CLAUSE_STATUSES).default("approved"),
  language: z.enum(TEMPLATE_LANGUAGES).default("fr"),
  body: z.string().max(200_000),
});
export type ClauseInput = z.input<typeof clauseInputSchema>;

export interface Clause {
  id: number;
  name: string;
  tags: string[];
  status: ClauseStatus;
  language: TemplateLanguage;
  body: string;
  updatedAt: string;
}

/** The text a contract carries: rendered from a template, then edited freely. */
export interface ContractDocument {
  contractId: number;
  templateId: number | null;
  templateName: string | null;
  /** The template version it was generated from. */
  templateVersion: number | null;
  generatedAt: string | null;
  updatedAt: string;
  /** The values entered for the template's fields when it was generated. */
  values: Record<string, string>;
  sections: RenderedSection[];
}
