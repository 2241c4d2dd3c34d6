/**
 * The DejaVu Sans faces embedded in every PDF (full Unicode: French,
 * « guillemets », œ, €, Cyrillic). Looked up, in order: beside a packaged
 * app (`resources/fonts`, see `extraResources` in electron-builder.yml), in
 * the `dejavu-fonts-ttf` package (dev tree and the esbuild bundles run from
 * the repo), then in Debian's fonts-dejavu folder.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type GlyphSource, withPlainLayout } from "./plain-layout";

export const FONT_FACES = ["regular", "bold", "italic", "boldItalic"] as const;
export type FontFace = (typeof FONT_FACES)[number];

export const FONT_FILES: Record<FontFace, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  boldItalic: "DejaVuSans-BoldOblique.ttf",
};

/** Folder under the packaged app's resources that electron-builder fills. */
export const PACKAGED_FONT_DIR = "fonts";
const SYSTEM_FONT_DIR = "/usr/share/fonts/truetype/dejavu";

export interface FontLookup {
  /** Electron's `process.resourcesPath`; undefined under plain Node. */
  resourcesPath: string | undefined;
  /** Resolves a package path the way `require.resolve` does; throws when absent. */
  resolve: (id: string) => string;
  exists: (file: string) => boolean;
}

export class FontNotFoundError extends Error {
  constructor(file: string, tried: string[]) {
    super(
      `PDF font ${file} not found (looked in ${tried.join(", ")}); ` +
        "reinstall Pacta, or run npm ci so that dejavu-fonts-ttf is in node_modules",
    );
    this.name = "FontNotFoundError";
  }
}

function resolvedOrNull(lookup: FontLookup, id: string): string | null {
  try {
    return lookup.resolve(id);
  } catch {
    // Not installed as a package here: the other places may still have it.
    return null;
  }
}

/** Where one face's file is, or a FontNotFoundError listing every place tried. */
export function findFontFile(face: FontFace, lookup: FontLookup): string {
  const file = FONT_FILES[face];
  const tried: string[] = [];
  const candidates = [
    lookup.resourcesPath ? path.join(lookup.resourcesPath, PACKAGED_FONT_DIR, file) : null,
    resolvedOrNull(lookup, `dejavu-fonts-ttf/ttf/${file}`),
    path.join(SYSTEM_FONT_DIR, file),
  ];
  for (const candidate of candidates) {
    if (candidate === null) continue;
    tried.push(candidate);
    if (lookup.exists(candidate)) return candidate;
  }
  if (!tried.some((t) => t.includes("dejavu-fonts-ttf")))
    tried.push("the dejavu-fonts-ttf package");
  throw new FontNotFoundError(file, tried);
}

function processLookup(): FontLookup {
  const resourcesPath = (process as { resourcesPath?: unknown }).resourcesPath;
  const req = createRequire(__filename);
  return {
    resourcesPath: typeof resourcesPath === "string" ? resourcesPath : undefined,
    resolve: (id) => req.resolve(id),
    exists: (file) => fs.existsSync(file),
  };
}

/** A font parsed by fontkit (pdfkit's own font reader), laid out by `plainLayout`. */
export interface ParsedFont {
  postscriptName: string;
  layout: (text: string) => unknown;
}

export interface LoadedFonts {
  files: Record<FontFace, string>;
  /** Parsed once per process and shared by every PDF: parsing costs more than a page. */
  parsed: Record<FontFace, ParsedFont>;
}

type FontReader = { create: (data: Buffer) => unknown };

function parse(reader: FontReader, file: string): ParsedFont {
  const font = reader.create(fs.readFileSync(file)) as Partial<ParsedFont & GlyphSource> | null;
  if (
    !font ||
    typeof font.layout !== "function" ||
    typeof font.glyphForCodePoint !== "function" ||
    typeof font.postscriptName !== "string"
  ) {
    throw new Error(`PDF font ${file} is not a TrueType font pdfkit can use`);
  }
  return withPlainLayout(font as ParsedFont & GlyphSource);
}

/** The four faces, found through `lookup` and parsed with pdfkit's fontkit. */
export function readFonts(lookup: FontLookup, reader: FontReader): LoadedFonts {
  const files = {
    regular: findFontFile("regular", lookup),
    bold: findFontFile("bold", lookup),
    italic: findFontFile("italic", lookup),
    boldItalic: findFontFile("boldItalic", lookup),
  };
  const parsed = {
    regular: parse(reader, files.regular),
    bold: parse(reader, files.bold),
    italic: parse(reader, files.italic),
    boldItalic: parse(reader, files.boldItalic),
  };
  return { files, parsed };
}

let loaded: LoadedFonts | null = null;

/** The four faces for this process, read and parsed once. */
export function loadFonts(): LoadedFonts {
  if (!loaded) {
    const lookup = processLookup();
    // The fontkit pdfkit itself uses (its dependency), so the objects are the kind it expects.
    const fromPdfkit = createRequire(lookup.resolve("pdfkit"));
    loaded = readFonts(lookup, fromPdfkit("fontkit") as FontReader);
  }
  return loaded;
}
