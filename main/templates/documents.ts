/**
 * The text a contract carries: rendered from a template's newest version
 * with the contract's data and the values a person typed, stored with the
 * template version it came from, then edited freely. Generating and saving
 * are recorded in the contract's hash-chained history, with a hash of the
 * text, so that `pacta verify` also vouches for what the text was.
 */
import { hash } from "node:crypto";
import { type FieldIssue, PactaError } from "../../shared/api/result";
import type { Contract } from "../../shared/domain/contract";
import type {
  ContractDocument,
  FieldValue,
  RenderedSection,
  RenderResult,
  TemplateContent,
  TemplateProblem,
} from "../../shared/domain/templates";
import type { Db } from "../db/open";
import type { ContractRegister } from "../register/register";
import { contractValues, isBuiltinKey, sampleContract } from "./catalog";
import { renderTemplate } from "./engine";
import { expectedForm } from "./format";
import { sanitizeDocumentBody } from "./html";
import { syntaxError, type Templates } from "./templates";

export interface DocumentsOptions {
  now: () => Date;
}

interface DocumentRow {
  contract_id: number;
  template_id: number | null;
  template_name: string | null;
  template_version: number | null;
  generated_at: string | null;
  updated_at: string;
  field_values: string;
  sections: string;
}

export interface Generated {
  document: ContractDocument;
  missing: string[];
  /** The fields of `missing` the template marks required: the text is not ready to sign. */
  requiredMissing: string[];
  /** What is wrong with the template but did not stop it (unknown fields…). */
  problems: TemplateProblem[];
}

export class Documents {
  private lastStamp = 0;

  constructor(
    readonly db: Db,
    private readonly register: ContractRegister,
    private readonly templates: Templates,
    private readonly options: DocumentsOptions,
  ) {}

  /** The contract's text, or null when it has none yet. */
  get(contractId: number): ContractDocument | null {
    this.register.get(contractId);
    return this.read(contractId);
  }

  /**
   * The template's declared fields with what is known of each: typed
   * earlier for this contract, else the contract's data or parties, else empty.
   * A typed value that no longer reads as its field's type is flagged.
   */
  fields(contractId: number, templateId: number): FieldValue[] {
    const contract = this.register.get(contractId);
    const template = this.templates.get(templateId);
    const entered = this.read(contractId)?.values ?? {};
    const known = contractValues(contract, this.options.now());
    return template.content.fields.map((field) => {
      const typed = entered[field.key];
      if (typed !== undefined && typed.trim() !== "") {
        const unreadable = expectedForm(typed, field.type, template.content.language) !== null;
        return unreadable
          ? { field, value: typed, source: "entered", unreadable }
          : { field, value: typed, source: "entered" };
      }
      const fromContract = known.get(field.key);
      if (fromContract) return { field, value: fromContract.text, source: fromContract.origin };
      return { field, value: "", source: "empty" };
    });
  }

  /** Renders a template, with a contract's data or with sample data. */
  preview(
    content: TemplateContent,
    contractId: number | null,
    values: Record<string, string>,
  ): RenderResult {
    const now = this.options.now();
    const contract =
      contractId === null ? sampleContract(content.language, now) : this.register.get(contractId);
    const sample = contractId === null ? sampleValues(content, values) : values;
    return renderTemplate({ content, contract, values: sample, now });
  }

  /**
   * Renders the template's newest version for the contract and stores the
   * sections on it (replacing any text it had). Values typed earlier are
   * kept unless given again; an empty value clears one.
   */
  generate(contractId: number, templateId: number, values: Record<string, string>): Generated {
    return this.db
      .transaction(() => {
        const contract = this.register.get(contractId);
        const template = this.templates.get(templateId);
        if (template.archived) {
          throw new PactaError(
            "invalid_argument",
            `template #${templateId} (${template.name}) is archived: unarchive it to use it`,
          );
        }
        const before = this.read(contractId);
        const now = this.options.now();
        const entered = overrides(contract, now, { ...(before?.values ?? {}), ...values });
        checkTypedValues(template.content, entered);
        const result = renderTemplate({
          content: template.content,
          contract,
          values: entered,
          now,
        });
        const broken = result.problems.filter((p) => p.kind === "syntax");
        // A section that cannot render is refused, never stored as template code.
        if (broken.length > 0) throw syntaxError(template.content, broken);
        const at = this.stamp();
        this.write({
          contractId,
          templateId,
          templateVersion: template.version,
          generatedAt: at,
          updatedAt: at,
          values: entered,
          sections: result.sections,
        });
        this.register.record(contractId, at, "document", {
          template: [
            before?.templateId ? `${before.templateName} (v${before.templateVersion})` : null,
            `${template.name} (v${template.version})`,
          ],
          sections: [before ? before.sections.length : null, result.sections.length],
          text: [before ? textHash(before.sections) : null, textHash(result.sections)],
        });
        const required = new Set(
          template.content.fields.filter((f) => f.required).map((f) => f.key),
        );
        return {
          document: this.read(contractId) as ContractDocument,
          missing: result.missing,
          requiredMissing: result.missing.filter((key) => required.has(key)),
          problems: result.problems,
        };
      })
      .immediate();
  }

  /** Saves edited sections; refused when the text changed since `expectedUpdatedAt`. */
  save(
    contractId: number,
    sections: { title: string; body: string }[],
    expectedUpdatedAt?: string | null,
  ): ContractDocument {
    return this.db
      .transaction(() => {
        this.register.get(contractId);
        const before = this.read(contractId);
        if (expectedUpdatedAt && before && before.updatedAt !== expectedUpdatedAt) {
          throw new PactaError(
            "stale_update",
            `the text of contract #${contractId} was changed at ${before.updatedAt}, ` +
              "after this edit began",
          );
        }
        const clean: RenderedSection[] = sections.map((s) => ({
          title: s.title.replace(/\s+/g, " ").trim(),
          body: sanitizeDocumentBody(s.body),
        }));
        if (before && JSON.stringify(before.sections) === JSON.stringify(clean)) return before;
        const at = this.stamp();
        this.write({
          contractId,
          templateId: before?.templateId ?? null,
          templateVersion: before?.templateVersion ?? null,
          generatedAt: before?.generatedAt ?? null,
          updatedAt: at,
          values: before?.values ?? {},
          sections: clean,
        });
        this.register.record(contractId, at, "document", {
          sections: [before ? before.sections.length : null, clean.length],
          text: [before ? textHash(before.sections) : null, textHash(clean)],
        });
        return this.read(contractId) as ContractDocument;
      })
      .immediate();
  }

  private read(contractId: number): ContractDocument | null {
    const row = this.db
      .prepare(
        `SELECT d.*, t.name AS template_name FROM contract_documents d
         LEFT JOIN templates t ON t.id = d.template_id
         WHERE d.contract_id = ?`,
      )
      .get(contractId) as DocumentRow | undefined;
    if (!row) return null;
    return {
      contractId: row.contract_id,
      templateId: row.template_id,
      templateName: row.template_name,
      templateVersion: row.template_version,
      generatedAt: row.generated_at,
      updatedAt: row.updated_at,
      values: JSON.parse(row.field_values) as Record<string, string>,
      sections: JSON.parse(row.sections) as RenderedSection[],
    };
  }

  private write(d: Omit<ContractDocument, "templateName">): void {
    this.db
      .prepare(
        `INSERT INTO contract_documents (contract_id, template_id, template_version,
           generated_at, updated_at, field_values, sections)
         VALUES (@contractId, @templateId, @templateVersion, @generatedAt, @updatedAt,
           @values, @sections)
         ON CONFLICT (contract_id) DO UPDATE SET template_id = excluded.template_id,
           template_version = excluded.template_version, generated_at = excluded.generated_at,
           updated_at = excluded.updated_at, field_values = excluded.field_values,
           sections = excluded.sections`,
      )
      .run({
        ...d,
        values: JSON.stringify(d.values),
        sections: JSON.stringify(d.sections),
      });
  }

  private stamp(): string {
    const ms = Math.max(this.options.now().getTime(), this.lastStamp + 1);
    this.lastStamp = ms;
    return new Date(ms).toISOString();
  }
}

/**
 * The typed values worth keeping: not empty, and not what the contract
 * itself says (those follow the contract when it changes).
 */
function overrides(
  contract: Contract,
  now: Date,
  values: Record<string, string>,
): Record<string, string> {
  const known = contractValues(contract, now);
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(values).sort(([a], [b]) => a.localeCompare(b))) {
    const v = value.trim();
    if (v !== "" && v !== known.get(key)?.text.trim()) kept[key] = value;
  }
  return kept;
}

/** Refuses a value typed for a date, amount or number field that does not read as one. */
function checkTypedValues(content: TemplateContent, values: Record<string, string>): void {
  const issues: FieldIssue[] = [];
  for (const field of content.fields) {
    const text = values[field.key];
    if (text === undefined) continue;
    const form = expectedForm(text, field.type, content.language);
    if (form === null) continue;
    issues.push({
      path: ["values", field.key],
      message: `“${field.label}” (${field.key}) takes ${form}, not “${text.trim()}”`,
    });
  }
  if (issues.length > 0) {
    throw new PactaError("invalid_argument", issues.map((i) => i.message).join("; "), issues);
  }
}

/** Sample values for declared fields nobody filled in, so a preview reads like a contract. */
function sampleValues(
  content: TemplateContent,
  values: Record<string, string>,
): Record<string, string> {
  const out = { ...values };
  for (const f of content.fields) {
    if ((out[f.key] ?? "").trim() !== "") continue;
    if (isBuiltinKey(f.key)) continue;
    if (f.type === "date") out[f.key] = "2026-03-01";
    else if (f.type === "amount") out[f.key] = "12500";
    else if (f.type === "number") out[f.key] = "3";
    else if (f.type === "list") out[f.key] = "A; B; C";
    else out[f.key] = `[${f.label}]`;
  }
  return out;
}

/** `sha256:…` of the sections as stored: the history keeps it, not the text. */
export function textHash(sections: readonly RenderedSection[]): string {
  return `sha256:${hash("sha256", JSON.stringify(sections), "hex")}`;
}
