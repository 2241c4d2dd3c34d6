// `npm run security`: Electronegativity's review of the Electron door
// (main/electron and the renderer's page). Every finding fails the run
// unless the code at that spot disables it with an `eng-disable` comment
// that says why. The check that downloads Electron's release list is left
// out: it needs the network, and the Electron version is pinned anyway.
//
// Electronegativity's own CLI does not start with the commander version
// this project installs (`commander.default.version is not a function`),
// so its documented programmatic entry point is used.
// TODO(shell): Electronegativity fetches its translations from its S3
// bucket at every start (1 s timeout, then English); nothing here asks for
// it and it cannot be turned off without patching the tool.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const run = require("@doyensec/electronegativity/dist/runner.js");

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
  const result = await run({
    input,
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: version,
    excludeFromScan: EXCLUDED,
    parserPlugins: [],
  });
  for (const issue of result.issues) {
    findings += 1;
    process.stdout.write(
      `${issue.file}:${issue.location.line}: ${issue.id} (${issue.severity.name}): ` +
        `${issue.description}\n`,
    );
  }
  if (result.errors?.length) {
    for (const e of result.errors) process.stdout.write(`${input}: could not parse ${e.file}\n`);
    findings += result.errors.length;
  }
}
fs.rmSync(scanned, { recursive: true, force: true });
process.stdout.write(
  `electronegativity: ${findings} finding(s) in main/electron and renderer/index.html\n`,
);
process.exit(findings > 0 ? 1 : 0);
