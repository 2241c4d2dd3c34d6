/**
 * Turns blocks and plain text into flow boxes drawn with pdfkit: measuring
 * with the embedded fonts, line breaking, list markers in the hanging
 * indent, blockquote bars, widow and orphan control, headings kept with
 * what follows.
 */
import type PDFDocument from "pdfkit";
import type { FlowBox } from "./flow";
import type { FontFace } from "./fonts";
import type { Block, Inline } from "./html-blocks";
import { breakLines, type Line, type Measure } from "./line-breaking";
import {
  CONTENT_WIDTH,
  LIST_INDENT,
  MAX_NESTING,
  PAGE,
  QUOTE_INDENT,
  RULE_GREY,
  TYPE,
} from "./page";

export type PdfDoc = InstanceType<typeof PDFDocument>;

/** The font box of DejaVu Sans (ascent + descent) per point of size. */
const FONT_BOX = 1.164;
const PLAIN = { bold: false, italic: false, underline: false };

export interface TextLook {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

export function lineHeight(size: number): number {
  return size * TYPE.leading;
}

export function plain(text: string, look: Pick<TextLook, "bold" | "italic"> = {}): Inline[] {
  return [{ text, style: { ...PLAIN, bold: !!look.bold, italic: !!look.italic } }];
}

/**
 * Word widths, shared by every PDF of the process: the fonts never change,
 * contracts repeat their words, and measuring goes through pdfkit's layout.
 */
const widths = new Map<string, number>();
const MAX_WIDTHS = 200_000;

export class Typesetter {
  constructor(private readonly doc: PdfDoc) {}

  measure(size: number): Measure {
    return (text: string, face: FontFace) => {
      const key = `${face}\u0000${size}\u0000${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = this.doc.font(face).fontSize(size).widthOfString(text);
        if (widths.size >= MAX_WIDTHS) widths.clear();
        widths.set(key, w);
      }
      return w;
    };
  }

  lines(inline: readonly Inline[], width: number, look: TextLook): Line[] {
    return breakLines(inline, width, this.measure(look.size), !!look.bold);
  }

  /** Draws one laid-out line with its top at `top`. */
  drawLine(line: Line, x: number, top: number, look: TextLook): void {
    const y = top + (lineHeight(look.size) - look.size * FONT_BOX) / 2;
    this.doc.fillColor(look.color ?? "black");
    for (const span of line.spans) {
      if (span.text.trim() === "" && !span.underline) continue;
      this.doc
        .font(span.face)
        .fontSize(look.size)
        .text(span.text, x + span.x, y, { lineBreak: false, underline: span.underline });
    }
  }

  /** Wraps a box's drawing so that it also adds a bookmark to the PDF's outline. */
  bookmarked(box: FlowBox, title: string): FlowBox {
    const draw = box.draw;
    return {
      ...box,
      draw: (top) => {
        this.doc.outline.addItem(title);
        draw?.(top);
      },
    };
  }

  /** Text wider than `width` loses its end to an ellipsis. */
  truncate(text: string, width: number, size: number): string {
    const measure = this.measure(size);
    if (measure(text, "regular") <= width) return text;
    const chars = Array.from(text);
    let keep = chars.length;
    while (keep > 0 && measure(`${chars.slice(0, keep).join("")}…`, "regular") > width) keep -= 1;
    return `${chars.slice(0, keep).join("").trimEnd()}…`;
  }

  /**
   * One box per line of a paragraph of plain or styled text at `x`,
   * `width`. `keepWithNext` on the last line keeps it with what follows.
   */
  textBoxes(
    inline: readonly Inline[],
    x: number,
    width: number,
    look: TextLook,
    options: { keepLastWithNext?: number; label?: string } = {},
  ): FlowBox[] {
    const lines = this.lines(inline, width, look);
    const height = lineHeight(look.size);
    return lines.map((line, i) => ({
      height,
      label: options.label,
      keepWithNext:
        i === lines.length - 1 ? (options.keepLastWithNext ?? 0) : widowKeep(i, lines.length),
      draw: (top: number) => this.drawLine(line, x, top, look),
    }));
  }

  /** A section body block: indentation, marker, quote bars, spacing. */
  blockBoxes(block: Block): FlowBox[] {
    const lists = Math.min(block.listDepth, MAX_NESTING);
    const quotes = Math.min(block.quoteDepth, MAX_NESTING);
    const indent = lists * LIST_INDENT + quotes * QUOTE_INDENT;
    const x = PAGE.margin.left + indent;
    const width = CONTENT_WIDTH - indent - quotes * QUOTE_INDENT;
    if (block.kind === "blank") return [{ height: lineHeight(TYPE.body), gap: true }];
    const heading = block.kind === "h3" || block.kind === "h4";
    const look: TextLook = {
      size: block.kind === "h3" ? TYPE.h3 : block.kind === "h4" ? TYPE.h4 : TYPE.body,
      bold: heading,
    };
    const boxes = this.textBoxes(block.inline, x, width, look, {
      keepLastWithNext: heading ? 2 : 0,
    });
    if (heading) {
      for (const b of boxes) b.keepWithNext = Math.max(b.keepWithNext ?? 0, 1);
    }
    const first = boxes[0];
    if (first && block.marker) this.addMarker(first, block.marker, x, look);
    if (quotes > 0) {
      const left = PAGE.margin.left + lists * LIST_INDENT;
      for (const box of boxes) this.addQuoteBars(box, left, quotes, look.size);
    }
    const before = block.kind === "h3" ? 10 : block.kind === "h4" ? 7 : 0;
    const after = heading ? 3 : lists > 0 ? 3 : 6;
    return [
      ...(before ? [{ height: before, gap: true }] : []),
      ...boxes,
      { height: after, gap: true },
    ];
  }

  private addMarker(box: FlowBox, marker: string, x: number, look: TextLook): void {
    const draw = box.draw;
    const width = this.measure(look.size)(marker, "regular");
    const markerX = Math.max(PAGE.margin.left, x - 5 - width);
    const line: Line = {
      spans: [{ text: marker, face: "regular", underline: false, x: 0, width }],
      width,
    };
    box.draw = (top) => {
      draw?.(top);
      this.drawLine(line, markerX, top, { size: look.size });
    };
  }

  private addQuoteBars(box: FlowBox, left: number, quotes: number, size: number): void {
    const draw = box.draw;
    box.draw = (top) => {
      draw?.(top);
      for (let q = 0; q < quotes; q += 1) {
        const barX = left + q * QUOTE_INDENT + 4;
        this.doc
          .save()
          .lineWidth(1.5)
          .strokeColor(RULE_GREY)
          .moveTo(barX, top)
          .lineTo(barX, top + lineHeight(size))
          .stroke()
          .restore();
      }
    };
  }

  /** A thin horizontal rule across the text width. */
  rule(height = 14): FlowBox {
    return {
      height,
      draw: (top) => {
        const y = top + height / 2;
        this.doc
          .save()
          .lineWidth(0.6)
          .strokeColor(RULE_GREY)
          .moveTo(PAGE.margin.left, y)
          .lineTo(PAGE.width - PAGE.margin.right, y)
          .stroke()
          .restore();
      },
    };
  }
}

/** Orphan and widow control: the first two and the last two lines stay together. */
function widowKeep(index: number, count: number): number {
  if (index === 0 && count >= 2) return 1;
  if (index === count - 2) return 1;
  return 0;
}
