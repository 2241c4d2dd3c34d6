import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "./file-base64";

describe("bytesToBase64", () => {
  it("encodes what Node decodes, across slices", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    const back = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
  });
});
