/**
 * Reminders computed on the fly from the contracts as of any moment, joined
 * with their stored state: what `pacta reminders --now` shows. It writes
 * nothing, so a look at next year claims and builds nothing.
 *
 * TODO(reminders): it computes every contract (~1.5 s per 10,000 contracts);
 * when `now` falls on the schedule's day and nothing changed since its last
 * refresh, the materialised schedule could answer instead.
 */
import type { Reminder } from "../../shared/api/reminders";
import { localToday } from "../../shared/domain/calendar-date";
import {
  type ReminderSettings,
  type ReminderSource,
  type ReminderState,
  scheduleOf,
} from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";
import { type ReminderViews, selectDue, toReminder } from "./views";

export interface PreviewOptions {
  now: Date;
  /** Also what becomes due by then. */
  until: Date;
  /** Default: every state. */
  states?: readonly ReminderState[];
}

export function previewReminders(
  db: Db,
  sources: readonly ReminderSource[],
  settings: ReminderSettings,
  views: ReminderViews,
  options: PreviewOptions,
): Reminder[] {
  const asOf = localToday(options.now);
  const until = options.until.toISOString();
  const titles = db.prepare("SELECT title, reference FROM contracts WHERE id = ?");
  const out: Reminder[] = [];
  for (const source of sources) {
    const rows = scheduleOf(source, asOf, settings).filter((r) => r.fireAt <= until);
    if (rows.length === 0) continue;
    const c = titles.get(source.contractId) as { title: string; reference: string | null };
    for (const r of rows) {
      const state = views.stateOf(r.key);
      out.push(
        toReminder({
          key: r.key,
          contract_id: r.contractId,
          kind: r.kind,
          label: r.label,
          due_date: r.dueDate,
          lead_days: r.leadDays,
          fire_at: r.fireAt,
          state: state?.state ?? null,
          late: state?.late ?? null,
          fired_at: state?.fired_at ?? null,
          snoozed_until: state?.snoozed_until ?? null,
          dismissed_reason: state?.dismissed_reason ?? null,
          seq: state?.seq ?? null,
          title: c.title,
          reference: c.reference,
        }),
      );
    }
  }
  const all: ReminderState[] = ["pending", "fired", "snoozed", "dismissed"];
  return selectDue(out, options.now.toISOString(), until, options.states ?? all);
}
