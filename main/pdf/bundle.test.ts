/**
 * The renderer as the esbuild bundles run it (dist/main/*.cjs, packages
 * external, fonts found through node_modules), in a Node process of its own.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { expect, it } from "vitest";
import { pdfInfo, pdfPages } from "../test-support/poppler";

const root = path.resolve(__dirname, "../..");

it("renders from an esbuild bundle like the app's", async () => {
  // Inside the checkout, so that the bundle finds node_modules as dist/main does.
  fs.mkdirSync(path.join(root, ".tsbuild"), { recursive: true });
  const out = fs.mkdtempSync(path.join(root, ".tsbuild", "pdf-bundle-"));
  try {
    const entry = path.join(out, "entry.ts");
    const from = (file: string) => JSON.stringify(path.join(root, "main/pdf", file));
    fs.writeFileSync(
      entry,
      [
        `import fs from "node:fs";`,
        `import { renderContractPdf } from ${from("contract-pdf")};`,
        `import { sampleContract } from ${from("sample")};`,
        `const input = { contract: sampleContract(), document: null, language: "en" as const };`,
        `renderContractPdf({ ...input, author: "CI" })`,
        `  .then((pdf) => fs.writeFileSync(process.argv[2] ?? "", pdf.bytes));`,
      ].join("\n"),
    );
    await build({
      entryPoints: [entry],
      outfile: path.join(out, "bundle.cjs"),
      bundle: true,
      platform: "node",
      format: "cjs",
      packages: "external",
      logLevel: "warning",
    });
    const file = path.join(out, "contract.pdf");
    const run = spawnSync(process.execPath, [path.join(out, "bundle.cjs"), file], {
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(pdfInfo(file).Author).toBe("CI");
    const subcontractor = "ООО «Северный Ветер» — Sous-traitant";
    expect(pdfPages(file).join("\n")).toContain(subcontractor);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
