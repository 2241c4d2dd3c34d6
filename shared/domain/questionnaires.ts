/**
 * Questionnaires for a contract's parties: their questions, the answers a
 * party gives, and the pure rules that read an answer (from a PDF field, a
 * form or a file) into the one form the register keeps.
 */
import { z } from "zod";
import { isCalendarDate } from "./calendar-date";

export const QUESTION_KINDS = ["text", "choice", "scale", "date", "yesno"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const ANSWER_MAX_LENGTH = 5000;
/** A filled PDF larger than this is refused before it is read. */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

/** Question ids are kept from version to version: `q1`, `q2`, ... */
export const questionIdSchema = z.string().regex(/^q\d{1,4}$/, "expected a question id like q3");

export const questionSchema = z
  .object({
    /** Absent on a new question: the register gives it the next free id. */
    id: questionIdSchema.optional(),
    kind: z.enum(QUESTION_KINDS),
    text: z.string().trim().min(1, "a question needs its text").max(500),
    required: z.boolean().default(false),
    /** The options of a choice question (one is picked); ignored for other kinds. */
    options: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
  })
  .superRefine((q, ctx) => {
    if (q.kind !== "choice") return;
    if (q.options.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: "a choice question needs at least two options",
      });
    }
    const seen = new Set<string>();
    q.options.forEach((o, i) => {
      const key = o.toLocaleLowerCase();
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["options", i], message: `"${o}" is given twice` });
      }
      seen.add(key);
    });
  })
  .transform((q) => ({ ...q, options: q.kind === "choice" ? q.options : [] }));
export type QuestionInput = z.input<typeof questionSchema>;

export const questionnaireContentSchema = z
  .object({
    title: z.string().trim().min(1, "a questionnaire needs a title").max(200),
    language: z.enum(["fr", "en"]).default("fr"),
    /** A few words printed under the title. */
    intro: z.string().trim().max(2000).default(""),
    questions: z.array(questionSchema).min(1, "a questionnaire needs a question").max(100),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.questions.forEach((q, i) => {
      if (!q.id) return;
      if (ids.has(q.id)) {
        ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `${q.id} twice` });
      }
      ids.add(q.id);
    });
  });
export type QuestionnaireContentInput = z.input<typeof questionnaireContentSchema>;

export interface Question {
  id: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  options: string[];
}

export interface QuestionnaireContent {
  title: string;
  language: "fr" | "en";
  intro: string;
  questions: Question[];
}

/** When a contract enters `stage`, the questionnaire is attached to its parties (once). */
export interface StageTrigger {
  stage: string;
  /** Parties with this role; null: every party that is not the firm's own. */
  partyRole: string | null;
}

export interface QuestionnaireSummary {
  id: number;
  title: string;
  language: "fr" | "en";
  version: number;
  questionCount: number;
  archived: boolean;
  trigger: StageTrigger | null;
  attachments: number;
  answered: number;
  updatedAt: string;
}

export interface Questionnaire {
  id: number;
  version: number;
  /** The newest version (the one shown may be older). */
  currentVersion: number;
  content: QuestionnaireContent;
  archived: boolean;
  trigger: StageTrigger | null;
  savedAt: string;
  savedBy: string;
}

export const ANSWER_SOURCES = ["pdf", "manual", "correction"] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/** One answer as it stands, with the values it replaced. */
export interface Answer {
  questionId: string;
  /** Canonical: text, the option, "1".."5", YYYY-MM-DD, "yes"/"no"; null when not answered. */
  value: string | null;
  responseId: number;
}

/** One time answers came in: a PDF import, an entry by hand, or a correction. */
export interface QuestionnaireResponse {
  id: number;
  source: AnswerSource;
  respondentName: string;
  respondentEmail: string | null;
  at: string;
  recordedBy: string;
  fileName: string | null;
  /** Question id → [the value before, the value given]. */
  changes: { questionId: string; before: string | null; after: string | null }[];
}

export interface Attachment {
  id: number;
  questionnaireId: number;
  title: string;
  version: number;
  contractId: number;
  contractTitle: string;
  contractReference: string | null;
  party: { name: string; email: string | null; role: string | null };
  /** Set when a stage trigger attached it. */
  triggerStage: string | null;
  createdAt: string;
  createdBy: string;
  status: "pending" | "answered";
}

export interface AttachmentDetail extends Attachment {
  questions: Question[];
  answers: Answer[];
  /** Oldest first. */
  responses: QuestionnaireResponse[];
}

export const ANSWER_PROBLEMS = [
  "required_missing",
  "scale_out_of_range",
  "date_unreadable",
  "choice_unknown",
  "yesno_unreadable",
  "text_too_long",
  "unknown_question",
  "not_a_pdf",
  "too_big",
  "encrypted",
  "damaged",
  "not_ours",
  "wrong_attachment",
  "version_mismatch",
  "already_imported",
  "no_change",
] as const;
export type AnswerProblemCode = (typeof ANSWER_PROBLEMS)[number];

/** Why answers were refused: a code for the UI's words, and English words naming what. */
export interface AnswerProblem {
  code: AnswerProblemCode;
  questionId: string | null;
  /** The question's text, so that a message can name it. */
  question: string | null;
  /** What was found (the value, the size...), when it helps. */
  found: string | null;
  message: string;
}

export type AnswerOutcome =
  | { stored: true; attachment: AttachmentDetail; response: QuestionnaireResponse }
  | { stored: false; problems: AnswerProblem[] };

export interface ChoiceCount {
  option: string;
  count: number;
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  text: string;
  answered: number;
  /** choice, yesno (yes/no) and scale (1..5) questions: how many gave each. */
  counts: ChoiceCount[];
  /** scale questions: the mean of the answers, null when none. */
  average: number | null;
}

export interface QuestionnaireResults {
  questionnaireId: number;
  title: string;
  version: number;
  attachments: number;
  answered: number;
  questions: QuestionResult[];
}

/** The days of the month, then the month, then the year: 31/12/2026, 31.12.2026, 31-12-2026. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** Reads what a person typed as a date; null when it is not one. */
export function readDate(text: string): string | null {
  const t = text.trim();
  if (isCalendarDate(t)) return t;
  const m = DAY_FIRST.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
  return isCalendarDate(iso) ? iso : null;
}

const YES = new Set(["yes", "oui", "y", "o", "true", "1"]);
const NO = new Set(["no", "non", "n", "false", "0"]);

export type ReadAnswer = { ok: true; value: string | null } | { ok: false; problem: AnswerProblem };

/** The problem of an answer longer than ANSWER_MAX_LENGTH; `found` keeps only its start. */
export function tooLong(q: Question, found: string | null): AnswerProblem {
  return {
    code: "text_too_long",
    questionId: q.id,
    question: q.text,
    found: found === null ? null : `${found.slice(0, 100)}…`,
    message: `question ${q.id} ("${q.text}"): more than ${ANSWER_MAX_LENGTH} characters`,
  };
}

/**
 * Reads one answer into its canonical form. `raw` null or blank is "not
 * answered" (refused for a required question when `requireAnswers`).
 */
export function readAnswer(q: Question, raw: string | null, requireAnswers = true): ReadAnswer {
  const text = raw?.trim() ?? "";
  const problem = (code: AnswerProblemCode, message: string): ReadAnswer => ({
    ok: false,
    problem: { code, questionId: q.id, question: q.text, found: text || null, message },
  });
  const name = `question ${q.id} ("${q.text}")`;
  if (text === "") {
    if (q.required && requireAnswers) return problem("required_missing", `${name} is required`);
    return { ok: true, value: null };
  }
  switch (q.kind) {
    case "text":
      if (text.length > ANSWER_MAX_LENGTH) return { ok: false, problem: tooLong(q, text) };
      return { ok: true, value: text };
    case "choice": {
      const option = q.options.find((o) => o.toLocaleLowerCase() === text.toLocaleLowerCase());
      if (option) return { ok: true, value: option };
      return problem(
        "choice_unknown",
        `${name}: "${text}" is not one of its options (${q.options.join(", ")})`,
      );
    }
    case "scale": {
      const n = Number(text.replace(",", "."));
      if (Number.isInteger(n) && n >= SCALE_MIN && n <= SCALE_MAX) {
        return { ok: true, value: String(n) };
      }
      return problem("scale_out_of_range", `${name}: "${text}" is not a whole number from 1 to 5`);
    }
    case "date": {
      const date = readDate(text);
      if (date) return { ok: true, value: date };
      return problem("date_unreadable", `${name}: "${text}" is not a date (DD/MM/YYYY)`);
    }
    case "yesno": {
      const low = text.toLocaleLowerCase();
      if (YES.has(low)) return { ok: true, value: "yes" };
      if (NO.has(low)) return { ok: true, value: "no" };
      return problem("yesno_unreadable", `${name}: "${text}" is neither yes nor no`);
    }
  }
}
