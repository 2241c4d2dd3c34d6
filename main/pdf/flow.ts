/**
 * Page flow: the contract is first cut into boxes of known height (a line,
 * a signature block, a gap), then placed on pages, then drawn. Placing is a
 * pure function, so the rules test without a PDF:
 * - a box never crosses the bottom margin;
 * - `keepWithNext` keeps a box on the page of the next boxes (a heading
 *   with its first lines, a paragraph's first and last two lines);
 * - gaps vanish at the top of a page;
 * - a box taller than a whole page is an error, never text off the page.
 */
import { CONTENT_BOTTOM, CONTENT_TOP } from "./page";

export interface FlowBox {
  height: number;
  /** Blank space: dropped at a page's top, and does not count in keepWithNext. */
  gap?: boolean;
  /** How many of the following (non-gap) boxes must share this box's page. */
  keepWithNext?: number;
  /** Starts a new page (unless the current one is still empty). */
  pageBreak?: boolean;
  /** Names the box in errors ("signature block for ACME"). */
  label?: string;
  draw?: (top: number) => void;
}

export interface Placement {
  box: FlowBox;
  /** 0-based page index. */
  page: number;
  top: number;
}

export interface PageArea {
  top: number;
  bottom: number;
}

const AREA: PageArea = { top: CONTENT_TOP, bottom: CONTENT_BOTTOM };

/** The height from box `i` through every box it must stay with. */
function chainHeight(boxes: readonly FlowBox[], i: number): number {
  const first = boxes[i] as FlowBox;
  let height = first.height;
  let keep = first.keepWithNext ?? 0;
  for (let j = i + 1; keep > 0 && j < boxes.length; j += 1) {
    const next = boxes[j] as FlowBox;
    if (next.pageBreak) break;
    height += next.height;
    if (!next.gap) keep = Math.max(keep - 1, next.keepWithNext ?? 0);
  }
  return height;
}

export function placeBoxes(boxes: readonly FlowBox[], area: PageArea = AREA): Placement[] {
  const full = area.bottom - area.top;
  const placed: Placement[] = [];
  let page = 0;
  let y = area.top;
  let empty = true;
  const newPage = () => {
    page += 1;
    y = area.top;
    empty = true;
  };
  boxes.forEach((box, i) => {
    if (box.pageBreak) {
      if (!empty) newPage();
      return;
    }
    if (box.gap) {
      if (empty) return;
      if (y + box.height > area.bottom) newPage();
      else y += box.height;
      return;
    }
    if (box.height > full + 0.01) {
      throw new Error(
        `${box.label ?? "a block"} is taller than a page (${Math.round(box.height)} pt)`,
      );
    }
    const room = area.bottom - y;
    const chain = chainHeight(boxes, i);
    if (!empty && (box.height > room + 0.01 || (chain > room + 0.01 && chain <= full))) newPage();
    placed.push({ box, page, top: y });
    y += box.height;
    empty = false;
  });
  return placed;
}
