/** How an answer reads in the UI: yes/no in the UI's words, dates in its format. */
import type { QuestionKind } from "../../../shared/domain/questionnaires";

export interface AnswerWords {
  yes: string;
  no: string;
  date: (iso: string) => string | null;
}

export function answerText(
  kind: QuestionKind,
  value: string | null,
  w: AnswerWords,
): string | null {
  if (value === null) return null;
  if (kind === "yesno") return value === "yes" ? w.yes : value === "no" ? w.no : value;
  if (kind === "date") return w.date(value) ?? value;
  return value;
}
