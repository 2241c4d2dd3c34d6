/**
 * The configurable pipeline of stages and the local list of people, as
 * plain data and pure rules (which key a new stage gets, what a move
 * skips, what comes next, whether a stage is late).
 */
import { z } from "zod";
import { daysBetween } from "./calendar-date";
import { DEFAULT_STAGE_KEY, type StageDefinition } from "./stages";

/** A stage with its settings, as the pipeline editor and the timeline see it. */
export interface PipelineStage extends StageDefinition {
  /** 0-based place in the pipeline order. */
  position: number;
  /** Who usually holds a contract at this stage (lawyer, manager, ...). */
  responsibleRole: string | null;
  /** Default deadline: this many days after entering the stage; null for none. */
  defaultDays: number | null;
  /** Skipping this stage on a forward move needs a confirmation. */
  required: boolean;
  /** Cannot be entered any more; contracts already there stay. */
  retired: boolean;
}

/** Someone who can hold a contract stage. */
export interface Person {
  id: number;
  name: string;
  email: string;
  role: string;
  /** The matching Bitrix24 user, once linked. */
  bitrixUserId: string | null;
  archived: boolean;
}

export const STAGE_KEY_PATTERN = /^[a-z0-9][a-z0-9_]{0,39}$/;

export const stageKeySchema = z
  .string()
  .trim()
  .regex(STAGE_KEY_PATTERN, "expected a stage key such as legal_review");

export const roleSchema = z.string().trim().min(1).max(60);

const stageName = z.string().trim().min(1, "a stage needs a name").max(80);

/** What the pipeline editor sends: a new stage (no key) or new settings for one. */
export const stageInputSchema = z.object({
  key: stageKeySchema.optional(),
  names: z.object({ fr: stageName, en: stageName }),
  responsibleRole: roleSchema.nullish().transform((v) => v ?? null),
  defaultDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .nullish()
    .transform((v) => v ?? null),
  required: z.boolean().default(false),
  terminal: z.boolean().default(false),
  /** For a new stage: the stage it goes after (default: before the terminal ones). */
  after: stageKeySchema.nullish().transform((v) => v ?? null),
});
export type StageInput = z.input<typeof stageInputSchema>;
export type StageSettings = z.output<typeof stageInputSchema>;

export const personInputSchema = z.object({
  /** Absent for a new person. */
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, "a person needs a name").max(200),
  email: z.string().trim().pipe(z.email("expected an email address")),
  role: roleSchema,
  bitrixUserId: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type PersonInput = z.input<typeof personInputSchema>;
export type PersonFields = z.output<typeof personInputSchema>;

/** A key for a new stage from its name: ASCII words joined by `_`, unique. */
export function stageKeyFrom(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    name
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 36)
      .replace(/_+$/, "") || "stage";
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const key = `${base}_${n}`;
    if (!used.has(key)) return key;
  }
}

/** Where a new stage goes: after `after`, else before the first terminal stage. */
export function insertionIndex(stages: readonly PipelineStage[], after: string | null): number {
  if (after !== null) {
    const at = stages.findIndex((s) => s.key === after);
    return at === -1 ? stages.length : at + 1;
  }
  const terminal = stages.findIndex((s) => s.terminal);
  return terminal === -1 ? stages.length : terminal;
}

/** Another stage with the same French or English name, if any. */
export function nameClash(
  stages: readonly PipelineStage[],
  names: { fr: string; en: string },
  key: string | null,
): PipelineStage | null {
  const same = (a: string, b: string) => a.localeCompare(b, "fr", { sensitivity: "base" }) === 0;
  return (
    stages.find(
      (s) => s.key !== key && (same(s.names.fr, names.fr) || same(s.names.en, names.en)),
    ) ?? null
  );
}

/** What is wrong with a new order of the pipeline; empty when it is a full permutation. */
export function reorderProblems(current: readonly string[], next: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const key of next) {
    if (seen.has(key)) problems.push(`"${key}" is listed twice`);
    else if (!current.includes(key)) problems.push(`there is no stage "${key}"`);
    seen.add(key);
  }
  const missing = current.filter((key) => !seen.has(key));
  if (missing.length > 0) problems.push(`the order leaves out ${missing.join(", ")}`);
  return problems;
}

/** Why a stage cannot be retired, or null when it can. */
export function retireProblem(stages: readonly PipelineStage[], key: string): string | null {
  const stage = stages.find((s) => s.key === key);
  if (!stage) return `there is no stage "${key}"`;
  if (stage.retired) return null;
  if (key === DEFAULT_STAGE_KEY) {
    return `"${key}" is where new contracts start; it cannot be retired`;
  }
  if (stages.filter((s) => !s.retired).length <= 1) {
    return `"${key}" is the last active stage; it cannot be retired`;
  }
  return null;
}

/**
 * The required stages a forward move from `from` to `to` passes over.
 * Moving back, staying, or ending the contract (a terminal stage) skips
 * nothing; retired stages are never counted.
 */
export function skippedRequired(
  stages: readonly PipelineStage[],
  from: string,
  to: string,
): string[] {
  const a = stages.findIndex((s) => s.key === from);
  const b = stages.findIndex((s) => s.key === to);
  if (a === -1 || b === -1 || b <= a + 1 || stages[b]?.terminal) return [];
  return stages
    .slice(a + 1, b)
    .filter((s) => s.required && !s.retired && !s.terminal)
    .map((s) => s.key);
}

/** The stages still to come after `current`, in order: not retired, not terminal. */
export function upcomingStages(stages: readonly PipelineStage[], current: string): string[] {
  const at = stages.findIndex((s) => s.key === current);
  if (at === -1 || stages[at]?.terminal) return [];
  return stages
    .slice(at + 1)
    .filter((s) => !s.retired && !s.terminal)
    .map((s) => s.key);
}

/** Whether a stage due on `dueDate` is late on `today`, and by how many days. */
export function lateness(
  dueDate: string | null,
  today: string,
): { late: boolean; daysLate: number } {
  if (dueDate === null) return { late: false, daysLate: 0 };
  const days = daysBetween(dueDate, today);
  return days > 0 ? { late: true, daysLate: days } : { late: false, daysLate: 0 };
}
