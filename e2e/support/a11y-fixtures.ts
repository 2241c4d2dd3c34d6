/** Fixtures and CLI set-up the accessibility specs share. */
import path from "node:path";
import { expect, type PactaHost } from "./pacta";

/** The import fixtures (CSV and JSON files of contracts). */
export const IMPORT_FIXTURES = path.join(__dirname, "../fixtures/import");

/** A French service-agreement template. */
export const TEMPLATE_FIXTURE = path.join(__dirname, "../fixtures/templates/prestation.fr.md");

/** Imports one of the import fixtures with `pacta import`. */
export function importWithCli(pacta: PactaHost, file: string): void {
  const run = pacta.cli("import", path.join(IMPORT_FIXTURES, file));
  expect(run.status, run.stderr).toBe(0);
}
