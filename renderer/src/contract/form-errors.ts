/**
 * Turns the shared schema's issues (and the server's `issues`) into messages
 * next to the form's fields, in the UI language.
 */
import type { TFunction } from "i18next";
import type { FieldIssue } from "../../../shared/api/result";
import type { Messages } from "../i18n/fr";

type ValidationKey = `validation.${keyof Messages["validation"] & string}`;

/** A schema issue as zod reports it, or as the server sends it back. */
export interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

/** The schema's own messages (English) and the key of our words for each. */
const KNOWN: [RegExp, ValidationKey][] = [
  [/^a contract needs a title/, "validation.titleRequired"],
  [/^a party needs a name/, "validation.partyNameRequired"],
  [/^expected an email address/, "validation.email"],
  [/^expected a real date/, "validation.date"],
  [/^expected an ISO 8601 duration/, "validation.duration"],
  [/^expected an ISO 4217 currency/, "validation.currency"],
  [/^a value needs a currency/, "validation.valueNeedsCurrency"],
  [/^more decimals than/, "validation.tooManyDecimals"],
  [/^too large to be kept exactly/, "validation.amountTooLarge"],
  [/^the end date is before the effective date/, "validation.endBeforeEffective"],
  [/^an automatic renewal needs a renewal term/, "validation.automaticNeedsTerm"],
  [/^already used by another contract/, "validation.referenceTaken"],
  [/^unknown stage/, "validation.unknownStage"],
];

/** The form field that shows an issue at this schema path. */
export function formPath(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join(".");
  // Durations are edited as an amount and a unit; the message goes under the amount.
  if (dotted === "renewal.term" || dotted === "renewal.notice") return `${dotted}.amount`;
  if (dotted === "") return "title";
  // A tag's message shows under the tags input.
  if (path[0] === "tags") return "tags";
  return dotted;
}

export function issueMessage(issue: IssueLike, t: TFunction): string {
  for (const [pattern, key] of KNOWN) {
    if (pattern.test(issue.message)) return t(key);
  }
  const last = issue.path[issue.path.length - 1];
  if (issue.code === "too_big") {
    const list = issue.path.length === 1 && (last === "parties" || last === "tags");
    return list ? t("validation.tooMany") : t("validation.tooLong");
  }
  if (issue.code === "invalid_type" && last === "value") return t("validation.number");
  if (last === "title" && issue.code === "too_small") return t("validation.titleRequired");
  return issue.message;
}

/** Form errors keyed by field path, first message per field. */
export function issuesToErrors(
  issues: readonly (IssueLike | FieldIssue)[],
  t: TFunction,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = formPath(issue.path);
    errors[path] ??= issueMessage(issue, t);
  }
  return errors;
}
