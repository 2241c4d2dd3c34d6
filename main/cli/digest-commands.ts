/** The digest command of `pacta`: a person's digest now (it sends nothing). */
import type { Command } from "commander";
import type { PactaServices } from "../app/services";
import { digestText } from "../digests/digest-text";
import { stageNames } from "../lifecycle/stage-names";
import { out, printJson, type Runner } from "./output";
import { findPerson } from "./report-commands";

export interface DigestOptions {
  person?: string;
  json?: boolean;
}

export function digestCommand(s: PactaServices, o: DigestOptions): void {
  const people = o.person
    ? [findPerson(s.lifecycle.people.list(true), o.person)]
    : s.lifecycle.people.list(false);
  const digests = people.map((p) => s.digests.digest(p.id));
  if (o.json) {
    printJson(o.person ? digests[0] : digests);
    return;
  }
  if (digests.length === 0) {
    out("No people yet: add them in Settings → People.");
    return;
  }
  const stageName = stageNames(s.db, "en");
  out(digests.map((d) => digestText(d, stageName)).join("\n\n"));
}

export function digestCommands(cli: Command, run: Runner): void {
  cli
    .command("digest")
    .description("print the KPI digest of one person (or of everyone) now; sends nothing")
    .option("--person <person>", "the person: id, email or name")
    .option("--json", "print JSON (one object with --person, else an array)")
    .action((o: DigestOptions) => run((s) => digestCommand(s, o)));
}
