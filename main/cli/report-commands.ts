/** The report command of `pacta`: figures as text or JSON, exports to CSV and PDF. */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { isCalendarDate } from "../../shared/domain/calendar-date";
import type { Person } from "../../shared/domain/pipeline";
import type { CsvSeparator, ReportFilters } from "../../shared/domain/reports";
import type { PactaServices } from "../app/services";
import { plainCell, reportTables } from "../reports/tables";
import { describeFsError } from "./commands";
import { out, printJson, type Runner, table, UsageError } from "./output";

export interface ReportOptions {
  json?: boolean;
  type?: string;
  tag?: string;
  responsible?: string;
  from?: string;
  to?: string;
  csv?: string;
  separator?: string;
  pdf?: string;
  language?: string;
}

function date(flag: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  if (!isCalendarDate(text)) {
    throw new UsageError(`${flag} takes a date written YYYY-MM-DD, not "${text}"`);
  }
  return text;
}

/** A person by id, email or name (case ignored); archived people count too. */
export function findPerson(people: readonly Person[], text: string): Person {
  const wanted = text.trim().toLowerCase();
  const found =
    people.find((p) => String(p.id) === wanted) ??
    people.find((p) => p.email.toLowerCase() === wanted) ??
    people.filter((p) => p.name.toLowerCase() === wanted);
  if (!Array.isArray(found)) return found;
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) {
    throw new UsageError(`${found.length} people are called "${text}": give an id or an email`);
  }
  throw new UsageError(`there is no person "${text}" (give an id, an email or a name)`);
}

export function readFilters(s: PactaServices, o: ReportOptions): ReportFilters {
  const from = date("--from", o.from);
  const to = date("--to", o.to);
  if (from && to && to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
  const filters: ReportFilters = { from, to };
  if (o.type !== undefined) filters.type = o.type;
  if (o.tag !== undefined) filters.tag = o.tag;
  if (o.responsible !== undefined) {
    filters.responsible = findPerson(s.lifecycle.people.list(true), o.responsible).id;
  }
  return filters;
}

function language(text: string | undefined): "fr" | "en" {
  const value = text ?? "en";
  if (value !== "fr" && value !== "en") {
    throw new UsageError(`--language takes fr or en, not "${value}"`);
  }
  return value;
}

function separator(text: string | undefined): CsvSeparator {
  const value = text ?? ",";
  if (value !== "," && value !== ";") {
    throw new UsageError(`--separator takes "," or ";", not "${value}"`);
  }
  return value;
}

/** Writes beside the target, then renames: a crash never leaves half a file. */
function writeFile(file: string, content: string | Buffer): string {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(`cannot write ${file}: ${describeFsError(error)}`);
  }
  return target;
}

export async function reportCommand(s: PactaServices, o: ReportOptions): Promise<void> {
  const lang = language(o.language);
  const sep = separator(o.separator);
  if (o.separator !== undefined && o.csv === undefined) {
    throw new UsageError("--separator goes with --csv FILE");
  }
  const filters = readFilters(s, o);
  const written: { csv?: string; pdf?: string; pages?: number } = {};
  if (o.csv !== undefined) {
    written.csv = writeFile(o.csv, s.reports.csv(filters, sep, lang).content);
  }
  if (o.pdf !== undefined) {
    const pdf = await s.reports.pdf(filters, lang);
    written.pdf = writeFile(o.pdf, pdf.bytes);
    written.pages = pdf.pages;
  }
  const report = s.reports.report(filters);
  if (o.json) {
    printJson(report);
    return;
  }
  for (const t of reportTables(report, lang)) {
    out(`\n${t.title}`);
    if (t.rows.length === 0) out(`  ${t.empty}`);
    else
      out(
        table(
          t.headers,
          t.rows.map((r) => r.map(plainCell)),
        ),
      );
  }
  if (written.csv) out(`\n${written.csv}: CSV written`);
  if (written.pdf) out(`${written.pdf}: ${written.pages} page${written.pages === 1 ? "" : "s"}`);
}

export function reportCommands(cli: Command, run: Runner): void {
  cli
    .command("report")
    .description("the report's figures: active, ending, notices, values, late stages, times")
    .option("--json", "print JSON")
    .option("--type <type>", "only contracts of this type")
    .option("--tag <tag>", "only contracts with this tag")
    .option("--responsible <person>", "only what this person holds (id, email or name)")
    .option("--from <date>", "period start, YYYY-MM-DD")
    .option("--to <date>", "period end, YYYY-MM-DD")
    .option("--csv <file>", "also write the figures as CSV")
    .option("--separator <sep>", 'CSV separator: "," or ";" (decimal comma, for Excel in French)')
    .option("--pdf <file>", "also write the figures as a PDF")
    .option("--language <lang>", "fr or en, for text, CSV and PDF (default en)")
    .action((o: ReportOptions) => run((s) => reportCommand(s, o)));
}
