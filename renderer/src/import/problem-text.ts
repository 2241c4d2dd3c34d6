/**
 * Import problems and review flags are written by main in English, stored
 * with the contract and printed as they are by the CLI. The UI shows them in
 * its language: each known sentence is matched and said again from the
 * tables, with the values it names. An unknown sentence is shown as written.
 */
import type { TFunction } from "i18next";
import { issueMessage } from "../contract/form-errors";
import type { Messages } from "../i18n/fr";

type ProblemKey = `import.problems.${keyof Messages["import"]["problems"] & string}`;

/** main's sentences (see main/import), the words for each, and the values they name. */
const KNOWN: [RegExp, ProblemKey][] = [
  [/^cannot read "(?<raw>.*)" as a date written (?<format>\S+)$/s, "import.problems.date"],
  [/^cannot read "(?<raw>.*)" as one duration\b/s, "import.problems.duration"],
  [/^"(?<raw>.*)" is not a known currency code$/s, "import.problems.currency"],
  [/^cannot read "(?<raw>.*)" as an amount in (?<currency>\S+)$/s, "import.problems.amount"],
  [/^"(?<raw>.*)" is not a renewal kind\b/s, "import.problems.renewalKind"],
  [/^"(?<raw>.*)" is not a stage of this register$/s, "import.problems.stage"],
  [/^an automatic renewal needs a renewal term\b/, "import.problems.automaticNoTerm"],
  [/^the amount's currency could not be read$/, "import.problems.amountCurrencyUnread"],
  [/^an amount needs a currency\b/, "import.problems.amountNeedsCurrency"],
  [/^only the first (?<count>\d+) parties were kept$/, "import.problems.tooManyParties"],
  [/^only the first (?<count>\d+) tags were kept$/, "import.problems.tooManyTags"],
  [
    /^read as evergreen \(no end date\); the rest of "(?<raw>.*)" was not used$/s,
    "import.problems.evergreenRest",
  ],
  [/^expected text, found\b/, "import.problems.expectedText"],
  [/^expected an object \{kind, term, notice\}$/, "import.problems.expectedRenewal"],
  [/^expected a list of parties$/, "import.problems.expectedParties"],
  [/^expected a list of tags$/, "import.problems.expectedTags"],
  [/^expected a contract object here$/, "import.problems.expectedContract"],
  [
    /^the reference "(?<reference>.*)" is also on row (?<row>\d+):/s,
    "import.problems.sameReference",
  ],
  [
    /^the row has (?<cells>\d+) cells but the header has (?<headers>\d+);/,
    "import.problems.cellCount",
  ],
  [/^the row's values could not be checked$/, "import.problems.unchecked"],
  [/^no title: the row was not imported$/, "import.problems.noTitle"],
  [/^no reference column:/, "import.problems.noReference"],
];

function one(sentence: string, t: TFunction): string {
  for (const [pattern, key] of KNOWN) {
    const m = pattern.exec(sentence);
    if (m) {
      const values: Record<string, unknown> = { ...m.groups };
      return t(key, values);
    }
  }
  // `title: a contract needs a title`, or a schema sentence the form also knows.
  const field = /^(?<field>[a-z][\w.]*): (?<rest>.+)$/s.exec(sentence);
  const rest = field?.groups?.rest ?? sentence;
  return issueMessage({ path: [], message: rest }, t);
}

/** An import problem or review flag in the UI language; several sentences joined by `; `. */
export function problemText(message: string, t: TFunction): string {
  // A quoted value can hold "; " itself: split only where a known sentence starts again.
  const parts = message.split(/; (?=an automatic renewal needs|only the first|read as evergreen)/);
  return parts.map((part) => one(part, t)).join(" ");
}
