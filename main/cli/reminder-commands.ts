/** The reminder commands of `pacta`: reminders, export-ics. */
import fs from "node:fs";
import type { Command } from "commander";
import type { Reminder } from "../../shared/api/reminders";
import { parseInstant } from "../../shared/domain/reminder-rules";
import type { PactaServices } from "../app/services";
import { parseId } from "./commands";
import { out, printJson, type Runner, table, UsageError } from "./output";

export interface RemindersOptions {
  now?: string;
  within?: string;
  json?: boolean;
}

/** Reads --now and --within, or throws a usage error naming the bad one. */
export function readReminderOptions(o: RemindersOptions): { now: Date; within: number } {
  let now = new Date();
  if (o.now !== undefined) {
    const parsed = parseInstant(o.now);
    if (parsed === null) {
      throw new UsageError(
        `--now takes an ISO 8601 date or date-time such as 2027-05-01T09:00, not "${o.now}"`,
      );
    }
    now = parsed;
  }
  let within = 0;
  if (o.within !== undefined) {
    if (!/^\d+$/.test(o.within) || Number(o.within) > 36_500) {
      throw new UsageError(`--within takes a whole number of days, not "${o.within}"`);
    }
    within = Number(o.within);
  }
  return { now, within };
}

function remindersCommand(s: PactaServices, now: Date, within: number, json: boolean): void {
  const reminders = s.reminders.preview(now, within);
  if (json) {
    printJson(reminders);
    return;
  }
  if (reminders.length === 0) {
    out(within > 0 ? `Nothing due within ${within} days.` : "Nothing due.");
    return;
  }
  out(table(["DUE", "KIND", "LEAD", "FIRES", "STATE", "CONTRACT"], reminders.map(cells)));
  out(`${reminders.length} reminder${reminders.length === 1 ? "" : "s"}`);
}

function cells(r: Reminder): string[] {
  const contract = `#${r.contractId} ${r.contractReference ? `${r.contractReference} ` : ""}`;
  const kind = r.label ? `${r.kind} (${r.label})` : r.kind;
  return [
    r.dueDate,
    kind,
    r.leadDays === 0 ? "the day" : `${r.leadDays} d`,
    localMinute(r.fireAt),
    r.late && r.state === "fired" ? "fired (late)" : r.state,
    `${contract}${r.contractTitle}`,
  ];
}

/** An instant as local `YYYY-MM-DD HH:MM`. */
function localMinute(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(
    d.getMinutes(),
  )}`;
}

async function exportIcsCommand(
  s: PactaServices,
  file: string,
  contractId: number | undefined,
  language: "fr" | "en",
): Promise<void> {
  const ics = await s.reminders.exportIcs({
    language,
    ...(contractId === undefined ? {} : { contractId }),
  });
  try {
    fs.writeFileSync(file, ics.content);
  } catch (error) {
    throw new Error(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  out(`${file}: ${ics.events} date${ics.events === 1 ? "" : "s"} with their reminders`);
}

export function reminderCommands(cli: Command, run: Runner): void {
  cli
    .command("reminders")
    .description("reminders due now (or at --now), or within --within days; reads only")
    .option("--now <iso>", "look from this moment (ISO 8601; a date alone is the end of that day)")
    .option("--within <days>", "also what becomes due within this many days")
    .option("--json", "print JSON")
    .action((o: RemindersOptions) => {
      const { now, within } = readReminderOptions(o);
      return run((s) => remindersCommand(s, now, within, o.json ?? false));
    });

  cli
    .command("export-ics")
    .description("write the key dates to an iCalendar file, with an alarm per lead time")
    .argument("<file>", "where to write (.ics)")
    .option("--contract <id>", "only this contract")
    .option("--language <lang>", "fr or en", "fr")
    .action((file: string, o: { contract?: string; language: string }) => {
      const contractId = o.contract === undefined ? undefined : parseId(o.contract);
      if (o.language !== "fr" && o.language !== "en") {
        throw new UsageError(`--language takes fr or en, not "${o.language}"`);
      }
      const language = o.language;
      return run((s) => exportIcsCommand(s, file, contractId, language));
    });
}
