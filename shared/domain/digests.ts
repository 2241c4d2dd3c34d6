/**
 * KPI digests: for one responsible person, what is late and what is due
 * within 30 days, as of a day. Sent once a day at the person's time, as a
 * desktop notification and, when connected, a Bitrix24 notification.
 */
import { z } from "zod";
import { fireTimeSchema } from "./reminder-rules";

export const DIGEST_DAYS = 30;
export const DEFAULT_DIGEST_TIME = "08:30";

/** A stage a person holds, late or due soon. */
export interface DigestItem {
  contractId: number;
  title: string;
  reference: string | null;
  stage: string;
  dueDate: string;
  /** Days past the due date (late items), else 0. */
  daysLate: number;
}

export interface Digest {
  personId: number;
  person: string;
  today: string;
  /** Stages the person holds past their due date, most late first. */
  late: DigestItem[];
  /** Stages the person holds due within 30 days, soonest first. */
  dueSoon: DigestItem[];
  /** Of the contracts whose current stage the person holds: term ends within 30 days. */
  endingWithin30: number;
  /** Of the same contracts: notice deadlines and decision dates within 30 days. */
  noticeDueWithin30: number;
}

export interface DigestSetting {
  personId: number;
  person: string;
  email: string;
  /** The person's Bitrix24 user id; null: no portal notification. */
  bitrixUserId: string | null;
  enabled: boolean;
  /** Local time of day, `HH:MM`. */
  time: string;
}

/** A digest that went out, numbered in the order digests went out. */
export interface FiredDigest {
  seq: number;
  day: string;
  firedAt: string;
  /** It went out more than five minutes after its time (the app was closed, say). */
  late: boolean;
  digest: Digest;
}

export const digestSettingInputSchema = z.object({
  personId: z.number().int().positive(),
  enabled: z.boolean(),
  time: fireTimeSchema,
});
export type DigestSettingInput = z.output<typeof digestSettingInputSchema>;

/** The digest in a line or two, for a notification. */
export function digestSummary(d: Digest, language: "fr" | "en"): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  if (language === "fr") {
    return (
      `${n(d.late.length, "étape en retard", "étapes en retard")} ; sous 30 jours : ` +
      `${n(d.dueSoon.length, "échéance d'étape", "échéances d'étape")}, ` +
      `${n(d.endingWithin30, "fin de contrat", "fins de contrat")}, ` +
      `${n(d.noticeDueWithin30, "préavis", "préavis")}.`
    );
  }
  return (
    `${n(d.late.length, "late stage", "late stages")}; within 30 days: ` +
    `${n(d.dueSoon.length, "stage deadline", "stage deadlines")}, ` +
    `${n(d.endingWithin30, "contract ending", "contracts ending")}, ` +
    `${n(d.noticeDueWithin30, "notice due", "notices due")}.`
  );
}
