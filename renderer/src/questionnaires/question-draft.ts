/**
 * A questionnaire as its editor holds it (options as lines of text), and
 * back to the content main checks.
 */
import type {
  QuestionKind,
  Questionnaire,
  QuestionnaireContentInput,
  StageTrigger,
} from "../../../shared/domain/questionnaires";

export interface QuestionDraft {
  /** Kept from version to version; absent on a question added here. */
  id: string | null;
  /** Stable key for React while the question is edited. */
  key: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  /** One option per line. */
  options: string;
}

export interface QuestionnaireDraft {
  title: string;
  language: "fr" | "en";
  intro: string;
  triggerStage: string | null;
  triggerRole: string;
  questions: QuestionDraft[];
}

let counter = 0;
function newKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function emptyQuestion(kind: QuestionKind = "scale"): QuestionDraft {
  return { id: null, key: newKey(), kind, text: "", required: false, options: "" };
}

export function emptyDraft(language: "fr" | "en"): QuestionnaireDraft {
  return {
    title: "",
    language,
    intro: "",
    triggerStage: null,
    triggerRole: "",
    questions: [emptyQuestion()],
  };
}

export function draftOf(q: Questionnaire): QuestionnaireDraft {
  return {
    title: q.content.title,
    language: q.content.language,
    intro: q.content.intro,
    triggerStage: q.trigger?.stage ?? null,
    triggerRole: q.trigger?.partyRole ?? "",
    questions: q.content.questions.map((x) => ({
      id: x.id,
      key: x.id,
      kind: x.kind,
      text: x.text,
      required: x.required,
      options: x.options.join("\n"),
    })),
  };
}

export function contentOf(d: QuestionnaireDraft): QuestionnaireContentInput {
  return {
    title: d.title,
    language: d.language,
    intro: d.intro,
    questions: d.questions.map((q) => ({
      ...(q.id ? { id: q.id } : {}),
      kind: q.kind,
      text: q.text,
      required: q.required,
      options:
        q.kind === "choice"
          ? q.options
              .split("\n")
              .map((o) => o.trim())
              .filter(Boolean)
          : [],
    })),
  };
}

export function triggerOf(d: QuestionnaireDraft): StageTrigger | null {
  return d.triggerStage ? { stage: d.triggerStage, partyRole: d.triggerRole.trim() || null } : null;
}

/** Moves item `from` to `to` in a copy of the list. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item === undefined || to < 0 || to > copy.length) return [...list];
  copy.splice(to, 0, item);
  return copy;
}
