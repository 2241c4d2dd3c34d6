/**
 * What the contract form edits, and how it turns into the shared
 * `ContractInput` (and back from a stored `Contract`). Durations are edited
 * as a number and a unit and sent as ISO 8601 (`P1Y`, `P6M`, `P30D`).
 */
import type { Contract, ContractInput, RenewalKind } from "../../../shared/domain/contract";
import { formatIsoDuration, parseIsoDuration } from "../../../shared/domain/duration";
import { minorToMajor, parseMajorAmount } from "../../../shared/domain/money";
import { DEFAULT_STAGE_KEY } from "../../../shared/domain/stages";
import { amountText } from "./amount-text";

/** The currency of a new contract, and of a value entered where none was set. */
export const DEFAULT_CURRENCY = "EUR";

export const DURATION_UNITS = ["D", "W", "M", "Y"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface DurationValue {
  amount: number | "";
  unit: DurationUnit;
  /**
   * A stored duration that one number and unit cannot show (`P1M15D`),
   * kept while amount is empty.
   */
  kept: string | null;
}

export interface PartyValues {
  /** Stable React key for the list row. */
  key: string;
  name: string;
  role: string;
  signatory: string;
  email: string;
  internal: boolean;
}

export interface ContractFormValues {
  reference: string;
  title: string;
  type: string;
  stage: string;
  parties: PartyValues[];
  /** The amount as typed (`1 500,50`); read with the shared parser on saving. */
  value: string;
  currency: string;
  signatureDate: string;
  effectiveDate: string;
  endDate: string;
  renewal: { kind: RenewalKind; term: DurationValue; notice: DurationValue };
  governingLaw: string;
  tags: string[];
  notes: string;
}

let partyKeys = 0;

export function emptyParty(internal = false): PartyValues {
  partyKeys += 1;
  return { key: `party-${partyKeys}`, name: "", role: "", signatory: "", email: "", internal };
}

function emptyDuration(unit: DurationUnit): DurationValue {
  return { amount: "", unit, kept: null };
}

export function emptyFormValues(): ContractFormValues {
  return {
    reference: "",
    title: "",
    type: "",
    stage: DEFAULT_STAGE_KEY,
    parties: [emptyParty()],
    value: "",
    currency: DEFAULT_CURRENCY,
    signatureDate: "",
    effectiveDate: "",
    endDate: "",
    renewal: { kind: "none", term: emptyDuration("Y"), notice: emptyDuration("M") },
    governingLaw: "",
    tags: [],
    notes: "",
  };
}

/** An ISO duration as one number and unit, when it has only one part (years and months merge). */
export function durationFromIso(iso: string | null, fallbackUnit: DurationUnit): DurationValue {
  const parts = iso ? parseIsoDuration(iso) : null;
  if (!parts || !iso) return emptyDuration(fallbackUnit);
  const { years, months, weeks, days } = parts;
  if (weeks === 0 && days === 0) {
    if (months === 0) return { amount: years, unit: "Y", kept: null };
    return { amount: years * 12 + months, unit: "M", kept: null };
  }
  if (years === 0 && months === 0) {
    if (days === 0) return { amount: weeks, unit: "W", kept: null };
    return { amount: weeks * 7 + days, unit: "D", kept: null };
  }
  return { amount: "", unit: fallbackUnit, kept: iso };
}

export function durationToIso(value: DurationValue): string | null {
  if (value.amount === "") return value.kept;
  const amount = value.amount;
  const zero = { years: 0, months: 0, weeks: 0, days: 0 };
  const key = { Y: "years", M: "months", W: "weeks", D: "days" } as const;
  return formatIsoDuration({ ...zero, [key[value.unit]]: amount });
}

/** A stored contract as the form edits it; `locale` writes the amount. */
export function formValuesFromContract(c: Contract, locale: string): ContractFormValues {
  return {
    reference: c.reference ?? "",
    title: c.title,
    type: c.type ?? "",
    stage: c.stage,
    parties: c.parties.map((p) => ({
      ...emptyParty(p.internal),
      name: p.name,
      role: p.role ?? "",
      signatory: p.signatory ?? "",
      email: p.email ?? "",
    })),
    value: amountText(c.value, c.currency ?? DEFAULT_CURRENCY, locale),
    currency: c.currency ?? "",
    signatureDate: c.signatureDate ?? "",
    effectiveDate: c.effectiveDate ?? "",
    endDate: c.endDate ?? "",
    renewal: {
      kind: c.renewal.kind,
      term: durationFromIso(c.renewal.term, "Y"),
      notice: durationFromIso(c.renewal.notice, "M"),
    },
    governingLaw: c.governingLaw ?? "",
    tags: c.tags,
    notes: c.notes,
  };
}

/** The currency an amount is read in: the chosen one, else the default. */
export function amountCurrency(v: ContractFormValues): string {
  return v.currency.trim() === "" ? DEFAULT_CURRENCY : v.currency;
}

/**
 * The typed amount in major units, as the API takes it; null when empty,
 * NaN when it cannot be read (the form flags that before saving).
 */
function toMajor(v: ContractFormValues): number | null {
  if (v.value.trim() === "") return null;
  const minor = parseMajorAmount(v.value, amountCurrency(v));
  return minor === null ? Number.NaN : minorToMajor(minor, amountCurrency(v));
}

const orNull = (text: string): string | null => (text.trim() === "" ? null : text);

/** The form's values as the shared schema's input; the schema does the checking. */
export function toContractInput(v: ContractFormValues): ContractInput {
  const value = toMajor(v);
  return {
    reference: orNull(v.reference),
    title: v.title,
    type: orNull(v.type),
    stage: orNull(v.stage) ?? undefined,
    parties: v.parties.map((p) => ({
      name: p.name,
      role: orNull(p.role),
      signatory: orNull(p.signatory),
      email: orNull(p.email),
      internal: p.internal,
    })),
    value,
    currency: orNull(v.currency) ?? (value === null ? null : DEFAULT_CURRENCY),
    signatureDate: orNull(v.signatureDate),
    effectiveDate: orNull(v.effectiveDate),
    endDate: orNull(v.endDate),
    renewal: {
      kind: v.renewal.kind,
      term: durationToIso(v.renewal.term),
      notice: durationToIso(v.renewal.notice),
    },
    governingLaw: orNull(v.governingLaw),
    tags: v.tags,
    notes: v.notes,
  };
}
