/**
 * Reads the bytes of a text file the way people's files come: UTF-8 with
 * or without a byte-order mark, UTF-16 with one, or the Windows-1252 that
 * Excel on a French Windows still writes. Runs in Node and in the browser.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), "utf-16be");
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
    return { text, encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: a single-byte Western encoding is by far the likeliest.
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Code points of bytes 0x80–0x9F in Windows-1252 (the rest equal their byte value). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

// Written out because some TextDecoder builds treat this label as ISO-8859-1.
function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b,
    );
    out += String.fromCharCode(...chunk);
  }
  return out;
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/**
 * Whether decoded text reads as text, not as the bytes of an image or an
 * archive: no NUL, and hardly any control characters or undecodable ones
 * (a binary file decoded as Windows-1252 is full of them).
 */
export function looksLikeText(text: string): boolean {
  if (text.includes("\u0000")) return false;
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.length === 0) return true;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what we count.
  const odd = sample.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/g);
  return (odd?.length ?? 0) <= Math.max(2, sample.length * 0.01);
}
