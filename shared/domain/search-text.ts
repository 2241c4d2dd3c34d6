/**
 * Text folding and query building for full-text search. SQLite's FTS5
 * tokenizer already folds case and removes diacritics; ligatures (œ, æ) and
 * ß are letters to it, so we spell them out on both sides.
 */

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "OE", æ: "ae", Æ: "AE", ß: "ss" };

export function foldLigatures(text: string): string {
  return text.replace(/[œŒæÆß]/g, (ch) => LIGATURES[ch] ?? ch);
}

/**
 * Turns what a person typed into a safe FTS5 query: every word becomes a
 * quoted prefix term and all must match. Quotes, parentheses, `AND`, `OR`,
 * `NOT`, `*`, `-` and `:` lose their query meaning, so no input can raise a
 * syntax error. Returns null when nothing searchable is left.
 */
export function toFtsQuery(raw: string): string | null {
  const words = foldLigatures(raw.normalize("NFC")).match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const unique = [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 16);
  return unique.map((w) => `"${w}"*`).join(" ");
}
