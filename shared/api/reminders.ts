/** The reminders group of the API: due reminders, snooze, dismiss, calendar export. */
import { z } from "zod";
import { calendarDateSchema } from "../domain/contract";
import {
  fireTimeSchema,
  leadDaysSchema,
  REMINDER_STATES,
  type ReminderKind,
  type ReminderSettings,
  type ReminderState,
  SNOOZE_PRESETS,
} from "../domain/reminder-rules";
import { endpoint } from "./endpoint";

export type { ReminderKind, ReminderSettings, ReminderState };

/** One reminder: a lead time before one of a contract's dates. */
export interface Reminder {
  /** `contractId:kind:[sourceId:]dueDate:leadDays`; a changed date gives a new key. */
  key: string;
  contractId: number;
  contractTitle: string;
  contractReference: string | null;
  kind: ReminderKind;
  /** The stage key (stage_due) or the custom date's label (custom). */
  label: string | null;
  dueDate: string;
  /** Days before `dueDate`; 0 is the day itself. */
  leadDays: number;
  /** When it fires (or fired), an ISO instant. */
  fireAt: string;
  state: ReminderState;
  /** It fired more than five minutes after `fireAt` (the app was closed, say). */
  late: boolean;
  firedAt: string | null;
  snoozedUntil: string | null;
  dismissedReason: string | null;
}

/** A reminder that fired, numbered in the order reminders fired. */
export interface FiredReminder extends Reminder {
  seq: number;
}

export interface ReminderFeed {
  /** Pass it back as `since` to get only what fired after this answer. */
  cursor: number;
  items: FiredReminder[];
}

/** A contract's own reminder options (null follows the global setting). */
export interface ContractReminderSettings {
  contractId: number;
  workingDays: boolean | null;
  leadDays: number[] | null;
  /** What applies once the global settings fill the gaps. */
  effective: { workingDays: boolean; leadDays: number[] };
}

export interface CustomDate {
  id: number;
  contractId: number;
  date: string;
  label: string;
}

/** A date coming up, for the tray menu and dashboards. */
export interface UpcomingDate {
  contractId: number;
  contractTitle: string;
  contractReference: string | null;
  kind: ReminderKind;
  label: string | null;
  dueDate: string;
}

export interface IcsFile {
  fileName: string;
  content: string;
  events: number;
}

const contractId = z.number().int().positive();
const reminderKey = z.string().trim().min(1).max(300);

export const remindersApi = {
  /** What is due now, or will be within `within` days; newest due first. */
  list: endpoint<Reminder[]>()(
    z.object({
      within: z.number().int().min(0).max(3650).default(0),
      /** Default: pending, fired and snoozed. */
      states: z.array(z.enum(REMINDER_STATES)).min(1).optional(),
      limit: z.number().int().min(1).max(5000).default(500),
    }),
  ),
  upcoming: endpoint<UpcomingDate[]>()(
    z.object({ limit: z.number().int().min(1).max(50).default(5) }),
  ),
  snooze: endpoint<Reminder>()(
    z
      .object({
        key: reminderKey,
        preset: z.enum(SNOOZE_PRESETS).optional(),
        /** ISO date-time; without an offset it is local time. */
        until: z.iso.datetime({ offset: true, local: true }).optional(),
      })
      .refine((v) => (v.preset === undefined) !== (v.until === undefined), {
        message: "give either a preset or an until time",
        path: ["until"],
      }),
  ),
  /** Dismisses the reminder and the other lead times of the same date. */
  dismiss: endpoint<Reminder>()(
    z.object({ key: reminderKey, reason: z.string().trim().min(1).max(500) }),
  ),
  /** Reminders that fired after `since`, oldest first (for in-app notifications). */
  feed: endpoint<ReminderFeed>()(
    z.object({
      since: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  getSettings: endpoint<ReminderSettings>()(z.object({})),
  setSettings: endpoint<ReminderSettings>()(
    z.object({
      leadDays: leadDaysSchema.optional(),
      fireTime: fireTimeSchema.optional(),
      workingDays: z.boolean().optional(),
      startAtLogin: z.boolean().optional(),
    }),
  ),
  getContractSettings: endpoint<ContractReminderSettings>()(z.object({ contractId })),
  setContractSettings: endpoint<ContractReminderSettings>()(
    z.object({
      contractId,
      workingDays: z.boolean().nullable(),
      leadDays: leadDaysSchema.nullable(),
    }),
  ),
  listCustomDates: endpoint<CustomDate[]>()(z.object({ contractId })),
  addCustomDate: endpoint<CustomDate>()(
    z.object({ contractId, date: calendarDateSchema, label: z.string().trim().min(1).max(200) }),
  ),
  removeCustomDate: endpoint<{ id: number }>()(z.object({ id: z.number().int().positive() })),
  /** The key dates as an iCalendar file: one contract, or the whole register. */
  exportIcs: endpoint<IcsFile>()(
    z.object({
      contractId: contractId.optional(),
      language: z.enum(["fr", "en"]).default("fr"),
    }),
  ),
} as const;
