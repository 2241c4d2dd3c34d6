import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_SIZE,
  parseWindowState,
  placeWindow,
  readWindowState,
  WINDOW_STATE_FILE,
  writeWindowState,
} from "./window-state";

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const rightScreen = { x: 1440, y: 0, width: 2560, height: 1400 };

describe("window state", () => {
  it("opens centred at the default size the first time", () => {
    expect(placeWindow(null, [laptop])).toEqual({
      bounds: DEFAULT_SIZE,
      maximized: false,
    });
    // A small screen: the default size shrinks to fit.
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }]).bounds).toEqual({
      width: 1024,
      height: 700,
    });
  });

  it("reopens where it was when that place is still on a display", () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(placeWindow(saved, [laptop, rightScreen])).toEqual(saved);
  });

  it("comes back on the primary display when its screen is gone", () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({
      bounds: { width: 1200, height: 800 },
      maximized: false,
    });
  });

  it("pulls a window that hangs off an edge back inside, and shrinks one too big", () => {
    const saved = { bounds: { x: -300, y: 700, width: 1000, height: 600 }, maximized: false };
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ x: 0, y: 270, width: 1000, height: 600 });
    const huge = { bounds: { x: 10, y: 10, width: 5000, height: 3000 }, maximized: false };
    expect(placeWindow(huge, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 870 });
  });

  it("treats a sliver on a display as off-screen", () => {
    const saved = { bounds: { x: 1400, y: 0, width: 800, height: 600 }, maximized: false };
    // 40 px on the laptop: not enough to grab; the screen on the right is gone.
    expect(placeWindow(saved, [laptop]).bounds).toEqual({ width: 800, height: 600 });
  });

  it("accepts only a well-formed saved state", () => {
    const good = { bounds: { x: 1, y: 2, width: 800, height: 600 }, maximized: true };
    expect(parseWindowState(good)).toEqual(good);
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 0, height: 600 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: "1", y: 2, width: 800, height: 600 } })).toBeNull();
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 1e9, height: 600 } })).toBeNull();
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState({ bounds: good.bounds, maximized: "yes" })?.maximized).toBe(false);
  });

  it("keeps the state in the data folder, and ignores a damaged file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-window-"));
    expect(readWindowState(dir)).toBeNull();
    const state = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: false };
    writeWindowState(dir, state);
    expect(readWindowState(dir)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), "{ half");
    expect(readWindowState(dir)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
