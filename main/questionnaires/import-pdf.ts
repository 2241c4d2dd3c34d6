/**
 * Imports a filled questionnaire PDF: reads it, matches its mark to the
 * attachment it was made for, turns radio states back into answers and
 * stores them as one response, or stores nothing and names the problems.
 */
import { createHash } from "node:crypto";
import {
  type AnswerOutcome,
  type AnswerProblem,
  type Question,
  readAnswer,
  tooLong,
} from "../../shared/domain/questionnaires";
import type { QuestionnaireAnswers } from "./answers";
import type { QuestionnaireDefinitions } from "./definitions";
import { optionState } from "./form-fields";
import { fileProblem, readFilledPdf } from "./read-pdf";

export async function importFilledPdf(
  answers: QuestionnaireAnswers,
  definitions: QuestionnaireDefinitions,
  fileName: string,
  bytes: Uint8Array,
): Promise<AnswerOutcome> {
  const read = await readFilledPdf(fileName, bytes);
  if (!read.ok) return { stored: false, problems: [read.problem] };
  const { mark, fields } = read.pdf;
  type Refusal = "wrong_attachment" | "version_mismatch" | "already_imported";
  const refuse = (code: Refusal, m: string): AnswerOutcome => ({
    stored: false,
    problems: [fileProblem(code, `${fileName}: ${m}`)],
  });
  let row: ReturnType<QuestionnaireAnswers["row"]>;
  try {
    row = answers.row(mark.attachmentId);
  } catch {
    return refuse(
      "wrong_attachment",
      `it was made for questionnaire attachment #${mark.attachmentId}, which this register ` +
        "does not have (removed, or made by another register)",
    );
  }
  if (row.token !== mark.token || row.questionnaire_id !== mark.questionnaireId) {
    return refuse(
      "wrong_attachment",
      `it was made by another Pacta register (attachment #${mark.attachmentId} here is ` +
        `"${row.title}" for ${row.party_name}, not the one this PDF was made for)`,
    );
  }
  if (row.version !== mark.version) {
    return refuse(
      "version_mismatch",
      `it holds version ${mark.version} of "${row.title}", attachment #${row.id} was handed ` +
        `out in version ${row.version}`,
    );
  }
  const sha = createHash("sha256").update(bytes).digest("hex");
  const before = answers.importedBefore(row.id, sha);
  if (before) return refuse("already_imported", `this same file was imported on ${before}`);
  const questions = definitions.get(row.questionnaire_id, row.version).content.questions;
  const values: Record<string, string | null> = {};
  for (const q of questions) values[q.id] = answerOf(q, fields.get(q.id) ?? null);
  if (questions.some((q) => read.pdf.tooLong.has(q.id))) {
    // Named with every other problem of the file, as recording would name them.
    const problems: AnswerProblem[] = [];
    for (const q of questions) {
      if (read.pdf.tooLong.has(q.id)) {
        problems.push(tooLong(q, null));
        continue;
      }
      const checked = readAnswer(q, values[q.id] ?? null);
      if (!checked.ok) problems.push(checked.problem);
    }
    return { stored: false, problems };
  }
  return answers.record({
    attachmentId: row.id,
    values,
    source: "pdf",
    respondentName: read.pdf.respondentName,
    respondentEmail: read.pdf.respondentEmail,
    fileName,
    fileSha256: sha,
  });
}

/** A choice's radio state ("o2") back to its option; anything else as it came. */
function answerOf(q: Question, raw: string | null): string | null {
  if (raw === null || q.kind !== "choice") return raw;
  const index = q.options.findIndex((_, i) => optionState(i) === raw);
  return index >= 0 ? (q.options[index] ?? raw) : raw;
}
