/**
 * Finds words written straight into renderer code instead of the message
 * tables: JSX text, label-like props, notification texts, `document.title`.
 * Used by a test only; it reads source text, it never runs the UI.
 */
import ts from "typescript";

/** Props a person reads or hears (screen readers read the aria ones). */
const LABEL_PROPS: ReadonlySet<string> = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "aria-placeholder",
  "alt",
  "title",
  "placeholder",
  "label",
  "description",
  "error",
  "message",
  "tooltip",
  "confirmLabel",
  "cancelLabel",
  "nothingFoundMessage",
  "emptyMessage",
  "closeButtonLabel",
]);

/** Object properties that end up on screen (notifications, confirm modals, select options). */
const TEXT_PROPERTIES: ReadonlySet<string> = new Set([
  "title",
  "message",
  "confirm",
  "cancel",
  "label",
  "description",
  "placeholder",
  "ariaLabel",
  "aria-label",
]);

/** Calls whose string arguments are shown as they are. */
const TEXT_CALLS: ReadonlySet<string> = new Set(["notifySuccess", "alert", "confirm"]);

/**
 * Texts that are the same in every language. Strings with no letter at all
 * ("€", "—", "·", "1/2") never need a place here.
 */
export const ALLOWED_TEXTS: ReadonlySet<string> = new Set(["Pacta", "Bitrix24"]);

export interface HardcodedText {
  file: string;
  line: number;
  text: string;
  kind: "jsx-text" | "prop" | "expression" | "property" | "call" | "document-title";
}

const LETTER = /\p{L}/u;
/** A web address (a placeholder showing a default server, say) is in no language. */
const ADDRESS = /^https?:\/\/[^\s]+$/;

function isWords(text: string): boolean {
  const trimmed = text.trim();
  return LETTER.test(trimmed) && !ALLOWED_TEXTS.has(trimmed) && !ADDRESS.test(trimmed);
}

/** The static words of a string or template literal, or null when it is neither. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  }
  return null;
}

/** Literals an expression can evaluate to as is: `a ? "x" : "y"`, `a && "x"`, `("x")`. */
function shownLiterals(node: ts.Expression): ts.Node[] {
  if (literalText(node) !== null) return [node];
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node)) {
    return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (
      op === ts.SyntaxKind.AmpersandAmpersandToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken
    ) {
      return [...shownLiterals(node.left), ...shownLiterals(node.right)];
    }
    if (op === ts.SyntaxKind.PlusToken) {
      return [...shownLiterals(node.left), ...shownLiterals(node.right)];
    }
  }
  return [];
}

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return null;
}

function calleeName(expr: ts.Expression): string | null {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) return expr.name.text;
  return null;
}

/** Every hard-coded text a person would see or hear in one source file. */
export function findHardcodedText(file: string, source: string): HardcodedText[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: HardcodedText[] = [];
  const report = (node: ts.Node, text: string, k: HardcodedText["kind"]) => {
    if (!isWords(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, text: text.trim(), kind: k });
  };
  const reportExpression = (expr: ts.Expression, k: HardcodedText["kind"]) => {
    for (const lit of shownLiterals(expr)) report(lit, literalText(lit) ?? "", k);
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      report(node, node.text, "jsx-text");
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (LABEL_PROPS.has(name) && init) {
        if (ts.isStringLiteral(init)) report(init, init.text, "prop");
        else if (ts.isJsxExpression(init) && init.expression) {
          reportExpression(init.expression, "prop");
        }
      }
    } else if (ts.isJsxExpression(node) && node.expression) {
      const parent = node.parent;
      if (ts.isJsxElement(parent) || ts.isJsxFragment(parent)) {
        reportExpression(node.expression, "expression");
      }
    } else if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name && TEXT_PROPERTIES.has(name)) reportExpression(node.initializer, "property");
    } else if (ts.isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name && TEXT_CALLS.has(name)) {
        for (const arg of node.arguments) reportExpression(arg, "call");
      }
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      node.left.getText(sf) === "document.title"
    ) {
      reportExpression(node.right, "document-title");
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
