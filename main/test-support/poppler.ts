/**
 * Reads a PDF back the way a person's tools would, with poppler-utils
 * (`pdftotext`, `pdfinfo`, `pdffonts`). `npm test` installs them; run alone,
 * a missing tool fails with a message saying what to install.
 */
import { spawnSync } from "node:child_process";

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      `${tool} is missing: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; ` +
        "macOS: brew install poppler); npm test installs it on Debian as root",
    );
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** The text of each page, in reading order (`pdftotext -layout` off). */
export function pdfPages(file: string): string[] {
  const text = run("pdftotext", ["-enc", "UTF-8", file, "-"]);
  const pages = text.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** `pdfinfo`'s fields: Title, Author, Pages, Page size... */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run("pdfinfo", ["-isodates", file]).split("\n")) {
    const at = line.indexOf(":");
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const rows = run("pdffonts", [file])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "");
  return rows.map((row) => {
    // name, type (one or more words), encoding, emb, sub, uni, object, generation
    const cols = row.trim().split(/\s+/);
    const [emb, , uni] = cols.slice(-5, -2);
    return {
      name: cols[0] ?? "",
      type: cols.slice(1, -6).join(" "),
      embedded: emb === "yes",
      unicode: uni === "yes",
    };
  });
}

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PageBoxes {
  width: number;
  height: number;
  words: WordBox[];
}

/** Every word with its box, per page (`pdftotext -bbox`; y grows downwards). */
export function pdfWordBoxes(file: string): PageBoxes[] {
  const html = run("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"]);
  const pages: PageBoxes[] = [];
  const n = String.raw`([\d.]+)`;
  const tag = new RegExp(
    `<page width="${n}" height="${n}">|` +
      `<word xMin="${n}" yMin="${n}" xMax="${n}" yMax="${n}">([^<]*)</word>`,
    "g",
  );
  for (const m of html.matchAll(tag)) {
    if (m[1]) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    const page = pages.at(-1);
    if (!page) continue;
    page.words.push({
      page: pages.length,
      text: m[7] ?? "",
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
    });
  }
  return pages;
}
