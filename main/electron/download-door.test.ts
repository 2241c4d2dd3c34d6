import { describe, expect, it } from "vitest";
import { isAppDownload, planDownload, safeFileName } from "./download-door";

const folders = {
  documents: "/home/hl/Documents",
  downloads: "/home/hl/Téléchargements",
  home: "/home/hl",
};
const pdf = {
  url: "blob:file:///6f1c0d7e-5b8e-4c2a-9d0e-2f0b3a1c9e77",
  suggestedName: "Contrat PAC-2026-042 — Œuvre « Cœur de ville ».pdf",
  mimeType: "application/pdf",
};

describe("Electron downloads", () => {
  it("asks where to save a PDF, in Documents, under the suggested name", () => {
    expect(planDownload(pdf, folders, "fr")).toEqual({
      action: "ask",
      options: {
        title: "Enregistrer le contrat en PDF",
        defaultPath: "/home/hl/Documents/Contrat PAC-2026-042 — Œuvre « Cœur de ville ».pdf",
        buttonLabel: "Enregistrer",
        filters: [
          { name: "PDF", extensions: ["pdf"] },
          { name: "Tous les fichiers", extensions: ["*"] },
        ],
        properties: ["createDirectory", "showOverwriteConfirmation"],
      },
    });
  });

  it("falls back to Downloads, then home, and speaks English", () => {
    const csv = { ...pdf, suggestedName: "register.csv", mimeType: "text/csv" };
    const plan = planDownload(csv, { ...folders, documents: null }, "en");
    expect(plan).toMatchObject({
      action: "ask",
      options: {
        title: "Save the file",
        defaultPath: "/home/hl/Téléchargements/register.csv",
        buttonLabel: "Save",
        filters: [{ name: "CSV", extensions: ["csv"] }, { name: "All files" }],
      },
    });
    const home = planDownload(pdf, { documents: null, downloads: null, home: "/home/hl" }, "en");
    expect(home.action === "ask" && home.options.defaultPath).toMatch(/^\/home\/hl\/Contrat/);
  });

  it("cancels downloads the app's page did not make", () => {
    for (const url of ["https://example.com/x.pdf", "file:///etc/passwd", "http://127.0.0.1:9/a"]) {
      expect(isAppDownload(url)).toBe(false);
      expect(planDownload({ ...pdf, url }, folders, "fr")).toMatchObject({ action: "refuse" });
    }
    expect(isAppDownload("data:application/pdf;base64,JVBERi0=")).toBe(true);
  });

  it("makes any suggested name safe to save", () => {
    expect(safeFileName("../../.bashrc", "application/pdf")).toBe("bashrc.pdf");
    expect(safeFileName("C:\\Windows\\system32\\x.pdf", "application/pdf")).toBe("x.pdf");
    expect(safeFileName('a<b>c:d"e|f?g*h\u0007.pdf', "application/pdf")).toBe(
      "a_b_c_d_e_f_g_h_.pdf",
    );
    expect(safeFileName("CON", "application/pdf")).toBe("_CON.pdf");
    expect(safeFileName("   ", "application/pdf")).toBe("Pacta.pdf");
    expect(safeFileName("contrat", "application/pdf")).toBe("contrat.pdf");
    expect(safeFileName("notes.txt", "application/octet-stream")).toBe("notes.txt");
    const long = safeFileName(`${"Т".repeat(300)}.pdf`, "application/pdf");
    expect(long).toHaveLength(120);
    expect(long.endsWith("Т.pdf")).toBe(true);
  });
});
