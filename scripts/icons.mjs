// Draws Pacta's icons in code and writes them as PNG files: the app icon
// electron-builder packages (build/icon.png, 1024 px, and build/icons/ for
// Linux) and the tray icon (assets/tray.png, 16 px, and tray@2x.png).
// Run `node scripts/icons.mjs` after changing the drawing; the files are
// committed so packaging needs nothing but them.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (size × size × 4) to a PNG file's bytes. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const BLUE = [0x1f, 0x6b, 0xc2];
const DARK = [0x14, 0x4a, 0x8a];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xf2, 0xb1, 0x34];

/** The colour at (u, v) in a unit square, or null for transparent. */
function paint(u, v, detailed) {
  // A rounded square in blue.
  const r = 0.2;
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  if (dx * dx + dy * dy > r * r) return null;
  // A white page with a folded corner.
  const page = { l: 0.27, r: 0.73, t: 0.18, b: 0.82 };
  const fold = 0.14;
  const inPage = u >= page.l && u <= page.r && v >= page.t && v <= page.b;
  if (inPage) {
    const fu = u - (page.r - fold);
    const fv = v - page.t;
    if (fu > 0 && fv < fold) return fu > fv ? BLUE : DARK;
    if (detailed) {
      // Text lines and a seal.
      for (const line of [0.34, 0.44, 0.54]) {
        if (v > line && v < line + 0.035 && u > page.l + 0.07 && u < page.r - 0.07) return DARK;
      }
      if ((u - 0.6) ** 2 + (v - 0.69) ** 2 < 0.07 ** 2) return GOLD;
    }
    return WHITE;
  }
  return BLUE;
}

function draw(size, detailed) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let rr = 0;
      let gg = 0;
      let bb = 0;
      let aa = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paint(
            (x + (sx + 0.5) / samples) / size,
            (y + (sy + 0.5) / samples) / size,
            detailed,
          );
          if (!c) continue;
          rr += c[0];
          gg += c[1];
          bb += c[2];
          aa += 1;
        }
      }
      const i = (y * size + x) * 4;
      if (aa > 0) {
        rgba[i] = Math.round(rr / aa);
        rgba[i + 1] = Math.round(gg / aa);
        rgba[i + 2] = Math.round(bb / aa);
        rgba[i + 3] = Math.round((255 * aa) / (samples * samples));
      }
    }
  }
  return encodePng(size, rgba);
}

function write(relative, bytes) {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  process.stdout.write(`${relative} (${bytes.length} bytes)\n`);
}

write("build/icon.png", draw(1024, true));
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  write(`build/icons/${size}x${size}.png`, draw(size, size >= 48));
}
write("assets/tray.png", draw(16, false));
write("assets/tray@2x.png", draw(32, false));
