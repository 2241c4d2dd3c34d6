import { describe, expect, it } from "vitest";
import { base64ToBytes } from "./download";

describe("base64ToBytes", () => {
  it("gives back the bytes, including those above 127", () => {
    expect([...base64ToBytes("JVBERi0=")]).toEqual([0x25, 0x50, 0x44, 0x46, 0x2d]);
    expect([...base64ToBytes("w6k=")]).toEqual([0xc3, 0xa9]);
    expect([...base64ToBytes("")]).toEqual([]);
  });
});
