/**
 * The window's place and size between runs, as pure decisions tested
 * without Electron: what a saved state file may hold, and where the
 * window goes so that it is on a display that exists now (a laptop
 * undocked from its second screen must not open the window off-screen).
 */
import fs from "node:fs";
import path from "node:path";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface WindowPlacement {
  /** x and y are absent when the window should be centred. */
  bounds: { x?: number; y?: number; width: number; height: number };
  maximized: boolean;
}

export const WINDOW_STATE_FILE = "window-state.json";
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 720, height: 520 } as const;
/** At least this much of the window (each way) must fall on a display to keep its place. */
const MIN_VISIBLE = 80;

function isInt(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && Math.abs(n) < 1e6;
}

/** A saved state, or null when the file's content is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as { bounds?: Partial<Rect>; maximized?: unknown };
  const b = v.bounds;
  if (!b || !isInt(b.x) || !isInt(b.y) || !isInt(b.width) || !isInt(b.height)) return null;
  if (b.width <= 0 || b.height <= 0) return null;
  return {
    bounds: { x: Math.round(b.x), y: Math.round(b.y), width: b.width, height: b.height },
    maximized: v.maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Where to open the window, given the saved state and the displays' work
 * areas (the primary one first). A window mostly off every display is
 * centred on the primary one; one too big for its display is shrunk to fit.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
): WindowPlacement {
  const primary = workAreas[0];
  const fitSize = (size: { width: number; height: number }, area: Rect | undefined) => ({
    width: Math.round(
      area ? clamp(size.width, Math.min(MIN_SIZE.width, area.width), area.width) : size.width,
    ),
    height: Math.round(
      area ? clamp(size.height, Math.min(MIN_SIZE.height, area.height), area.height) : size.height,
    ),
  });
  if (!saved) return { bounds: fitSize(DEFAULT_SIZE, primary), maximized: false };
  let best: Rect | null = null;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(saved.bounds, area);
    if (o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE && o.width * o.height > bestArea) {
      best = area;
      bestArea = o.width * o.height;
    }
  }
  if (!best) return { bounds: fitSize(saved.bounds, primary), maximized: saved.maximized };
  const size = fitSize(saved.bounds, best);
  return {
    bounds: {
      x: clamp(saved.bounds.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.bounds.y, best.y, best.y + best.height - size.height),
      ...size,
    },
    maximized: saved.maximized,
  };
}

export function readWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(
      JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), "utf8")),
    );
  } catch {
    return null;
  }
}

/** Written whole (temporary file, then rename), so a crash never leaves half a file. */
export function writeWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
  fs.renameSync(temp, file);
}
