/**
 * Markdown templates: `# Title` names the template, each `##` heading
 * starts a section, deeper headings become h3/h4 in the body, and every
 * `{{a.b}}` token becomes a declared field. Handlebars tags are set aside
 * while markdown-it reads the text, so blocks such as `{{#if …}}…{{/if}}`
 * come through as they were written.
 *
 * Merge fields in the `#` title are not fields (a name does not render):
 * they show as "…" in the template's name.
 *
 * A document without `##` headings whose text is one numbered list (the
 * Common Paper agreements) gets a section per top-level item, titled by the
 * item's first line.
 */

import MarkdownIt, { type Token } from "markdown-it";
import type { z } from "zod";
import { PactaError } from "../../shared/api/result";
import {
  fieldKeySchema,
  MARKDOWN_MAX_BYTES,
  MARKDOWN_MAX_TEXT,
  type TemplateContent,
  type TemplateField,
  type TemplateLanguage,
  type TemplateSection,
  templateContentSchema,
} from "../../shared/domain/templates";
import { looksLikeText } from "../../shared/domain/text-encoding";
import { analyze } from "./analysis";
import { builtinLabel, builtinType, isBuiltinGroup } from "./catalog";
import { htmlToText, sanitizeBody } from "./html";

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

// Every link is read as a link, so that an unsafe one prints as its text
// rather than as literal Markdown; link_close decides what is printed.
md.validateLink = () => true;

/** http(s) and mailto addresses, or ones with no scheme (a merge field, a file name). */
function isSafeAddress(href: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href.trim())?.[1]?.toLowerCase();
  return scheme === undefined || ["http", "https", "mailto"].includes(scheme);
}

// A printed contract cannot be clicked: links print as "text (address)",
// unsafe ones (javascript:, data:, file:…) as their text only.
md.renderer.rules.link_open = () => "";
md.renderer.rules.link_close = (tokens, idx) => {
  let start = idx - 1;
  while (start >= 0 && tokens[start]?.type !== "link_open") start -= 1;
  const open = tokens[start];
  const href = md.normalizeLinkText(String(open?.attrGet("href") ?? ""));
  const text = tokens
    .slice(start + 1, idx)
    .map((t) => t.content)
    .join("");
  const bare = href.replace(/^mailto:/i, "");
  if (!href || !isSafeAddress(href) || text.trim() === bare || text.trim() === href) return "";
  return ` (${md.utils.escapeHtml(bare)})`;
};

/** Handlebars tags, replaced by plain words markdown leaves alone. */
const MUSTACHE = /\{\{!--[\s\S]*?--\}\}|\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g;
const HOLDER = /PACTAHB(\d+)X/g;

interface Aside {
  text: string;
  restore(s: string): string;
}

function setAside(source: string): Aside {
  const kept: string[] = [];
  const text = source.replace(MUSTACHE, (m) => {
    kept.push(m);
    return `PACTAHB${kept.length - 1}X`;
  });
  return { text, restore: (s) => s.replace(HOLDER, (m, i: string) => kept[Number(i)] ?? m) };
}

export interface MarkdownImport {
  fileName: string;
  content: string;
  language?: TemplateLanguage | null;
}

/** Refuses what is not a Markdown file we can read, before any parsing. */
export function checkMarkdownFile(fileName: string, content: string): void {
  const bytes = content.length > MARKDOWN_MAX_BYTES ? content.length : Buffer.byteLength(content);
  if (bytes > MARKDOWN_MAX_BYTES) {
    throw new PactaError(
      "invalid_argument",
      `${fileName} is ${megabytes(bytes)}: a template file may be ${MARKDOWN_MAX_TEXT} at most`,
    );
  }
  if (!looksLikeText(content)) {
    throw new PactaError("invalid_argument", `${fileName} is not a text file`);
  }
}

/** "20.4 MB" */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function importMarkdown(input: MarkdownImport): TemplateContent {
  checkMarkdownFile(input.fileName, input.content);
  const source = input.content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const language = input.language ?? guessLanguage(input.fileName, source);
  const aside = setAside(source);
  const tokens = md.parse(aside.text, {});
  const env = {};
  const renderBlocks = (slice: Token[]): string => {
    const html = aside.restore(md.renderer.render(slice, md.options, env));
    return sanitizeBody(unwrapBlockTags(html));
  };
  const textOf = (inline: Token | undefined): string =>
    aside.restore(htmlToText(md.renderer.renderInline(inline?.children ?? [], md.options, env)));

  let name: string | null = null;
  let start = 0;
  const h1 = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h1");
  if (h1 >= 0 && tokens.slice(0, h1).every((t) => t.type === "html_block")) {
    // A name is not rendered: merge fields in the title show as "…".
    const title = textOf(tokens[h1 + 1]).replace(MUSTACHE, "…");
    name = title.replace(/\s+/g, " ").trim() || null;
    start = h1 + 3;
  }
  const body = tokens.slice(start);
  const level = sectionLevel(body);
  const drafts =
    level !== null
      ? byHeadings(body, level, textOf)
      : topLevelList(body)
        ? byListItems(body, textOf)
        : [{ title: name ?? baseName(input.fileName), tokens: body, keepEmpty: false }];

  const preamble = language === "fr" ? "Préambule" : "Preamble";
  const sections: TemplateSection[] = [];
  for (const draft of drafts) {
    if (level !== null) demoteHeadings(draft.tokens, level);
    const html = renderBlocks(draft.tokens);
    if (html === "" && !draft.keepEmpty) continue;
    sections.push({
      id: `s${sections.length + 1}`,
      title: clip(draft.title || preamble, 300),
      body: html,
      condition: null,
    });
  }
  if (sections.length === 0) {
    throw new PactaError("invalid_argument", `${input.fileName} has no text to make a template of`);
  }
  const parsed = templateContentSchema.safeParse({
    name: clip(name ?? baseName(input.fileName), 200),
    description: clip(
      language === "fr" ? `Importé de ${input.fileName}` : `Imported from ${input.fileName}`,
      2000,
    ),
    language,
    fields: fieldsOf(sections, language),
    sections,
  });
  if (!parsed.success) {
    const why = parsed.error.issues.map(describeIssue).join("; ");
    throw new PactaError("invalid_argument", `${input.fileName} cannot be a template: ${why}`);
  }
  return parsed.data;
}

/** What a limit of the template schema means for a Markdown file, in words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, index, part] = issue.path;
  const max = issue.code === "too_big" ? Number(issue.maximum) : null;
  if (max !== null && issue.path.length === 1 && first === "sections") {
    return `more than ${max} sections (one per ## heading)`;
  }
  if (max !== null && issue.path.length === 1 && first === "fields") {
    return `more than ${max} different merge fields`;
  }
  if (max !== null && first === "sections" && typeof index === "number") {
    const what = part === "title" ? "heading" : "text";
    return `the ${what} of section ${index + 1} is longer than ${max} characters`;
  }
  if (max !== null && first === "fields" && typeof index === "number") {
    return `the name of merge field ${index + 1} is longer than ${max} characters`;
  }
  return `${issue.path.join(".")}: ${issue.message}`;
}

interface Draft {
  title: string | null;
  tokens: Token[];
  /** A heading or list item is a section even with no text under it. */
  keepEmpty: boolean;
}

/** The heading level that starts sections: 2 when there are `##` headings, else the next. */
function sectionLevel(tokens: Token[]): number | null {
  const levels = tokens
    .filter((t) => t.type === "heading_open" && t.level === 0)
    .map((t) => Number(t.tag.slice(1)))
    .filter((n) => n >= 2);
  return levels.length > 0 ? Math.min(...levels) : null;
}

function byHeadings(
  tokens: Token[],
  level: number,
  textOf: (t: Token | undefined) => string,
): Draft[] {
  const drafts: Draft[] = [{ title: null, tokens: [], keepEmpty: false }];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] as Token;
    if (t.type === "heading_open" && t.level === 0 && t.tag === `h${level}`) {
      const title = textOf(tokens[i + 1])
        .replace(/\s+/g, " ")
        .trim();
      drafts.push({ title, tokens: [], keepEmpty: true });
      i += 2;
      continue;
    }
    (drafts[drafts.length - 1] as Draft).tokens.push(t);
  }
  return drafts;
}

/** Sections' own headings are h2; `###` becomes h3 and deeper ones h4. */
function demoteHeadings(tokens: Token[], level: number): void {
  for (const t of tokens) {
    if (t.type === "heading_open" || t.type === "heading_close") {
      const n = Number(t.tag.slice(1));
      t.tag = n <= level + 1 ? "h3" : "h4";
    }
  }
}

function topLevelList(tokens: Token[]): boolean {
  const lists = tokens.filter((t) => t.type === "ordered_list_open" && t.level === 0);
  const items = tokens.filter((t) => t.type === "list_item_open" && t.level === 1);
  return lists.length > 0 && items.length >= 2;
}

/** One section per item of the top-level numbered lists; other blocks join the one before. */
function byListItems(tokens: Token[], textOf: (t: Token | undefined) => string): Draft[] {
  const drafts: Draft[] = [{ title: null, tokens: [], keepEmpty: false }];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    if (t.type === "ordered_list_open" || t.type === "ordered_list_close") {
      if (t.level === 0) {
        i += 1;
        continue;
      }
    }
    if (t.type === "list_item_open" && t.level === 1) {
      let end = i + 1;
      while (
        end < tokens.length &&
        !(tokens[end]?.type === "list_item_close" && tokens[end]?.level === 1)
      ) {
        end += 1;
      }
      const inner = tokens.slice(i + 1, end);
      // A short first paragraph followed by more is the item's title; an item that
      // is one paragraph keeps it as its text, titled by its words up to ":" or ".".
      const first = inner[0]?.type === "paragraph_open" ? inner[1] : undefined;
      const title = first ? textOf(first).replace(/\s+/g, " ").trim() : "";
      if (first && inner.length > 3 && title.length > 0 && title.length <= 200) {
        drafts.push({ title, tokens: inner.slice(3), keepEmpty: true });
      } else {
        const lead = /^([^:.]{1,80})[:.]/.exec(title)?.[1]?.trim();
        drafts.push({ title: lead || `${drafts.length}.`, tokens: inner, keepEmpty: true });
      }
      i = end + 1;
      continue;
    }
    (drafts[drafts.length - 1] as Draft).tokens.push(t);
    i += 1;
  }
  return drafts;
}

/** `<p>{{#if x}}</p>`: a paragraph holding only block tags is no paragraph. */
function unwrapBlockTags(html: string): string {
  return html.replace(
    /<p>\s*((?:\{\{~?\s*(?:[#/^]|else\b)[^}]*\}\}\s*)+)<\/p>\n?/g,
    (_m, tags: string) => `${tags.trim()}\n`,
  );
}

/** Every field the sections use, in order of first use, declared as text (or its built-in type). */
function fieldsOf(sections: TemplateSection[], language: TemplateLanguage): TemplateField[] {
  const fields = new Map<string, TemplateField>();
  for (const s of sections) {
    for (const use of [...analyze(s.title).uses, ...analyze(s.body).uses]) {
      if (fields.has(use.key) || isBuiltinGroup(use.key)) continue;
      // `{{toString}}` stays an unknown field: the check reports it.
      if (!fieldKeySchema.safeParse(use.key).success) continue;
      fields.set(use.key, {
        key: use.key,
        label: clip(builtinLabel(use.key, language) ?? labelFromKey(use.key), 200),
        type: builtinType(use.key) ?? "text",
        required: false,
      });
    }
  }
  return [...fields.values()];
}

/** `company.legal_structure` → "Company legal structure". */
export function labelFromKey(key: string): string {
  const words = key
    .split(".")
    .join(" ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function guessLanguage(fileName: string, text: string): TemplateLanguage {
  const tagged = /\.(fr|en)\.(md|markdown|txt)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (tagged === "fr" || tagged === "en") return tagged;
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const fr = count(/\b(le|la|les|des|du|et|est|une|pour|dans)\b/gi);
  const en = count(/\b(the|and|of|to|is|shall|any|this|for|with)\b/gi);
  return en > fr ? "en" : "fr";
}

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(md|markdown|txt)$/i, "").replace(/\.(fr|en)$/i, "") || "Template";
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
