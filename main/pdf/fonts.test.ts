import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_FACES, FONT_FILES, FontNotFoundError, findFontFile, loadFonts } from "./fonts";

const repoRoot = path.resolve(__dirname, "../..");
const packaged = "/opt/Pacta/resources";

describe("PDF fonts", () => {
  it("looks beside the packaged app first, then in node_modules, then in Debian's folder", () => {
    const seen: string[] = [];
    const lookup = (present: string[]) => ({
      resourcesPath: packaged,
      resolve: (id: string) => `/repo/node_modules/${id}`,
      exists: (file: string) => {
        seen.push(file);
        return present.includes(file);
      },
    });
    expect(findFontFile("bold", lookup([`${packaged}/fonts/DejaVuSans-Bold.ttf`]))).toBe(
      `${packaged}/fonts/DejaVuSans-Bold.ttf`,
    );
    const dev = "/repo/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf";
    expect(findFontFile("bold", lookup([dev]))).toBe(dev);
    expect(seen.at(-1)).toBe(dev);
  });

  it("says where it looked when no font is found", () => {
    const lookup = {
      resourcesPath: undefined,
      resolve: (id: string): string => {
        throw new Error(`Cannot find module '${id}'`);
      },
      exists: () => false,
    };
    expect(() => findFontFile("italic", lookup)).toThrow(FontNotFoundError);
    expect(() => findFontFile("italic", lookup)).toThrow(
      "PDF font DejaVuSans-Oblique.ttf not found (looked in " +
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf, the dejavu-fonts-ttf package)",
    );
  });

  it("finds and parses the four faces in this checkout", () => {
    const fonts = loadFonts();
    for (const face of FONT_FACES) {
      expect(fonts.files[face]).toContain(path.join("dejavu-fonts-ttf", "ttf", FONT_FILES[face]));
    }
    expect(fonts.parsed.boldItalic.postscriptName).toBe("DejaVuSans-BoldOblique");
  });

  it("ships the same four files with the packaged app", () => {
    const builder = fs.readFileSync(path.join(repoRoot, "electron-builder.yml"), "utf8");
    expect(builder).toMatch(/from: node_modules\/dejavu-fonts-ttf\/ttf\n\s+to: fonts\n/);
    for (const file of Object.values(FONT_FILES)) {
      expect(builder).toContain(`- ${file}\n`);
      expect(fs.existsSync(path.join(repoRoot, "node_modules/dejavu-fonts-ttf/ttf", file))).toBe(
        true,
      );
    }
  });
});
