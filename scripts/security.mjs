// `npm run security`: Electronegativity's review of the Electron door
// (main/electron and the renderer's page). Every finding fails the run
// unless the code at that spot disables it with an `eng-disable` comment
// that says why. The check that downloads Electron's release list is left
// out: it needs the network, and the Electron version is pinned anyway.
//
// Electronegativity's own CLI does not start with the commander version
// this project installs (`commander.default.version is not a function`),
// so its documented programmatic entry point is used.
// Its `run()` first fetches fresh translations from its authors' server
// (`locales/i18n.js`), a request to another host that this project never
// makes. So the scan is put together from the tool's own exported parts
// (loader, parser, finder, global checks), with the translations it ships.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tool = (part) => require(`@doyensec/electronegativity/dist/${part}`);
const { LoaderDirectory } = tool("loader");
const { Parser } = tool("parser");
const { Finder, GlobalChecks } = tool("finder");

// The messages the checks print (`__(…)`), from the locales the tool ships.
const toolRequire = createRequire(require.resolve("@doyensec/electronegativity/package.json"));
const i18n = toolRequire("i18n");
i18n.configure({
  locales: ["en-US"],
  defaultLocale: "en-US",
  directory: path.dirname(require.resolve("@doyensec/electronegativity/dist/locales/en-US.json")),
  updateFiles: false,
  objectNotation: true,
  register: globalThis,
});

/** The tool's `run()` without its network step: every finding not disabled inline. */
async function scan(input, electronVersion, excluded) {
  const loader = new LoaderDirectory();
  await loader.load(input);
  const parser = new Parser(false, true);
  const exclude = excluded.map((c) => c.toLowerCase());
  const globalChecks = new GlobalChecks([], exclude, undefined);
  const finder = await new Finder(
    [],
    exclude.filter((c) => !c.includes("globalcheck")),
    undefined,
  );
  const issues = [];
  const errors = [];
  for (const file of loader.list_files) {
    try {
      const [type, data, content] = parser.parse(file, loader.load_buffer(file));
      if (data === null) continue;
      issues.push(...(await finder.find(file, data, type, content, null, electronVersion)));
    } catch (error) {
      errors.push({ file: path.relative(input, file), message: error.message });
    }
  }
  const checked = await globalChecks.getResults(issues, undefined);
  const shown = checked.filter(
    (i) => !i.visibility || (!i.visibility.inlineDisabled && !i.visibility.globalCheckDisabled),
  );
  for (const issue of shown) issue.file = path.relative(input, issue.file);
  return { issues: shown, errors };
}

// One folder holding the door's sources and the page, so that the global checks
// (CSP, navigation limits, permission handler) see both sides at once.
const scanned = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-electronegativity-"));
const sources = fs
  .readdirSync(path.join(root, "main/electron"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .map((f) => `main/electron/${f}`);
for (const file of [...sources, "renderer/index.html"]) {
  fs.mkdirSync(path.dirname(path.join(scanned, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(scanned, file));
}
const inputs = [scanned];
const EXCLUDED = ["AvailableSecurityFixesGlobalCheck"];
const version = require("electron/package.json").version;

let findings = 0;
for (const input of inputs) {
  const result = await scan(input, version, EXCLUDED);
  for (const issue of result.issues) {
    findings += 1;
    process.stdout.write(
      `${issue.file}:${issue.location.line}: ${issue.id} (${issue.severity.name}): ` +
        `${issue.description}\n`,
    );
  }
  if (result.errors?.length) {
    for (const e of result.errors) {
      process.stdout.write(`${input}: could not parse ${e.file}: ${e.message}\n`);
    }
    findings += result.errors.length;
  }
}
fs.rmSync(scanned, { recursive: true, force: true });
process.stdout.write(
  `electronegativity: ${findings} finding(s) in main/electron and renderer/index.html\n`,
);
process.exit(findings > 0 ? 1 : 0);
