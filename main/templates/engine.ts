/**
 * Rendering a template for a contract: values resolved and formatted in the
 * template's language, conditional sections, and output that never throws.
 * Checking lives in check.ts, the body's AST in analysis.ts, and the
 * Handlebars instance with Pacta's helpers in handlebars-runtime.ts.
 */
import type Handlebars from "handlebars";
import type { Contract } from "../../shared/domain/contract";
import {
  isInheritedName,
  type RenderedSection,
  type RenderResult,
  type SectionCondition,
  type TemplateContent,
  type TemplateField,
  type TemplateLanguage,
} from "../../shared/domain/templates";
import { analyze, CACHE_ENTRIES, CACHED_SOURCE_MAX, FieldScope, mergeFieldText } from "./analysis";
import { builtinFormat, contractValues, type Formatter } from "./catalog";
import { checkTemplate } from "./check";
import { formatDuration, formatList, formatRenewalKind, formatTyped, splitList } from "./format";
import { hb, ListValue, Missing } from "./handlebars-runtime";
import { sanitizeRendered } from "./html";

// --- Rendering --------------------------------------------------------------

/** A field's value: as typed (for conditions and forms) and as printed. */
interface Resolved {
  raw: string;
  printed: string | ListValue | Handlebars.SafeString;
}

export interface RenderInput {
  content: TemplateContent;
  /** The contract whose data fills the built-in fields (a sample for previews). */
  contract: Contract | null;
  /** Values typed for fields, as text (dates YYYY-MM-DD, amounts in major units). */
  values: Record<string, string>;
  now: Date;
}

function formatterOf(key: string, declared: TemplateField | undefined): Formatter {
  if (declared && declared.type !== "text") return declared.type;
  return builtinFormat(key) ?? "text";
}

function printValue(
  raw: string,
  formatter: Formatter,
  language: TemplateLanguage,
  currency: string | null,
): Resolved["printed"] {
  switch (formatter) {
    case "list": {
      const list = new ListValue();
      list.push(...splitList(raw));
      list.text = formatList(list, language);
      return list;
    }
    case "longText": {
      const lines = raw.trim().split(/\r?\n/).map(hb.Utils.escapeExpression);
      return new hb.SafeString(lines.join("<br>"));
    }
    case "duration":
      return formatDuration(raw, language);
    case "renewal":
      return formatRenewalKind(raw, language);
    default:
      return formatTyped(raw, formatter, language, currency);
  }
}

/**
 * Every field's value: the contract's data, overridden by what was typed
 * (a typed value equal to the contract's own is the contract's).
 */
export function resolveValues(input: RenderInput): Map<string, Resolved> {
  const { content } = input;
  const scope = new FieldScope(content.fields);
  const fromContract = input.contract ? contractValues(input.contract, input.now) : new Map();
  const entered = Object.entries(input.values).filter(([, v]) => v.trim() !== "");
  const typedCurrency = entered.find(([k]) => k === "contract.currency")?.[1].trim() ?? null;
  const currency = typedCurrency || input.contract?.currency || null;
  const out = new Map<string, Resolved>();
  const put = (key: string, raw: string) => {
    const printed = printValue(raw, formatterOf(key, scope.field(key)), content.language, currency);
    out.set(key, { raw: raw.trim(), printed });
  };
  for (const [key, value] of fromContract) put(key, value.text);
  for (const [key, raw] of entered) {
    if (fromContract.get(key)?.text.trim() !== raw.trim()) put(key, raw);
  }
  return out;
}

type Context = { [key: string]: unknown };

function setPath(ctx: Context, key: string, value: unknown): void {
  const parts = key.split(".");
  let node: Context = ctx;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (next === undefined) {
      const child: Context = Object.create(null);
      node[part] = child;
      node = child;
    } else if (next !== null && typeof next === "object" && !isValue(next)) {
      node = next as Context;
    } else {
      return; // `a.b` has a value: `a.b.c` cannot.
    }
  }
  const last = parts[parts.length - 1] as string;
  if (node[last] === undefined) node[last] = value;
}

function isValue(v: unknown): boolean {
  return v instanceof Missing || v instanceof ListValue || v instanceof hb.SafeString;
}

function conditionHolds(c: SectionCondition, values: Map<string, Resolved>): boolean {
  const v = values.get(c.field);
  const present = v !== undefined && v.raw !== "";
  if (c.op === "present") return present;
  if (c.op === "absent") return !present;
  const wanted = (c.value ?? "").trim();
  if (!v) return wanted === "";
  return v.raw === wanted || String(v.printed).trim() === wanted;
}

const compiled = new Map<string, HandlebarsTemplateDelegate>();

function compile(source: string, noEscape: boolean): HandlebarsTemplateDelegate {
  const cacheKey = `${noEscape ? "t" : "b"}:${source}`;
  let template = compiled.get(cacheKey);
  if (!template) {
    template = hb.compile(mergeFieldText(source), {
      noEscape,
      strict: false,
      preventIndent: true,
      // Never compiled as direct calls: checks refuse them, this is the backstop.
      knownHelpers: { lookup: false, log: false, helperMissing: false, blockHelperMissing: false },
    });
    if (source.length <= CACHED_SOURCE_MAX) {
      if (compiled.size >= CACHE_ENTRIES) compiled.clear();
      compiled.set(cacheKey, template);
    }
  }
  return template;
}

/**
 * Renders every section whose condition holds. Never throws: a section
 * that cannot render is reported as a syntax problem and comes out with an
 * empty body (never its template code); `Documents.generate` refuses it.
 */
export function renderTemplate(input: RenderInput): RenderResult {
  const { content } = input;
  const problems = checkTemplate(content);
  const broken = new Set(problems.filter((p) => p.kind === "syntax").map((p) => p.sectionId));
  const values = resolveValues(input);
  const printed = new Set<string>();
  const ctx: Context = Object.create(null);
  for (const [key, v] of values) setPath(ctx, key, v.printed);
  for (const section of content.sections) {
    for (const use of [...analyze(section.body).uses, ...analyze(section.title).uses]) {
      if (use.key.split(".").some(isInheritedName)) continue;
      if (!values.has(use.key)) setPath(ctx, use.key, new Missing(use.key, printed));
    }
  }
  const sections: RenderedSection[] = [];
  for (const section of content.sections) {
    if (section.condition && !conditionHolds(section.condition, values)) continue;
    if (broken.has(section.id)) {
      sections.push({ title: section.title, body: "" });
      continue;
    }
    try {
      const title = compile(section.title, true)(ctx).replace(/\s+/g, " ").trim();
      const body = sanitizeRendered(compile(section.body, false)(ctx));
      sections.push({ title: title || section.title, body });
    } catch (error) {
      problems.push({
        sectionId: section.id,
        line: null,
        column: null,
        kind: "syntax",
        message: `cannot render: ${error instanceof Error ? error.message : String(error)}`,
      });
      sections.push({ title: section.title, body: "" });
    }
  }
  const missing = new Set(printed);
  for (const f of content.fields) {
    if (f.required && !values.has(f.key)) missing.add(f.key);
  }
  return { sections, missing: [...missing].sort(), problems };
}
