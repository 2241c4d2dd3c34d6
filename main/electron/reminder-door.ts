/**
 * What the Electron door shows for reminders, as pure functions tested
 * without Electron: the words of a notification, when many become one, the
 * tray menu, where a click goes, the login item.
 */
import type { FiredReminder, ReminderKind, UpcomingDate } from "../../shared/api/reminders";
import { type CalendarDate, daysBetween } from "../../shared/domain/calendar-date";

export type DoorLanguage = "fr" | "en";

const WORDS = {
  fr: {
    kinds: {
      notice_deadline: "Préavis de non-renouvellement",
      decision_date: "Décision de renouvellement",
      term_end: "Fin de période",
      stage_due: "Échéance d'étape",
      custom: "Date",
    },
    today: "aujourd'hui",
    inDays: (n: number) => (n === 1 ? "dans 1 jour" : `dans ${n} jours`),
    passed: "passée",
    late: "(en retard)",
    many: (n: number) => `${n} rappels Pacta`,
    manyBody: "Ouvrez Pacta pour les voir.",
    open: "Ouvrir Pacta",
    next: "Prochaines échéances",
    none: "Aucune échéance à venir",
    quit: "Quitter Pacta",
  },
  en: {
    kinds: {
      notice_deadline: "Notice deadline",
      decision_date: "Renewal decision",
      term_end: "Term ends",
      stage_due: "Stage due",
      custom: "Date",
    },
    today: "today",
    inDays: (n: number) => (n === 1 ? "in 1 day" : `in ${n} days`),
    passed: "passed",
    late: "(late)",
    many: (n: number) => `${n} Pacta reminders`,
    manyBody: "Open Pacta to see them.",
    open: "Open Pacta",
    next: "Next deadlines",
    none: "No deadlines ahead",
    quit: "Quit Pacta",
  },
} as const;

/** Beyond this many at once, one summary notification stands for them all. */
export const MAX_NOTIFICATIONS = 3;

export interface NotificationPlan {
  title: string;
  body: string;
  /** The contract a click opens; null opens the app on the register. */
  contractId: number | null;
}

function kindWords(kind: ReminderKind, label: string | null, language: DoorLanguage): string {
  const word = WORDS[language].kinds[kind];
  if (kind === "custom") return label ?? word;
  return kind === "stage_due" && label ? `${word} (${label})` : word;
}

/** A calendar date as the renderer writes it: `30 mars 2027`, `30 March 2027`. */
function dayText(date: CalendarDate, language: DoorLanguage): string {
  const [y, m, d] = date.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return date;
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: language === "fr" ? "medium" : "long",
    timeZone: "UTC",
  }).format(Date.UTC(y, m - 1, d));
}

function contractName(title: string, reference: string | null): string {
  return reference ? `${title} (${reference})` : title;
}

/** The notifications to show, on `today`, for reminders that just fired. */
export function planNotifications(
  fired: readonly FiredReminder[],
  language: DoorLanguage,
  today: CalendarDate,
  max = MAX_NOTIFICATIONS,
): NotificationPlan[] {
  const w = WORDS[language];
  if (fired.length > max) {
    return [{ title: w.many(fired.length), body: w.manyBody, contractId: null }];
  }
  return fired.map((r) => {
    const days = daysBetween(today, r.dueDate);
    const when = days === 0 ? w.today : days > 0 ? w.inDays(days) : w.passed;
    const late = r.late ? ` ${w.late}` : "";
    const due = dayText(r.dueDate, language);
    return {
      title: `${kindWords(r.kind, r.label, language)} ${when}${late}`,
      body: `${contractName(r.contractTitle, r.contractReference)} — ${due}`,
      contractId: r.contractId,
    };
  });
}

/** The renderer's hash route for a contract, or for the register. */
export function routeFor(contractId: number | null): string {
  return contractId === null ? "#/" : `#/contracts/${contractId}`;
}

/** Script that moves the open page to a route without reloading it. */
export function navigationScript(contractId: number | null): string {
  return `window.location.hash = ${JSON.stringify(routeFor(contractId))};`;
}

export type TrayItem =
  | { type: "open"; label: string }
  | { type: "heading"; label: string }
  | { type: "contract"; label: string; contractId: number }
  | { type: "separator" }
  | { type: "quit"; label: string };

/** The tray menu: open, the next deadlines (each opens its contract), quit. */
export function trayMenu(upcoming: readonly UpcomingDate[], language: DoorLanguage): TrayItem[] {
  const w = WORDS[language];
  const items: TrayItem[] = [
    { type: "open", label: w.open },
    { type: "separator" },
    { type: "heading", label: upcoming.length > 0 ? w.next : w.none },
  ];
  for (const u of upcoming) {
    const what = kindWords(u.kind, u.label, language);
    const name = contractName(u.contractTitle, u.contractReference);
    const label = `${dayText(u.dueDate, language)} · ${what} · ${name}`;
    items.push({
      type: "contract",
      label: label.length > 80 ? `${label.slice(0, 79)}…` : label,
      contractId: u.contractId,
    });
  }
  items.push({ type: "separator" }, { type: "quit", label: w.quit });
  return items;
}

/** The tray's tooltip: the nearest deadline, if any. */
export function trayTooltip(upcoming: readonly UpcomingDate[], language: DoorLanguage): string {
  const first = upcoming[0];
  if (!first) return "Pacta";
  const when = dayText(first.dueDate, language);
  return `Pacta — ${when} · ${kindWords(first.kind, first.label, language)}`;
}

/** Start at login: hidden, in the tray, so the scheduler runs without a window. */
export function loginItemSettings(startAtLogin: boolean): {
  openAtLogin: boolean;
  openAsHidden: boolean;
  args: string[];
} {
  return { openAtLogin: startAtLogin, openAsHidden: true, args: startAtLogin ? ["--hidden"] : [] };
}

/** True when the app was started at login and should stay in the tray. */
export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes("--hidden");
}

/**
 * The UI language the door speaks, from the system locale.
 *
 * TODO(i18n): the renderer's FR / EN choice lives in its localStorage, so a
 * person who picks English on a French system still gets French notifications
 * and tray menu; main needs that choice through the API to follow it.
 */
export function doorLanguage(locale: string): DoorLanguage {
  return locale.toLowerCase().startsWith("fr") ? "fr" : "en";
}
