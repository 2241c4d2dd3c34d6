/**
 * A questionnaire's answers taken together: counts per option, averages of
 * scales, and CSV files for a spreadsheet (`,` with a decimal point, or `;`
 * with a decimal comma as French Excel expects).
 */
import type {
  AttachmentDetail,
  ChoiceCount,
  Question,
  QuestionnaireResults,
  QuestionResult,
} from "../../shared/domain/questionnaires";
import type { QuestionnaireAnswers } from "./answers";
import type { QuestionnaireDefinitions } from "./definitions";

export type CsvSeparator = "," | ";";
export type CsvKind = "answers" | "summary";

/** An answer as it was given to the question of the newest version (same id, same kind). */
function valueFor(a: AttachmentDetail, q: Question): string | null {
  const asked = a.questions.find((x) => x.id === q.id);
  if (!asked || asked.kind !== q.kind) return null;
  return a.answers.find((x) => x.questionId === q.id)?.value ?? null;
}

export function questionnaireResults(
  definitions: QuestionnaireDefinitions,
  answers: QuestionnaireAnswers,
  id: number,
): QuestionnaireResults {
  const q = definitions.get(id);
  const attachments = answers.forQuestionnaire(id);
  const answered = attachments.filter((a) => a.status === "answered");
  return {
    questionnaireId: id,
    title: q.content.title,
    version: q.version,
    attachments: attachments.length,
    answered: answered.length,
    questions: q.content.questions.map((question) => resultOf(question, answered)),
  };
}

function resultOf(q: Question, attachments: AttachmentDetail[]): QuestionResult {
  const values = attachments.map((a) => valueFor(a, q)).filter((v): v is string => v !== null);
  const keys =
    q.kind === "choice"
      ? q.options
      : q.kind === "yesno"
        ? ["yes", "no"]
        : q.kind === "scale"
          ? ["1", "2", "3", "4", "5"]
          : [];
  const counts: ChoiceCount[] = keys.map((option) => ({ option, count: 0 }));
  if (keys.length > 0) {
    for (const v of values) {
      const entry = counts.find((c) => c.option === v);
      // An option of an older version, since renamed or removed, still counts.
      if (entry) entry.count += 1;
      else counts.push({ option: v, count: 1 });
    }
  }
  const average =
    q.kind === "scale" && values.length > 0
      ? values.reduce((sum, v) => sum + Number(v), 0) / values.length
      : null;
  return { questionId: q.id, kind: q.kind, text: q.text, answered: values.length, counts, average };
}

const WORDS = {
  fr: {
    answers: [
      "Référence du contrat",
      "Contrat",
      "Destinataire",
      "Répondant",
      "E-mail",
      "Saisie",
      "Date",
    ],
    summary: ["Question", "Réponse", "Nombre", "Moyenne"],
    yes: "oui",
    no: "non",
    average: "moyenne",
    sources: { pdf: "PDF", manual: "à la main", correction: "correction" },
  },
  en: {
    answers: ["Contract reference", "Contract", "Party", "Respondent", "Email", "Source", "Date"],
    summary: ["Question", "Answer", "Count", "Average"],
    yes: "yes",
    no: "no",
    average: "average",
    sources: { pdf: "PDF", manual: "by hand", correction: "correction" },
  },
} as const;

export function questionnaireCsv(
  definitions: QuestionnaireDefinitions,
  answers: QuestionnaireAnswers,
  id: number,
  kind: CsvKind,
  separator: CsvSeparator,
): { fileName: string; content: string } {
  const q = definitions.get(id);
  const w = WORDS[q.content.language];
  const number = (n: number) => {
    const text = (Math.round(n * 100) / 100).toString();
    return separator === ";" ? text.replace(".", ",") : text;
  };
  const shown = (question: Question, v: string | null) =>
    v === null ? null : question.kind === "yesno" ? (v === "yes" ? w.yes : w.no) : v;
  const rows: (string | null)[][] = [];
  if (kind === "answers") {
    rows.push([...w.answers, ...q.content.questions.map((x) => `${x.id}. ${x.text}`)]);
    for (const a of answers.forQuestionnaire(id)) {
      const last = a.responses.at(-1);
      if (!last) continue;
      rows.push([
        a.contractReference,
        a.contractTitle,
        a.party.name,
        last.respondentName,
        last.respondentEmail,
        w.sources[last.source],
        last.at.slice(0, 10),
        ...q.content.questions.map((x) => shown(x, valueFor(a, x))),
      ]);
    }
  } else {
    rows.push([...w.summary]);
    for (const r of questionnaireResults(definitions, answers, id).questions) {
      const question = q.content.questions.find((x) => x.id === r.questionId);
      if (!question) continue;
      const label = `${r.questionId}. ${r.text}`;
      if (r.counts.length === 0) rows.push([label, null, String(r.answered), null]);
      for (const c of r.counts) {
        rows.push([label, shown(question, c.option), String(c.count), null]);
      }
      if (r.average !== null) rows.push([label, w.average, String(r.answered), number(r.average)]);
    }
  }
  const lines = rows.map((cells) => cells.map((c) => csvCell(c, separator)).join(separator));
  const base = q.content.title
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return {
    fileName: `${base.slice(0, 80) || `questionnaire-${id}`} (${kind}).csv`,
    // A byte-order mark lets spreadsheet programs read the accents right.
    content: `\uFEFF${lines.join("\r\n")}\r\n`,
  };
}

function csvCell(value: string | null, separator: CsvSeparator): string {
  if (value === null) return "";
  const formula = /^[=+\-@\t\r]/.test(value) && !/^-\d+([.,]\d+)?$/.test(value);
  const safe = formula ? `'${value}` : value;
  const special = separator === ";" ? /[";\r\n]/ : /[",\r\n]/;
  return special.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
