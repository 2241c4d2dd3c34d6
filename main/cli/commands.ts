/**
 * The register commands of `pacta`: import, list, show.
 */
import fs from "node:fs";
import path from "node:path";
import type { ContractSummary } from "../../shared/domain/contract";
import { type ImportMapping, importMappingSchema } from "../../shared/domain/import-mapping";
import { type DecodedText, decodeText } from "../../shared/domain/text-encoding";
import { describeIssues, issuesOf } from "../api/dispatch";
import type { PactaServices } from "../app/services";
import { previewImport, runImport } from "../import/import-service";
import { type ExportFormat, exportContracts } from "../register/export";
import { out, printJson, table, UsageError } from "./output";

export interface ImportOptions {
  mapping?: string;
  dryRun?: boolean;
  json?: boolean;
}

export function readMapping(file: string): ImportMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read the mapping ${file}: ${(error as Error).message}`);
  }
  const parsed = importMappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError(
      `the mapping ${file} is not valid: ${describeIssues(issuesOf(parsed.error))}`,
    );
  }
  return parsed.data;
}

export async function importCommand(s: PactaServices, file: string, o: ImportOptions) {
  let decoded: DecodedText;
  try {
    decoded = decodeText(fs.readFileSync(file));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${describeFsError(error)}`);
  }
  const { text: content, encoding } = decoded;
  const fileName = path.basename(file);
  const mapping = o.mapping
    ? readMapping(o.mapping)
    : previewImport({ fileName, content }).suggestedMapping;
  const report = await runImport(
    s.register,
    { fileName, content, mapping },
    {
      dryRun: o.dryRun ?? false,
    },
  );
  const nothing = report.rows > 0 && report.created + report.updated + report.unchanged === 0;
  if (o.json) {
    printJson({ ...report, encoding });
    if (nothing) throw new Error(`no row of ${fileName} could be imported`);
    return;
  }
  if (encoding !== "utf-8") out(`${fileName}: read as ${encoding} (the file is not UTF-8)`);
  const verb = report.dryRun ? "would import" : "imported";
  out(
    `${fileName}: ${verb} ${report.rows} rows: ${report.created} created, ${report.updated} ` +
      `updated, ${report.unchanged} unchanged, ${report.skipped} skipped, ` +
      `${report.flagged} flagged for review`,
  );
  const shown = report.problems.slice(0, 50);
  for (const p of shown) {
    const where = p.row > 0 ? `row ${p.row}${p.column ? `, column "${p.column}"` : ""}` : "file";
    out(`  ${where}: ${p.message}`);
  }
  if (report.problems.length > shown.length) {
    out(`  … and ${report.problems.length - shown.length} more (use --json to see all)`);
  }
  if (nothing) throw new Error(`no row of ${fileName} could be imported`);
}

/** "no such file" rather than ENOENT, for people. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EISDIR: "it is a folder, not a file",
    ENOTDIR: "a part of the path is not a folder",
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}

export interface ListOptions {
  search?: string;
  stage?: string;
  endingWithin?: string;
  archived?: boolean;
  json?: boolean;
}

export function listCommand(s: PactaServices, o: ListOptions): void {
  let endingWithinDays: number | null = null;
  if (o.endingWithin !== undefined) {
    if (!/^\d+$/.test(o.endingWithin) || Number(o.endingWithin) > 36_500) {
      throw new UsageError(
        `--ending-within takes a whole number of days up to 36500, not "${o.endingWithin}"`,
      );
    }
    endingWithinDays = Number(o.endingWithin);
  }
  if ((o.search ?? "").length > 500) {
    throw new UsageError("--search takes at most 500 characters");
  }
  if (o.stage !== undefined) {
    const stages = s.list.facets().stages.map((st) => st.key);
    if (!stages.includes(o.stage)) {
      throw new UsageError(`there is no stage "${o.stage}"; stages are: ${stages.join(", ")}`);
    }
  }
  const rows: ContractSummary[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = s.list.list({
      search: o.search ?? "",
      stage: o.stage ?? null,
      endingWithinDays,
      archived: o.archived ? "include" : "exclude",
      sort: "title",
      direction: "asc",
      offset,
      limit: 1000,
    });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) break;
  }
  if (o.json) {
    printJson(rows);
    return;
  }
  if (rows.length === 0) {
    out("No contracts match.");
    return;
  }
  out(
    table(
      ["ID", "REFERENCE", "TITLE", "STAGE", "END", "COUNTERPARTY"],
      rows.map((r) => [
        String(r.id),
        r.reference ?? "",
        r.title,
        r.stage,
        r.endDate ?? "",
        r.counterparty ?? "",
      ]),
    ),
  );
  out(`${rows.length} contract${rows.length === 1 ? "" : "s"}`);
}

export function parseId(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`a contract ID is a positive whole number, not "${text}"`);
  }
  return Number(text);
}

export function showCommand(s: PactaServices, idText: string, o: { json?: boolean }): void {
  const c = s.register.get(parseId(idText));
  if (o.json) {
    printJson(c);
    return;
  }
  const money = c.value === null ? "" : `${c.value} ${c.currency}`;
  const lines: [string, string | null][] = [
    ["Contract", `#${c.id} ${c.title}`],
    ["Reference", c.reference],
    ["Type", c.type],
    ["Stage", c.stage + (c.archived ? " (archived)" : "")],
    ["Value", money],
    ["Signed", c.signatureDate],
    ["Effective", c.effectiveDate],
    ["Ends", c.endDate],
    [
      "Renewal",
      [c.renewal.kind, c.renewal.term, c.renewal.notice && `notice ${c.renewal.notice}`]
        .filter(Boolean)
        .join(", "),
    ],
    ["Governing law", c.governingLaw],
    ["Tags", c.tags.join(", ")],
  ];
  for (const [label, value] of lines) if (value) out(`${label.padEnd(14)}${value}`);
  for (const p of c.parties) {
    const extra = [p.role, p.signatory && `signed by ${p.signatory}`, p.email].filter(Boolean);
    out(`${"Party".padEnd(14)}${p.name}${extra.length ? ` (${extra.join(", ")})` : ""}`);
  }
  for (const f of c.review) out(`${"To review".padEnd(14)}${f.field}: ${f.message}`);
  if (c.notes) out(`\n${c.notes}`);
  out(`\nHistory`);
  for (const h of c.history) {
    out(`  ${h.at}  ${h.actor}  ${h.action}  ${Object.keys(h.changes).join(", ")}`);
  }
}

export interface ExportOptions {
  format?: string;
  search?: string;
  stage?: string;
  archived?: boolean;
}

/** Writes the register to FILE (JSON or CSV, from --format or the extension). */
export function exportCommand(s: PactaServices, file: string, o: ExportOptions): void {
  const format = (o.format ?? path.extname(file).slice(1).toLowerCase()) as ExportFormat;
  if (format !== "json" && format !== "csv") {
    throw new UsageError(`say --format json or --format csv (or name the file .json or .csv)`);
  }
  const exported = exportContracts(s.register, s.list, format, {
    search: o.search ?? "",
    stage: o.stage ?? null,
    archived: o.archived ? "include" : "exclude",
  });
  // Write beside the target, then rename: a crash never leaves half a file.
  const partial = `${file}.partial`;
  try {
    fs.writeFileSync(partial, exported.content);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(`cannot write ${file}: ${describeFsError(error)}`);
  }
  out(`${file}: ${exported.count} contract${exported.count === 1 ? "" : "s"} exported`);
}
