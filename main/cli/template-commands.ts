/**
 * The template commands of `pacta`: templates, template import, generate,
 * export-pdf.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { PactaError } from "../../shared/api/result";
import {
  fieldKeySchema,
  MARKDOWN_MAX_BYTES,
  MARKDOWN_MAX_TEXT,
} from "../../shared/domain/templates";
import { decodeText, looksLikeText } from "../../shared/domain/text-encoding";
import type { PactaServices } from "../app/services";
import { analyze } from "../templates/analysis";
import { exportContractPdf } from "../templates/export-pdf";
import { megabytes } from "../templates/markdown";
import { describeFsError, parseId } from "./commands";
import { out, printJson, type Runner, table, UsageError, warn } from "./output";

export function templateCommands(cli: Command, run: Runner): void {
  cli
    .command("templates")
    .description("list the contract templates")
    .option("--archived", "include archived templates")
    .option("--json", "print JSON")
    .action((o: { archived?: boolean; json?: boolean }) => run((s) => templatesCommand(s, o)));

  const template = cli.command("template").description("manage contract templates");
  template
    .command("import")
    .description("import a Markdown template: ## headings become sections, {{a.b}} fields")
    .argument("<file>", "Markdown file (UTF-8)")
    .option("--language <language>", "fr or en (default: from the file name or its words)")
    .option("--json", "print the template as JSON")
    .action((file: string, o: ImportOptions) => run((s) => importTemplateCommand(s, file, o)));

  cli
    .command("generate")
    .description("generate a contract's text from a template's newest version")
    .argument("<id>", "contract ID")
    .requiredOption("--template <id>", "template ID (see pacta templates)")
    .option(
      "--set <key=value>",
      "a value for one of the template's fields (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--json", "print the text and the fields still empty as JSON")
    .action((id: string, o: GenerateOptions) => run((s) => generateCommand(s, id, o)));

  cli
    .command("export-pdf")
    .description("write a contract as a PDF file")
    .argument("<id>", "contract ID")
    .argument("<out>", "the PDF file to write")
    .option("--language <language>", "fr or en (default: the language of its template)")
    .option("--author <name>", "the PDF's author (default: the account recorded in the history)")
    .option("--json", "print {file, pages} as JSON")
    .action((id: string, file: string, o: ExportPdfOptions) =>
      run((s) => exportPdfCommand(s, id, file, o)),
    );
}

function parseLanguage(text: string | undefined): "fr" | "en" | null {
  if (text === undefined) return null;
  if (text !== "fr" && text !== "en") {
    throw new UsageError(`--language takes fr or en, not "${text}"`);
  }
  return text;
}

export function templatesCommand(s: PactaServices, o: { archived?: boolean; json?: boolean }) {
  const list = s.templates.list(o.archived ?? false);
  if (o.json) {
    printJson(list);
    return;
  }
  if (list.length === 0) {
    out("No templates yet: import one with pacta template import FILE.md");
    return;
  }
  out(
    table(
      ["ID", "NAME", "LANGUAGE", "VERSION", "SECTIONS", "FIELDS", "UPDATED"],
      list.map((t) => [
        String(t.id),
        t.archived ? `${t.name} (archived)` : t.name,
        t.language,
        String(t.version),
        String(t.sectionCount),
        String(t.fieldCount),
        t.updatedAt.slice(0, 10),
      ]),
    ),
  );
  out(`${list.length} template${list.length === 1 ? "" : "s"}`);
}

interface ImportOptions {
  language?: string;
  json?: boolean;
}

function isFsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string";
}

export function importTemplateCommand(s: PactaServices, file: string, o: ImportOptions): void {
  const language = parseLanguage(o.language);
  const fileName = path.basename(file);
  let content: string;
  try {
    // The size is checked before the file is read: a huge file is refused at once.
    const size = fs.statSync(file).size;
    if (size > MARKDOWN_MAX_BYTES) {
      throw new Error(
        `${fileName} is ${megabytes(size)}: a template file may be ${MARKDOWN_MAX_TEXT} at most`,
      );
    }
    content = decodeText(fs.readFileSync(file)).text;
  } catch (error) {
    if (!isFsError(error)) throw error;
    throw new Error(`cannot read ${file}: ${describeFsError(error)}`);
  }
  if (!looksLikeText(content)) throw new Error(`${fileName} is not a text file`);
  let t: ReturnType<PactaServices["templates"]["importMarkdown"]>;
  try {
    t = s.templates.importMarkdown({ fileName, content, language });
  } catch (error) {
    // The file is at fault, not the command line: exit 1, not 2.
    if (error instanceof PactaError && error.reason === "invalid_argument") {
      throw new Error(
        error.message.includes(fileName) ? error.message : `${fileName}: ${error.message}`,
      );
    }
    throw error;
  }
  if (o.json) {
    printJson(t);
    return;
  }
  out(
    `${fileName}: imported as template #${t.id} "${t.name}" (${t.language}), ` +
      `${t.sectionCount} section${t.sectionCount === 1 ? "" : "s"}, ` +
      `${t.fieldCount} field${t.fieldCount === 1 ? "" : "s"}`,
  );
}

interface GenerateOptions {
  template: string;
  set: string[];
  json?: boolean;
}

export function generateCommand(s: PactaServices, idText: string, o: GenerateOptions): void {
  const contractId = parseId(idText);
  if (!/^\d+$/.test(o.template) || Number(o.template) < 1) {
    throw new UsageError(`--template takes a template ID, not "${o.template}"`);
  }
  const values: Record<string, string> = {};
  for (const pair of o.set) {
    const at = pair.indexOf("=");
    const key = at < 0 ? "" : pair.slice(0, at).trim();
    if (at < 0 || !fieldKeySchema.safeParse(key).success) {
      throw new UsageError(`--set takes key=value with a field key such as presta.lieu=Lyon`);
    }
    values[key] = pair.slice(at + 1);
  }
  const template = workFailure(() => s.templates.get(Number(o.template)));
  const known = new Set(template.content.fields.map((f) => f.key));
  for (const section of template.content.sections) {
    for (const use of analyze(section.body).uses) known.add(use.key);
    for (const use of analyze(section.title).uses) known.add(use.key);
  }
  const unknown = Object.keys(values).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new UsageError(
      `template #${template.id} has no field ${unknown.map((k) => `"${k}"`).join(", ")}; ` +
        `its fields are: ${[...known].join(", ") || "none"}`,
    );
  }
  const result = workFailure(() => s.documents.generate(contractId, template.id, values));
  if (o.json) {
    printJson(result);
    return;
  }
  for (const p of result.problems) {
    const title = template.content.sections.find((x) => x.id === p.sectionId)?.title;
    const place = p.line === null ? "" : `, line ${p.line}`;
    warn(`${title ? `“${title}”${place}: ` : ""}${p.message}`);
  }
  const n = result.document.sections.length;
  out(
    `Contract #${contractId}: text generated from template #${template.id} ` +
      `"${template.name}" (version ${template.version}), ${n} section${n === 1 ? "" : "s"}`,
  );
  const required = new Set(result.requiredMissing);
  const optional = result.missing.filter((key) => !required.has(key));
  if (optional.length > 0) out(`Still empty: ${optional.join(", ")}`);
  if (required.size > 0) {
    const labels = new Map(template.content.fields.map((f) => [f.key, f.label]));
    const named = [...required].map((key) => `${labels.get(key) ?? key} (${key})`);
    warn(`required fields still empty: ${named.join(", ")}; fill them with --set key=value`);
  }
}

/**
 * A template that is archived, broken or absent fails the work (exit 1),
 * not the command line (exit 2): the reason code is for the UI.
 */
function workFailure<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PactaError && error.reason === "invalid_argument") {
      throw new Error(error.message);
    }
    throw error;
  }
}

interface ExportPdfOptions {
  language?: string;
  author?: string;
  json?: boolean;
}

export async function exportPdfCommand(
  s: PactaServices,
  idText: string,
  file: string,
  o: ExportPdfOptions,
): Promise<void> {
  const contractId = parseId(idText);
  const language = parseLanguage(o.language);
  const target = path.resolve(file);
  const author = o.author?.replace(/\s+/g, " ").trim();
  if (o.author !== undefined && !author) throw new UsageError("--author takes a name");
  const pdf = await exportContractPdf(s, contractId, language, author);
  // Write beside the target, then rename: a crash never leaves half a PDF.
  const partial = `${target}.partial`;
  try {
    fs.writeFileSync(partial, pdf.bytes);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(`cannot write ${file}: ${describeFsError(error)}`);
  }
  if (o.json) printJson({ file: target, pages: pdf.pages });
  else out(`${target}: ${pdf.pages} page${pdf.pages === 1 ? "" : "s"}`);
}
