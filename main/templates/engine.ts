/**
 * The template engine: one isolated Handlebars instance (HTML escaping on,
 * prototype access off) with only Pacta's helpers, a check that walks
 * Handlebars' own AST for syntax errors and unknown fields, and rendering
 * that never throws.
 *
 * A field with no value renders empty. So that `missing` names exactly the
 * fields that printed empty, each one is bound to a marker that records
 * itself when printed and reads as false in `{{#if}}`.
 */
import Handlebars from "handlebars";
import type { Contract } from "../../shared/domain/contract";
import {
  isInheritedName,
  type RenderedSection,
  type RenderResult,
  type SectionCondition,
  type TemplateContent,
  type TemplateField,
  type TemplateLanguage,
  type TemplateProblem,
  type TemplateSection,
} from "../../shared/domain/templates";
import { createLogger } from "../logging/logger";
import {
  builtinFormat,
  contractValues,
  type Formatter,
  isBuiltinGroup,
  isBuiltinKey,
} from "./catalog";
import { formatDuration, formatList, formatRenewalKind, formatTyped, splitList } from "./format";
import { sanitizeRendered } from "./html";

const hb = Handlebars.create();
hb.unregisterHelper("log");
hb.unregisterHelper("lookup");

const log = createLogger("templates");
// Handlebars' runtime logs through its module-wide logger, to the console by
// default (e.g. "Access has been denied to resolve the property…"). Checks
// already report such uses as problems; its words go to our log instead.
Handlebars.logger.log = (level: unknown, ...message: unknown[]): void => {
  log.debug({ level, message: message.map(String).join(" ") }, "handlebars");
};

/**
 * Handlebars' own helpers that Pacta does not provide: naming one is an
 * error, never a field (the compiled code would call them directly).
 */
const FOREIGN_HELPERS = new Set(["lookup", "log", "helperMissing", "blockHelperMissing"]);

/** Helpers that take a block: `{{#if x}}…{{else}}…{{/if}}`. */
const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
/** Helpers used inline or inside `(…)`: `{{#if (eq contract.type "NDA")}}`. */
export const HELPERS = ["eq", "ne", "and", "or", "not", "upper", "lower", "default"] as const;
const INLINE_HELPERS = new Set<string>(HELPERS);

/** A field with no value: prints empty (and says so), reads as false. */
class Missing {
  readonly #key: string;
  readonly #printed: Set<string>;
  constructor(key: string, printed: Set<string>) {
    this.#key = key;
    this.#printed = printed;
  }
  toHTML(): string {
    this.#printed.add(this.#key);
    return "";
  }
  toString(): string {
    return this.toHTML();
  }
}

/** A list field: prints as "A, B et C", and `{{#each}}` walks its items. */
class ListValue extends Array<string> {
  text = "";
  toHTML(): string {
    return hb.Utils.escapeExpression(this.text);
  }
  override toString(): string {
    return this.text;
  }
}

type HelperOptions = Handlebars.HelperOptions;

function plain(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Testing a field is not printing it: a missing one compares as empty, unrecorded.
  if (value instanceof Missing) return "";
  return String(value);
}

function truthy(value: unknown): boolean {
  if (value instanceof Missing) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof hb.SafeString) return value.toString().trim() !== "";
  if (typeof value === "string") return value.trim() !== "";
  return Boolean(value);
}

function splitArgs(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

function block(truth: boolean, self: unknown, options: HelperOptions): string {
  if (typeof options?.fn !== "function") return "";
  return truth ? options.fn(self) : options.inverse(self);
}

hb.registerHelper("if", function (this: unknown, ...args: unknown[]) {
  const { params, options } = splitArgs(args);
  return block(truthy(params[0]), this, options);
});
hb.registerHelper("unless", function (this: unknown, ...args: unknown[]) {
  const { params, options } = splitArgs(args);
  return block(!truthy(params[0]), this, options);
});
hb.registerHelper("with", function (this: unknown, ...args: unknown[]) {
  const { params, options } = splitArgs(args);
  const value = params[0];
  if (typeof options?.fn !== "function") return "";
  if (!truthy(value)) return options.inverse(this);
  return options.fn(value, { data: options.data, blockParams: [value] });
});
hb.registerHelper("eq", (...args: unknown[]) => {
  const [a, b] = splitArgs(args).params;
  return plain(a).trim() === plain(b).trim();
});
hb.registerHelper("ne", (...args: unknown[]) => {
  const [a, b] = splitArgs(args).params;
  return plain(a).trim() !== plain(b).trim();
});
hb.registerHelper("and", (...args: unknown[]) => splitArgs(args).params.every(truthy));
hb.registerHelper("or", (...args: unknown[]) => splitArgs(args).params.some(truthy));
hb.registerHelper("not", (...args: unknown[]) => !truthy(splitArgs(args).params[0]));
/** The text of a value a helper prints (a missing one records itself). */
function printedText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
hb.registerHelper("upper", (...args: unknown[]) =>
  printedText(splitArgs(args).params[0]).toLocaleUpperCase(),
);
hb.registerHelper("lower", (...args: unknown[]) =>
  printedText(splitArgs(args).params[0]).toLocaleLowerCase(),
);
hb.registerHelper("default", (...args: unknown[]) => {
  const [value, fallback] = splitArgs(args).params;
  return truthy(value) ? value : fallback;
});
// An unknown helper prints nothing rather than throwing (check reports it).
hb.registerHelper("helperMissing", () => "");

// --- Reading a body: Handlebars' AST -------------------------------------

interface Loc {
  start: { line: number; column: number };
}
interface Node {
  type: string;
  loc?: Loc;
}
interface PathNode extends Node {
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}
interface CallNode extends Node {
  path: Node;
  params: Node[];
  hash?: { pairs: { value: Node }[] };
}
interface BlockNode extends CallNode {
  program?: { body: Node[] } | null;
  inverse?: { body: Node[] } | null;
}

/** A field a body uses, where, and whether it is printed or only tested. */
export interface FieldUse {
  key: string;
  line: number;
  column: number;
  printed: boolean;
}

interface BodyProblem {
  line: number | null;
  column: number | null;
  kind: TemplateProblem["kind"];
  message: string;
}

export interface Analysis {
  ok: boolean;
  uses: FieldUse[];
  problems: BodyProblem[];
}

/** Parsed and compiled bodies are kept for previews, as long as they are not huge. */
const CACHE_ENTRIES = 500;
const CACHED_SOURCE_MAX = 50_000;
const analyses = new Map<string, Analysis>();

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&nbsp;": " ",
};

/**
 * Bodies are stored as HTML, so `{{> x}}` arrives as `{{&gt; x}}`. Inside
 * merge fields the entities are turned back into what was typed, so that
 * Handlebars reads (and reports) the field as written. Nothing outside
 * `{{…}}` changes, and what a field prints is still escaped.
 */
export function mergeFieldText(source: string): string {
  if (!source.includes("&")) return source;
  return source.replace(/\{\{[\s\S]*?\}\}/g, (field) =>
    field.replace(/&(?:amp|lt|gt|quot|#39|#x27|nbsp);/g, (e) => ENTITIES[e] ?? e),
  );
}

/** Parses a body (cached) and lists the fields it uses and what is wrong. */
export function analyze(source: string): Analysis {
  const known = analyses.get(source);
  if (known) return known;
  let result: Analysis;
  try {
    const ast = hb.parse(mergeFieldText(source)) as unknown as { body: Node[] };
    const uses: FieldUse[] = [];
    const problems: BodyProblem[] = [];
    walkBody(ast.body, 0, uses, problems);
    result = { ok: true, uses, problems };
  } catch (error) {
    result = { ok: false, uses: [], problems: [syntaxProblem(error)] };
  }
  if (source.length <= CACHED_SOURCE_MAX) {
    if (analyses.size >= CACHE_ENTRIES) analyses.clear();
    analyses.set(source, result);
  }
  return result;
}

function syntaxProblem(error: unknown): BodyProblem {
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  if (typeof e.lineNumber === "number") {
    // Handlebars' own exceptions (`if doesn't match each - 2:5`) carry the place.
    return {
      line: e.lineNumber,
      column: typeof e.column === "number" ? e.column + 1 : null,
      kind: "syntax",
      message: message.replace(/ - \d+:\d+$/, ""),
    };
  }
  // The parser stops at a token; the lexer still holds where that token was.
  const lexer = (hb as unknown as { Parser?: { lexer?: LexerState } }).Parser?.lexer;
  const at = lexer?.yylloc;
  const match = lexer?.match ?? "";
  const line = at?.first_line ?? Number(/line (\d+)/.exec(message)?.[1] ?? 0);
  const column = at ? at.first_column + 1 : null;
  let words: string;
  if (/^Lexical error/.test(message)) {
    words = "unreadable text in a merge field (an unclosed {{!-- comment, or a stray quote?)";
  } else if (match === "") {
    words = "the text ends inside a merge field or block: a }} or {{/if}} is missing";
  } else {
    words = `unexpected “${match}” in a merge field`;
  }
  return { line: line || null, column, kind: "syntax", message: words };
}

interface LexerState {
  yylloc?: { first_line: number; first_column: number };
  match?: string;
}

function where(node: Node): { line: number; column: number } {
  return { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}

/** The root field a path names, or null when it is relative to an `each`/`with`. */
function rootKey(path: PathNode, scope: number): string | null {
  if (path.data) {
    return path.parts[0] === "root" && path.parts.length > 1 ? path.parts.slice(1).join(".") : null;
  }
  if (scope - path.depth !== 0 || path.parts.length === 0) return null;
  return path.parts.join(".");
}

function walkBody(body: Node[], scope: number, uses: FieldUse[], problems: BodyProblem[]): void {
  for (const node of body) walkStatement(node, scope, uses, problems);
}

function walkStatement(node: Node, scope: number, uses: FieldUse[], out: BodyProblem[]): void {
  switch (node.type) {
    case "MustacheStatement": {
      const call = node as CallNode & { escaped?: boolean };
      if (call.escaped === false) {
        out.push({
          ...where(node),
          kind: "syntax",
          message: "values are always escaped: write {{field}}, not {{{field}}} or {{& field}}",
        });
      }
      const hasArgs = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0;
      if (!hasArgs) {
        walkValue(call.path, scope, true, uses, out);
      } else {
        checkHelper(call, false, out);
        walkArgs(call, scope, uses, out);
      }
      return;
    }
    case "BlockStatement": {
      const b = node as BlockNode;
      const name = b.path.type === "PathExpression" ? (b.path as PathNode).original : "";
      const hasArgs = b.params.length > 0 || (b.hash?.pairs.length ?? 0) > 0;
      let inner = scope;
      if (BLOCK_HELPERS.has(name)) {
        walkArgs(b, scope, uses, out);
        if (name === "each" || name === "with") inner = scope + 1;
      } else if (hasArgs) {
        checkHelper(b, true, out);
        walkArgs(b, scope, uses, out);
      } else {
        // `{{#field}}…{{/field}}`: shown when the field has a value, inside its context.
        walkValue(b.path, scope, false, uses, out);
        inner = scope + 1;
      }
      if (b.program) walkBody(b.program.body, inner, uses, out);
      if (b.inverse) walkBody(b.inverse.body, scope, uses, out);
      return;
    }
    case "PartialStatement":
    case "PartialBlockStatement":
      out.push({
        ...where(node),
        kind: "syntax",
        message: "partials ({{> …}}) are not supported in templates",
      });
      return;
    case "Decorator":
    case "DecoratorBlock":
      out.push({
        ...where(node),
        kind: "syntax",
        message: "decorators ({{* …}}) are not supported in templates",
      });
      return;
    default:
      return;
  }
}

function checkHelper(call: CallNode, isBlock: boolean, out: BodyProblem[]): void {
  if (call.path.type !== "PathExpression") return;
  const name = (call.path as PathNode).original;
  if (INLINE_HELPERS.has(name)) {
    if (isBlock) {
      out.push({
        ...where(call.path),
        kind: "syntax",
        message: `“${name}” is not a block: write {{#if (${name} …)}}…{{/if}}`,
      });
    }
    return;
  }
  if (FOREIGN_HELPERS.has(name)) {
    out.push({ ...where(call.path), kind: "syntax", message: foreignHelper(name) });
    return;
  }
  if (BLOCK_HELPERS.has(name)) {
    out.push({
      ...where(call.path),
      kind: "syntax",
      message: `“${name}” needs a block: write {{#${name} …}}…{{/${name}}}`,
    });
    return;
  }
  out.push({
    ...where(call.path),
    kind: "syntax",
    message:
      `“${name}” is followed by arguments but is not a helper ` + `(helpers: ${helperList()})`,
  });
}

function foreignHelper(name: string): string {
  return `“${name}” is not available in templates (helpers: ${helperList()})`;
}

function helperList(): string {
  return ["if", "unless", "each", "with", ...HELPERS].join(", ");
}

function walkArgs(call: CallNode, scope: number, uses: FieldUse[], out: BodyProblem[]): void {
  for (const p of call.params) walkValue(p, scope, false, uses, out);
  for (const pair of call.hash?.pairs ?? []) walkValue(pair.value, scope, false, uses, out);
}

function walkValue(
  node: Node,
  scope: number,
  printed: boolean,
  uses: FieldUse[],
  out: BodyProblem[],
): void {
  if (node.type === "PathExpression") {
    const path = node as PathNode;
    if (!path.data && path.depth === 0 && FOREIGN_HELPERS.has(path.parts[0] ?? "")) {
      out.push({ ...where(node), kind: "syntax", message: foreignHelper(path.parts[0] ?? "") });
      return;
    }
    const key = rootKey(path, scope);
    if (key !== null) uses.push({ key, printed, ...where(node) });
  } else if (node.type === "SubExpression") {
    checkHelper(node as CallNode, false, out);
    walkArgs(node as CallNode, scope, uses, out);
  }
}

// --- Checking a template ----------------------------------------------------

/** What a template may use: its declared fields and the built-in ones. */
export class FieldScope {
  private readonly declared: Map<string, TemplateField>;
  private readonly groups = new Set<string>();

  constructor(fields: readonly TemplateField[]) {
    this.declared = new Map(fields.map((f) => [f.key, f]));
    for (const f of fields) {
      const parts = f.key.split(".");
      for (let i = 1; i < parts.length; i += 1) this.groups.add(parts.slice(0, i).join("."));
    }
  }

  field(key: string): TemplateField | undefined {
    return this.declared.get(key);
  }

  isField(key: string): boolean {
    return this.declared.has(key) || isBuiltinKey(key);
  }

  isGroup(key: string): boolean {
    return this.groups.has(key) || isBuiltinGroup(key);
  }
}

/** Syntax errors, unknown fields and invalid conditions, per section. */
export function checkTemplate(content: TemplateContent): TemplateProblem[] {
  const scope = new FieldScope(content.fields);
  const problems: TemplateProblem[] = [];
  problems.push(...checkFields(content.fields));
  const ids = new Set<string>();
  for (const section of content.sections) {
    if (ids.has(section.id)) {
      problems.push({
        sectionId: section.id,
        line: null,
        column: null,
        kind: "syntax",
        message: `two sections have the id “${section.id}”`,
      });
    }
    ids.add(section.id);
    problems.push(...checkSection(section, scope));
  }
  return problems;
}

function checkFields(fields: readonly TemplateField[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const keys = new Set<string>();
  const invalid = (message: string) =>
    problems.push({ sectionId: null, line: null, column: null, kind: "invalid_field", message });
  for (const f of fields) {
    if (keys.has(f.key)) invalid(`the field “${f.key}” is declared twice`);
    keys.add(f.key);
  }
  for (const key of keys) {
    if ([...keys].some((other) => other.startsWith(`${key}.`))) {
      invalid(`“${key}” is both a field and the start of other fields' names`);
    }
    if (isBuiltinGroup(key)) invalid(`“${key}” names a group of built-in fields, not a field`);
  }
  return problems;
}

function checkSection(section: TemplateSection, scope: FieldScope): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const at = (p: BodyProblem): TemplateProblem => ({ sectionId: section.id, ...p });
  const body = analyze(section.body);
  for (const p of body.problems) problems.push(at(p));
  for (const use of body.uses) {
    const p = fieldProblem(use, scope);
    if (p) problems.push(at(p));
  }
  const title = analyze(section.title);
  for (const p of title.problems) {
    problems.push(at({ ...p, line: null, column: null, message: `in the title: ${p.message}` }));
  }
  for (const use of title.uses) {
    const p = fieldProblem(use, scope);
    if (p)
      problems.push(at({ ...p, line: null, column: null, message: `in the title: ${p.message}` }));
  }
  if (section.condition) {
    const message = conditionProblem(section.condition, scope);
    if (message) problems.push(at({ line: null, column: null, kind: "condition", message }));
  }
  return problems;
}

function fieldProblem(use: FieldUse, scope: FieldScope): BodyProblem | null {
  const inherited = use.key.split(".").some(isInheritedName);
  if (!inherited && scope.isField(use.key)) return null;
  const place = { line: use.line, column: use.column, kind: "unknown_field" as const };
  if (!inherited && scope.isGroup(use.key)) {
    if (!use.printed) return null;
    return { ...place, message: `“${use.key}” is a group of fields: name one of them` };
  }
  return {
    ...place,
    message: `unknown field “${use.key}”: declare it, or use a field from the catalog`,
  };
}

function conditionProblem(c: SectionCondition, scope: FieldScope): string | null {
  const name = `“${c.field}”`;
  if (!scope.isField(c.field)) {
    return `the section's condition tests ${name}, which is not a declared or built-in field`;
  }
  if (c.op === "equals" && !(c.value ?? "").trim()) {
    return `the section's condition compares ${name} with nothing: give the value to match`;
  }
  return null;
}

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
