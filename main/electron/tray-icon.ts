/**
 * The tray icon, drawn in code (the app ships no image files yet): a blue
 * disc with a white page, as raw BGRA pixels for `nativeImage.createFromBitmap`.
 *
 * TODO(reminders): use a designed icon from build/ once the product has one.
 */

const BLUE = [0xc2, 0x6b, 0x1f, 0xff] as const; // BGRA of #1f6bc2
const WHITE = [0xff, 0xff, 0xff, 0xff] as const;

/** `size` × `size` pixels, 4 bytes each (blue, green, red, alpha). */
export function trayIconPixels(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2;
  const page = { left: size * 0.32, right: size * 0.68, top: size * 0.22, bottom: size * 0.78 };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inDisc = (x - centre) ** 2 + (y - centre) ** 2 <= radius ** 2;
      if (!inDisc) continue;
      const inPage = x >= page.left && x < page.right && y >= page.top && y < page.bottom;
      pixels.set(inPage ? WHITE : BLUE, (y * size + x) * 4);
    }
  }
  return pixels;
}
