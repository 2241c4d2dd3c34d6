/**
 * Reading a template body through Handlebars' own AST: which fields it
 * uses (with line and column), and its syntax and helper problems.
 */
import type { TemplateField, TemplateProblem } from "../../shared/domain/templates";
import { isBuiltinGroup, isBuiltinKey } from "./catalog";
import { BLOCK_HELPERS, FOREIGN_HELPERS, HELPERS, hb, INLINE_HELPERS } from "./handlebars-runtime";

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

export interface BodyProblem {
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
export const CACHE_ENTRIES = 500;
export const CACHED_SOURCE_MAX = 50_000;
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
