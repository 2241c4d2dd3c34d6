/**
 * Bodies are a small HTML subset: paragraphs, line breaks, bold, italic,
 * underline, two heading levels, lists and quotes, without attributes.
 * Everything else is dropped (its text kept; scripts and styles dropped
 * whole). `b` and `i` become `strong` and `em`, other headings h3 or h4,
 * so that the PDF renderer and the editor see one spelling of each.
 */
import { Parser } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

export const BODY_TAGS = [
  "p",
  "br",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "h3",
  "h4",
  "ul",
  "ol",
  "li",
  "blockquote",
] as const;

const BASE: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: {},
  allowedSchemes: [],
  transformTags: { b: "strong", i: "em", h1: "h3", h2: "h3", h5: "h4", h6: "h4" },
  disallowedTagsMode: "discard",
};

/** Rendered text drops the blocks a false condition left empty. */
const RENDERED: sanitizeHtml.IOptions = {
  ...BASE,
  exclusiveFilter: (frame) =>
    ["p", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "u"].includes(frame.tag) &&
    frame.text.trim() === "",
};

/**
 * Handlebars tags (`{{…}}`, `{{{…}}}`, comments) are set aside while the
 * HTML is cleaned, so that quotes or `&` inside them come back as they
 * were written. A tag holding `<` or `>` is cleaned like text: nothing that
 * looks like HTML gets past the cleaner inside braces.
 */
const MUSTACHE = /\{\{!--[^<>]*?--\}\}|\{\{\{[^<>{}]*\}\}\}|\{\{[^<>{}]*\}\}/g;
const HOLDER = /\uE000(\d+)\uE001/g;

export function setAsideMustaches(html: string): { text: string; restore(s: string): string } {
  const kept: string[] = [];
  const text = html.replace(MUSTACHE, (m) => {
    kept.push(m);
    return `\uE000${kept.length - 1}\uE001`;
  });
  return {
    text,
    restore: (s) => s.replace(HOLDER, (m, i: string) => kept[Number(i)] ?? m),
  };
}

/** Cleans a template or clause body, keeping its merge fields intact. */
export function sanitizeBody(html: string): string {
  const aside = setAsideMustaches(html);
  return aside.restore(sanitizeHtml(aside.text, BASE)).trim();
}

/** Cleans rendered text (values are already escaped by Handlebars). */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, RENDERED).trim();
}

/** Cleans a contract's edited text. */
export function sanitizeDocumentBody(html: string): string {
  return sanitizeHtml(html, BASE).trim();
}

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div"]);

/** The text of an HTML body: one line per block, entities decoded, tags gone. */
export function htmlToText(html: string): string {
  let out = "";
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === "script" || name === "style") skip += 1;
        if (name === "br") out += "\n";
        if (name === "li") out += "• ";
      },
      ontext(text) {
        if (skip === 0) out += text;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip = Math.max(0, skip - 1);
        if (BLOCKS.has(name)) out += "\n";
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Plain text made safe to put in an HTML body. */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
