/**
 * Reads the PNG files the app ships (8-bit RGBA, as `scripts/icons.mjs`
 * writes them) back into pixels, so tests check what a person would see.
 */
import fs from "node:fs";
import zlib from "node:zlib";

export interface Png {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number, number];
}

export function readPng(file: string): Png {
  const bytes = fs.readFileSync(file);
  if (bytes.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") {
    throw new Error(`${file} is not a PNG file`);
  }
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString("ascii", offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 6) throw new Error(`${file}: not 8-bit RGBA`);
    }
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * 4 + 1;
  return {
    width,
    height,
    pixel(x, y) {
      if (raw[y * stride] !== 0) throw new Error(`${file}: row ${y} uses a PNG filter`);
      const i = y * stride + 1 + x * 4;
      return [raw[i] ?? 0, raw[i + 1] ?? 0, raw[i + 2] ?? 0, raw[i + 3] ?? 0];
    },
  };
}
