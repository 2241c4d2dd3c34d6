/**
 * Key dates as an iCalendar file (RFC 5545) written with the `ics` package:
 * one all-day event per date from today on, with a display alarm for each
 * lead time at the configured time of day, so Outlook or Google Calendar
 * remind the way Pacta does.
 */
import type { Statement } from "better-sqlite3";
import { type Alarm, createEventsAsync, type DateArray, type EventAttributes } from "ics";
import type { IcsFile } from "../../shared/api/reminders";
import { addDays, type CalendarDate } from "../../shared/domain/calendar-date";
import { type ExplainLocale, summarizeKeyDates } from "../../shared/domain/explain-dates";
import { computeKeyDates } from "../../shared/domain/key-dates";
import {
  type Occurrence,
  occurrencesOf,
  type ReminderKind,
  type ReminderSettings,
  type ReminderSource,
} from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";

const WORDS: Record<ExplainLocale, Record<ReminderKind, string> & { reminder: string }> = {
  fr: {
    notice_deadline: "Préavis de non-renouvellement",
    decision_date: "Décision de renouvellement",
    term_end: "Fin de période",
    stage_due: "Échéance d'étape",
    custom: "Date",
    reminder: "Rappel Pacta",
  },
  en: {
    notice_deadline: "Notice deadline",
    decision_date: "Renewal decision",
    term_end: "Term ends",
    stage_due: "Stage due",
    custom: "Date",
    reminder: "Pacta reminder",
  },
};

export interface IcsOptions {
  today: CalendarDate;
  settings: Pick<ReminderSettings, "leadDays" | "fireTime">;
  language: ExplainLocale;
  /** Names the file after one contract. */
  contractId?: number;
}

function dateArray(date: CalendarDate): DateArray {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

/** An alarm `leadDays` before an all-day event, at `fireTime` on that day. */
export function alarmFor(leadDays: number, fireTime: string, description: string): Alarm {
  const [hh, mm] = fireTime.split(":").map(Number) as [number, number];
  const minutes = -leadDays * 1440 + hh * 60 + mm;
  const size = Math.abs(minutes);
  return {
    action: "display",
    description,
    trigger: {
      days: Math.floor(size / 1440),
      hours: Math.floor((size % 1440) / 60),
      minutes: size % 60,
      before: minutes < 0,
    },
  };
}

function summaryOf(o: Occurrence, words: Record<ReminderKind, string>, contract: string): string {
  if (o.kind === "custom") return `${o.label ?? words.custom} — ${contract}`;
  if (o.kind === "stage_due") return `${words.stage_due} (${o.label}) — ${contract}`;
  return `${words[o.kind]} — ${contract}`;
}

export async function buildIcs(
  db: Db,
  sources: readonly ReminderSource[],
  options: IcsOptions,
): Promise<IcsFile> {
  const titles: Statement = db.prepare("SELECT title, reference FROM contracts WHERE id = ?");
  const words = WORDS[options.language];
  const events: EventAttributes[] = [];
  for (const source of sources) {
    const occurrences = occurrencesOf(source, options.today);
    if (occurrences.length === 0) continue;
    const c = titles.get(source.contractId) as { title: string; reference: string | null };
    const contract = c.reference ? `${c.title} (${c.reference})` : c.title;
    const input = {
      endDate: source.endDate,
      renewal: source.renewal,
      effectiveDate: source.effectiveDate,
    };
    const explained = summarizeKeyDates(
      input,
      computeKeyDates(input, options.today, { workingDays: source.workingDays }),
      options.language,
    );
    const leads = source.leadDays ?? options.settings.leadDays;
    for (const o of occurrences) {
      const summary = summaryOf(o, words, contract);
      const suffix = o.sourceId === null ? "" : `-${o.sourceId}`;
      events.push({
        uid: `${source.contractId}-${o.kind}${suffix}-${o.dueDate}@pacta`,
        title: summary,
        description: o.kind === "custom" || o.kind === "stage_due" ? summary : explained,
        start: dateArray(o.dueDate),
        end: dateArray(addDays(o.dueDate, 1)),
        transp: "TRANSPARENT",
        categories: ["Pacta"],
        alarms: leads.map((lead) =>
          alarmFor(lead, options.settings.fireTime, `${words.reminder}: ${summary}`),
        ),
      });
    }
  }
  const stamp = options.today;
  const fileName =
    options.contractId === undefined
      ? `pacta-${stamp}.ics`
      : `pacta-contract-${options.contractId}-${stamp}.ics`;
  const header = { productId: "-//Pacta//Contract reminders//EN", calName: "Pacta" };
  const built = await createEventsAsync(events, header);
  if (built.error || built.value === null) {
    throw new Error(`cannot write the calendar: ${built.error?.message ?? "no output"}`);
  }
  return { fileName, content: built.value, events: events.length };
}
