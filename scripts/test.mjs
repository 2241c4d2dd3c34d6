// `npm test`: every check and test, in the order a failure is cheapest to
// find, then one closing line CI reads: "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureSystemDeps } from "./system-deps.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-test-reports-"));
const tally = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const flaky = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name} ==\n`);
  const run = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  const ok = run.status === 0;
  if (!ok) failures.push(name);
  return ok;
}

/** The titles of the Playwright tests that failed once and passed on their retry. */
function flakyTests(report) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === "flaky") out.push(`e2e/${spec.file}:${spec.line} › ${spec.title}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

try {
  ensureSystemDeps();
} catch (error) {
  process.stderr.write(`pacta test: ${error.message}\n`);
  failures.push("system dependencies");
}

for (const [name, args] of [
  ["typecheck", ["tsc", "-b"]],
  ["lint", ["biome", "check", "."]],
]) {
  const ok = step(name, bin(args[0]), args.slice(1));
  tally[ok ? "passed" : "failed"] += 1;
}

// Electron's security checklist, read from the code by Electronegativity.
const secure = step("security review (Electronegativity)", process.execPath, [
  path.join(root, "scripts/security.mjs"),
]);
tally[secure ? "passed" : "failed"] += 1;

const vitestJson = path.join(reports, "vitest.json");
const unitOk = step("unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  tally.passed += vitest.numPassedTests;
  tally.failed += vitest.numFailedTests;
  tally.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else if (!unitOk) {
  tally.failed += 1;
}

const built = step("build", process.execPath, [path.join(root, "scripts/build.mjs")]);
tally[built ? "passed" : "failed"] += 1;

if (built) {
  const pwJson = path.join(reports, "playwright.json");
  const e2eOk = step(
    "end-to-end tests (Playwright, Chromium)",
    bin("playwright"),
    ["test", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
    },
  );
  const pw = readJson(pwJson);
  if (pw?.stats) {
    flaky.push(...flakyTests(pw));
    tally.passed += pw.stats.expected + pw.stats.flaky;
    tally.failed += pw.stats.unexpected;
    tally.skipped += pw.stats.skipped;
  } else if (!e2eOk) {
    tally.failed += 1;
  }
}

fs.rmSync(reports, { recursive: true, force: true });
if (flaky.length > 0) {
  process.stdout.write(`\nFlaky (failed, then passed on retry): ${flaky.length}\n`);
  for (const title of flaky) process.stdout.write(`  ${title}\n`);
}
if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(", ")}\n`);
process.stdout.write(
  `\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped\n`,
);
process.exit(failures.length > 0 || tally.failed > 0 ? 1 : 0);
