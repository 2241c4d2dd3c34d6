/**
 * The questionnaire commands of `pacta`: questionnaires, questionnaire
 * attach, pdf, import and answers.
 */
import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { stageTriggerSchema } from "../../shared/api/questionnaires";
import { PactaError } from "../../shared/api/result";
import {
  type AnswerOutcome,
  type AttachmentDetail,
  PDF_MAX_BYTES,
  type Questionnaire,
} from "../../shared/domain/questionnaires";
import { describeIssues, issuesOf } from "../api/dispatch";
import type { PactaServices } from "../app/services";
import { tooBig } from "../questionnaires/read-pdf";
import { describeFsError } from "./commands";
import { out, printable, printJson, type Runner, table, UsageError } from "./output";

export function questionnaireCommands(cli: Command, run: Runner): void {
  cli
    .command("questionnaires")
    .description("list the questionnaires")
    .option("--archived", "include archived questionnaires")
    .option("--json", "print JSON")
    .action((o: { archived?: boolean; json?: boolean }) => run((s) => listCommand(s, o)));

  const q = cli.command("questionnaire").description("hand out questionnaires, read answers");
  q.command("create")
    .description("define a questionnaire from a JSON file (title, language, questions, trigger)")
    .argument("<file>", "JSON: {title, language, intro, questions: [{kind, text, ...}], trigger}")
    .option("--json", "print the questionnaire as JSON")
    .action((file: string, o: { json?: boolean }) => run((s) => createCommand(s, file, o)));
  q.command("attach")
    .description("hand a questionnaire's newest version to a party of a contract")
    .argument("<questionnaire>", "questionnaire ID (see pacta questionnaires)")
    .argument("<contract>", "contract ID")
    .requiredOption("--party <n|name>", "the party: its number (1 = first) or its name")
    .option("--json", "print the attachment as JSON")
    .action((qid: string, cid: string, o: AttachOptions) =>
      run((s) => attachCommand(s, qid, cid, o)),
    );
  q.command("pdf")
    .description("write the fillable PDF of an attachment")
    .argument("<attachment>", "attachment ID")
    .argument("<out>", "the PDF file to write")
    .option("--json", "print {file, pages} as JSON")
    .action((id: string, file: string, o: { json?: boolean }) =>
      run((s) => pdfCommand(s, id, file, o)),
    );
  q.command("import")
    .description("read the answers of a filled questionnaire PDF")
    .argument("<file>", "the filled PDF")
    .option("--json", "print the outcome as JSON")
    .action((file: string, o: { json?: boolean }) => run((s) => importCommand(s, file, o)));
  q.command("answers")
    .description("a questionnaire's answers: counts, averages, and CSV export")
    .argument("<questionnaire>", "questionnaire ID")
    .option("--csv <file>", "write the answers (one row per party) as CSV")
    .option("--summary", "with --csv: write the counts and averages instead")
    .option("--separator <char>", "CSV separator: , (default) or ; (decimal comma)", ",")
    .option("--json", "print the results and every answer as JSON")
    .action((id: string, o: AnswersOptions) => run((s) => answersCommand(s, id, o)));
}

function parseNumber(text: string, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${what} is a positive whole number, not "${text}"`);
  }
  return Number(text);
}

function listCommand(s: PactaServices, o: { archived?: boolean; json?: boolean }): void {
  const list = s.questionnaires.definitions.list(o.archived ?? false);
  if (o.json) {
    printJson(list);
    return;
  }
  if (list.length === 0) {
    out("No questionnaires yet.");
    return;
  }
  const rows = list.map((x) => [
    String(x.id),
    x.title,
    x.language,
    `v${x.version}`,
    String(x.questionCount),
    x.trigger ? `${x.trigger.stage}${x.trigger.partyRole ? ` (${x.trigger.partyRole})` : ""}` : "",
    `${x.answered}/${x.attachments}`,
  ]);
  out(table(["ID", "Title", "Lang", "Version", "Questions", "Trigger", "Answered"], rows));
}

function createCommand(s: PactaServices, file: string, o: { json?: boolean }): void {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    const why = error instanceof SyntaxError ? error.message : describeFsError(error);
    throw new Error(`cannot read ${file}: ${why}`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error(`${file}: expected one JSON object with a title and questions`);
  }
  const { trigger, ...content } = data as Record<string, unknown>;
  const parsed = stageTriggerSchema.nullish().safeParse(trigger);
  if (!parsed.success) {
    throw new Error(`${file}: trigger: ${describeIssues(issuesOf(parsed.error))}`);
  }
  let q: Questionnaire;
  try {
    q = s.questionnaires.definitions.create(content, parsed.data ?? null);
  } catch (error) {
    // A bad file fails the work (exit 1), not the command line.
    if (error instanceof PactaError) throw new Error(`${file}: ${error.message}`);
    throw error;
  }
  if (o.json) {
    printJson(q);
    return;
  }
  out(`Questionnaire #${q.id}: "${q.content.title}", ${q.content.questions.length} questions`);
}

interface AttachOptions {
  party: string;
  json?: boolean;
}

function attachCommand(s: PactaServices, qid: string, cid: string, o: AttachOptions): void {
  const questionnaireId = parseNumber(qid, "a questionnaire ID");
  const contractId = parseNumber(cid, "a contract ID");
  const parties = s.register.get(contractId).parties;
  let index = /^\d+$/.test(o.party) ? Number(o.party) - 1 : -1;
  if (index < 0) {
    index = parties.findIndex((p) => p.name.toLocaleLowerCase() === o.party.toLocaleLowerCase());
  }
  if (index < 0 || index >= parties.length) {
    const names = parties.map((p, i) => `${i + 1}. ${p.name}`).join(", ") || "none";
    throw new UsageError(
      `contract #${contractId} has no party "${o.party}"; its parties: ${names}`,
    );
  }
  let a: AttachmentDetail;
  try {
    a = s.questionnaires.answers.attach(questionnaireId, contractId, index);
  } catch (error) {
    // The command line was right (the party is checked above): an archived questionnaire or
    // one already waiting for this party's answers fails the work (exit 1).
    if (error instanceof PactaError && error.reason === "invalid_argument") {
      throw new Error(error.message);
    }
    throw error;
  }
  if (o.json) {
    printJson(a);
    return;
  }
  out(`Attachment #${a.id}: "${a.title}" (version ${a.version}) for ${a.party.name}`);
}

async function pdfCommand(
  s: PactaServices,
  idText: string,
  file: string,
  o: { json?: boolean },
): Promise<void> {
  const pdf = await s.questionnaires.pdf(parseNumber(idText, "an attachment ID"));
  const target = path.resolve(file);
  // Write beside the target, then rename: a crash never leaves half a PDF.
  const partial = `${target}.partial`;
  try {
    fs.writeFileSync(partial, pdf.bytes);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new Error(`cannot write ${file}: ${describeFsError(error)}`);
  }
  if (o.json) return printJson({ file: target, pages: pdf.pages });
  out(`${target}: ${pdf.pages} page${pdf.pages === 1 ? "" : "s"}`);
}

async function importCommand(s: PactaServices, file: string, o: { json?: boolean }) {
  let bytes: Buffer | null;
  let size: number;
  try {
    size = fs.statSync(file).size;
    bytes = size > PDF_MAX_BYTES ? null : fs.readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${describeFsError(error)}`);
  }
  // Too big is refused unread, in the same words and shape as every other refusal.
  const outcome: AnswerOutcome =
    bytes === null
      ? { stored: false, problems: [tooBig(path.basename(file), size)] }
      : await s.questionnaires.importPdf(path.basename(file), bytes);
  if (o.json) printJson(outcome);
  if (!outcome.stored) {
    // One line per problem, then the summary line every failed command ends with.
    if (!o.json)
      for (const p of outcome.problems) process.stderr.write(`pacta: ${printable(p.message)}\n`);
    throw new PactaError(
      "import_unreadable",
      `${file}: nothing imported (${outcome.problems.length} problem` +
        `${outcome.problems.length === 1 ? "" : "s"})`,
    );
  }
  if (o.json) return;
  const a = outcome.attachment;
  out(
    `Attachment #${a.id} ("${a.title}", ${a.party.name}): ` +
      `${outcome.response.changes.filter((c) => c.after !== null).length} answers imported`,
  );
}

interface AnswersOptions {
  csv?: string;
  summary?: boolean;
  separator: string;
  json?: boolean;
}

function answersCommand(s: PactaServices, idText: string, o: AnswersOptions): void {
  const id = parseNumber(idText, "a questionnaire ID");
  if (o.separator !== "," && o.separator !== ";") {
    throw new UsageError(`--separator takes , or ;, not "${o.separator}"`);
  }
  if (o.summary && !o.csv) throw new UsageError("--summary goes with --csv FILE");
  const results = s.questionnaires.results(id);
  if (o.csv) {
    const csv = s.questionnaires.csv(id, o.summary ? "summary" : "answers", o.separator);
    try {
      fs.writeFileSync(o.csv, csv.content);
    } catch (error) {
      throw new Error(`cannot write ${o.csv}: ${describeFsError(error)}`);
    }
  }
  if (o.json) {
    const attachments = s.questionnaires.answers.forQuestionnaire(id);
    printJson({ ...results, answers: attachments });
    return;
  }
  out(
    `"${results.title}" (version ${results.version}): ${results.answered} answered of ` +
      `${results.attachments} handed out`,
  );
  for (const r of results.questions) {
    const average = r.average === null ? "" : `, average ${r.average.toFixed(2)}`;
    const counts = r.counts.map((c) => `${c.option}: ${c.count}`).join(", ");
    out(
      `${r.questionId}. ${r.text} — ${r.answered} answer${r.answered === 1 ? "" : "s"}` +
        average +
        (counts ? ` (${counts})` : ""),
    );
  }
  if (o.csv) out(`Written: ${path.resolve(o.csv)}`);
}
