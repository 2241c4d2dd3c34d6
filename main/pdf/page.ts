/**
 * The page the contract PDF is laid out on: A4 in points, the margins the
 * text stays inside, where the running header and the page numbers go, and
 * the type sizes. Tests read the same numbers to check that nothing prints
 * past the margins.
 */

export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: { top: 72, right: 62, bottom: 72, left: 62 },
  /** Top of the running header's line (pages after the first). */
  headerTop: 36,
  /** Top of the "Page N / M" line. */
  footerTop: 841.89 - 48,
  /** Nothing at all prints closer than this to an edge. */
  edge: 28,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const CONTENT_TOP = PAGE.margin.top;
export const CONTENT_BOTTOM = PAGE.height - PAGE.margin.bottom;

/** Type sizes (points) and line heights as a multiple of the size. */
export const TYPE = {
  body: 10,
  small: 8.5,
  h3: 12,
  h4: 10.5,
  section: 13,
  title: 22,
  subtitle: 11.5,
  leading: 1.42,
} as const;

/** Indentation of one list level, and of one blockquote level (each side). */
export const LIST_INDENT = 18;
export const QUOTE_INDENT = 16;
/** Deeper nesting keeps this indentation, so text never gets too narrow. */
export const MAX_NESTING = 6;

export const GREY = "#555555";
export const RULE_GREY = "#999999";
