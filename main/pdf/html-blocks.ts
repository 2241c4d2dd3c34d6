/**
 * Reads a section body (the sanitized HTML subset: p, br, strong/b, em/i,
 * u, h3, h4, ul, ol, li, blockquote) into flat blocks the layout can set:
 * each block knows its kind, list and quote nesting, list marker and
 * styled text. Unknown tags keep their text; unknown block tags start a
 * new paragraph, so nothing a person wrote is dropped.
 */
import { Parser } from "htmlparser2";

export interface TextStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export type Inline = { text: string; style: TextStyle } | { lineBreak: true };

/** `blank` is an empty paragraph: one empty line, as the editor showed it. */
export type BlockKind = "paragraph" | "h3" | "h4" | "blank";

export interface Block {
  kind: BlockKind;
  inline: Inline[];
  /** 0 outside lists, 1 in a list, 2 in a list inside a list… */
  listDepth: number;
  quoteDepth: number;
  /** The bullet or number printed before the block's first line. */
  marker: string | null;
}

const HEADINGS: Record<string, BlockKind> = {
  h1: "h3",
  h2: "h3",
  h3: "h3",
  h4: "h4",
  h5: "h4",
  h6: "h4",
};

/** Tags that end the text before them and start a new block. */
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "pre",
  "table",
  "tr",
  "td",
  "th",
  "dl",
  "dt",
  "dd",
  "figure",
  "hr",
  "li",
  "ul",
  "ol",
  "blockquote",
  ...Object.keys(HEADINGS),
]);

const SKIPPED = new Set(["script", "style", "template", "title"]);
const BULLETS = ["•", "◦", "▪"];

interface OpenList {
  ordered: boolean;
  next: number;
}

function letters(n: number): string {
  let out = "";
  let k = n;
  while (k > 0) {
    k -= 1;
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26);
  }
  return out;
}

function markerFor(list: OpenList, depth: number): string {
  if (!list.ordered) return BULLETS[Math.min(depth, BULLETS.length) - 1] ?? "•";
  const n = list.next;
  return depth % 2 === 1 ? `${n}.` : `${letters(n)}.`;
}

/** True when inline content has something to print (not only spaces and breaks). */
export function hasText(inline: readonly Inline[]): boolean {
  return inline.some((i) => "text" in i && /[^ \t\n\r\f]/.test(i.text));
}

export function parseBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const style = { bold: 0, italic: 0, underline: 0 };
  const lists: OpenList[] = [];
  const kinds: BlockKind[] = [];
  let quoteDepth = 0;
  let skipping = 0;
  let inline: Inline[] = [];
  let pendingMarker: string | null = null;
  /** Whether the innermost open <p> or heading produced a block yet. */
  let emptyParagraph = false;

  const flush = () => {
    if (!hasText(inline)) {
      inline = [];
      return;
    }
    blocks.push({
      kind: kinds.at(-1) ?? "paragraph",
      inline,
      listDepth: lists.length,
      quoteDepth,
      marker: pendingMarker,
    });
    pendingMarker = null;
    emptyParagraph = false;
    inline = [];
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (SKIPPED.has(name)) skipping += 1;
        if (BLOCK_TAGS.has(name)) flush();
        switch (name) {
          case "strong":
          case "b":
            style.bold += 1;
            break;
          case "em":
          case "i":
            style.italic += 1;
            break;
          case "u":
            style.underline += 1;
            break;
          case "br":
            inline.push({ lineBreak: true });
            break;
          case "ul":
          case "ol": {
            const start = Number.parseInt(attribs.start ?? "1", 10);
            lists.push({ ordered: name === "ol", next: Number.isFinite(start) ? start : 1 });
            break;
          }
          case "li": {
            const list = lists.at(-1);
            if (list) {
              pendingMarker = markerFor(list, lists.length);
              list.next += 1;
            }
            break;
          }
          case "blockquote":
            quoteDepth += 1;
            break;
          case "p":
            kinds.push("paragraph");
            emptyParagraph = true;
            break;
          default:
            if (HEADINGS[name]) kinds.push(HEADINGS[name]);
        }
      },
      ontext(text) {
        if (skipping > 0) return;
        inline.push({
          text,
          style: { bold: style.bold > 0, italic: style.italic > 0, underline: style.underline > 0 },
        });
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        const wasEmptyParagraph = name === "p" && emptyParagraph && !hasText(inline);
        if (BLOCK_TAGS.has(name)) flush();
        switch (name) {
          case "strong":
          case "b":
            style.bold = Math.max(0, style.bold - 1);
            break;
          case "em":
          case "i":
            style.italic = Math.max(0, style.italic - 1);
            break;
          case "u":
            style.underline = Math.max(0, style.underline - 1);
            break;
          case "ul":
          case "ol":
            lists.pop();
            break;
          case "li":
            pendingMarker = null;
            break;
          case "blockquote":
            quoteDepth = Math.max(0, quoteDepth - 1);
            break;
          case "p":
            kinds.pop();
            if (wasEmptyParagraph) {
              blocks.push({
                kind: "blank",
                inline: [],
                listDepth: lists.length,
                quoteDepth,
                marker: null,
              });
            }
            emptyParagraph = false;
            break;
          default:
            if (HEADINGS[name]) kinds.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}
