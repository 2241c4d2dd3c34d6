/**
 * The contract as both processes see it, and the schemas that check what a
 * person or a file sends before it reaches the register.
 */
import { z } from "zod";
import { isCalendarDate } from "./calendar-date";
import { normalizeIsoDuration } from "./duration";
import { isCurrencyCode, MAX_EXACT_MINOR, majorToMinor, minorDigits } from "./money";

export const RENEWAL_KINDS = ["none", "automatic", "optional", "evergreen"] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

export const calendarDateSchema = z
  .string()
  .trim()
  .refine(isCalendarDate, { message: "expected a real date written YYYY-MM-DD" });

export const isoDurationSchema = z
  .string()
  .trim()
  .refine((v) => normalizeIsoDuration(v) !== null, {
    message: "expected an ISO 8601 duration such as P1Y, P6M or P30D",
  })
  .transform((v) => normalizeIsoDuration(v) ?? v);

export const currencySchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCurrencyCode, { message: "expected an ISO 4217 currency code such as EUR" });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const partySchema = z.object({
  name: z.string().trim().min(1, "a party needs a name").max(300),
  role: optionalText(120),
  signatory: optionalText(200),
  email: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, {
      message: "expected an email address",
    }),
  /** True for the firm's own side; the counterparty is the first party that is not. */
  internal: z.boolean().default(false),
});
export type Party = z.output<typeof partySchema>;
export type PartyInput = z.input<typeof partySchema>;

export const renewalSchema = z.object({
  kind: z.enum(RENEWAL_KINDS).default("none"),
  term: isoDurationSchema.nullish().transform((v) => v ?? null),
  notice: isoDurationSchema.nullish().transform((v) => v ?? null),
});
export type Renewal = z.output<typeof renewalSchema>;

/** One thing an import could not read, kept on the contract until reviewed. */
export interface ReviewFlag {
  field: string;
  message: string;
  /** The text that could not be read, as it was in the file. */
  raw: string | null;
  /** Row in the source file (1 = first data row), when it came from an import. */
  row: number | null;
  column: string | null;
}

/** What a person enters or a file provides for one contract. */
export const contractInputSchema = z
  .object({
    reference: optionalText(200),
    title: z.string().trim().min(1, "a contract needs a title").max(500),
    type: optionalText(120),
    stage: z.string().trim().min(1).optional(),
    parties: z.array(partySchema).max(50).default([]),
    value: z
      .number()
      .finite()
      .nullish()
      .transform((v) => v ?? null),
    currency: currencySchema.nullish().transform((v) => v ?? null),
    signatureDate: calendarDateSchema.nullish().transform((v) => v ?? null),
    effectiveDate: calendarDateSchema.nullish().transform((v) => v ?? null),
    endDate: calendarDateSchema.nullish().transform((v) => v ?? null),
    renewal: renewalSchema.default({ kind: "none", term: null, notice: null }),
    governingLaw: optionalText(200),
    tags: z
      .array(z.string().trim().min(1).max(60))
      .max(50)
      .default([])
      .transform((tags) => [...new Set(tags)].sort()),
    notes: z.string().max(100_000).default(""),
  })
  .superRefine((c, ctx) => {
    if (c.value !== null && c.currency === null) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "a value needs a currency" });
    } else if (c.value !== null && c.currency && majorToMinor(c.value, c.currency) === null) {
      const tooLarge = Math.abs(c.value) * 10 ** minorDigits(c.currency) >= MAX_EXACT_MINOR;
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: tooLarge
          ? `too large to be kept exactly in ${c.currency}`
          : `more decimals than ${c.currency} has`,
      });
    }
    if (c.effectiveDate && c.endDate && c.endDate < c.effectiveDate) {
      ctx.addIssue({
        code: "custom",
        path: ["endDate"],
        message: "the end date is before the effective date",
      });
    }
    if (c.renewal.kind === "automatic" && !c.renewal.term) {
      ctx.addIssue({
        code: "custom",
        path: ["renewal", "term"],
        message: "an automatic renewal needs a renewal term",
      });
    }
  });
export type ContractInput = z.input<typeof contractInputSchema>;
export type ContractFields = z.output<typeof contractInputSchema>;

/** A line of the register, as lists and `pacta list --json` show it. */
export interface ContractSummary {
  id: number;
  reference: string | null;
  title: string;
  type: string | null;
  stage: string;
  counterparty: string | null;
  effectiveDate: string | null;
  endDate: string | null;
  renewal: Renewal;
  /** Major units (1234.56), exact to the currency's minor unit. */
  value: number | null;
  currency: string | null;
  tags: string[];
  archived: boolean;
  needsReview: boolean;
  updatedAt: string;
  /** The first term end on or after today (the end date once passed); YYYY-MM-DD. */
  currentTermEnd: string | null;
  /** Automatic renewals: the first notice deadline on or after today; YYYY-MM-DD. */
  noticeDeadline: string | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action:
    | "created"
    | "updated"
    | "archived"
    | "restored"
    | "deleted"
    | "imported"
    /** Changed stage through a move: `stage`, and `comment` when one was given. */
    | "moved"
    /** Changed the current stage's `responsible` ({id, name} or null) or `dueDate`. */
    | "assigned"
    /**
     * Generated or edited the contract's text: `template` ("name (vN)") when
     * generated, `sections` (count) and `text` (sha256 of the sections).
     */
    | "document";
  /** Field name → [before, after]. */
  changes: Record<string, [unknown, unknown]>;
  /** This entry's link in the history's hash chain (`pacta verify` checks it). */
  hash: string | null;
}

/** Everything about one contract, as `pacta show --json` prints it. */
export interface Contract extends ContractSummary {
  uid: string;
  parties: Party[];
  signatureDate: string | null;
  governingLaw: string | null;
  notes: string;
  review: ReviewFlag[];
  createdAt: string;
  history: HistoryEntry[];
}

/** The first party that is not the firm's own side. */
export function counterpartyOf(parties: readonly Party[]): string | null {
  return parties.find((p) => !p.internal)?.name ?? null;
}
