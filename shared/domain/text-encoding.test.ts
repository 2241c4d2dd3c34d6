import { describe, expect, it } from "vitest";
import { decodeText, looksLikeText } from "./text-encoding";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decoding text files", () => {
  it("reads UTF-8 with or without a byte-order mark", () => {
    expect(decodeText(utf8("Société"))).toEqual({ text: "Société", encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Œuvre")]);
    expect(decodeText(bom)).toEqual({ text: "Œuvre", encoding: "utf-8" });
  });

  it("reads Windows-1252 from Excel without losing the accents", () => {
    // "maîtrise d'œuvre €" in Windows-1252.
    const cp1252 = bytes(
      0x6d,
      0x61,
      0xee,
      0x74,
      0x72,
      0x69,
      0x73,
      0x65,
      0x20,
      0x64,
      0x27,
      0x9c,
      0x75,
      0x76,
      0x72,
      0x65,
      0x20,
      0x80,
    );
    expect(decodeText(cp1252)).toEqual({
      text: "maîtrise d'œuvre €",
      encoding: "windows-1252",
    });
  });

  it("reads UTF-16 with its byte-order mark", () => {
    expect(decodeText(bytes(0xff, 0xfe, 0xe9, 0x00, 0x74, 0x00))).toEqual({
      text: "ét",
      encoding: "utf-16le",
    });
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0xe9))).toEqual({ text: "é", encoding: "utf-16be" });
  });
});

describe("telling text from binary", () => {
  it("takes text in any of our encodings, refuses NULs and control-character soup", () => {
    expect(looksLikeText("# Contrat\n\nLe prix\test fixé.\r\n\f")).toBe(true);
    expect(looksLikeText(decodeText(bytes(0x43, 0x6f, 0xe9, 0x20, 0x80)).text)).toBe(true);
    expect(looksLikeText("")).toBe(true);
    expect(looksLikeText("texte\u0000")).toBe(false);
    const soup = decodeText(Uint8Array.from({ length: 2000 }, (_, i) => 1 + ((i * 31) % 255)));
    expect(looksLikeText(soup.text)).toBe(false);
    expect(looksLikeText(`${"x".repeat(100)}\ufffd\ufffd\ufffd\ufffd`)).toBe(false);
  });
});
