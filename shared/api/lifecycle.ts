/** The lifecycle group of the API: pipeline, people, stage moves, history check. */
import { z } from "zod";
import { calendarDateSchema } from "../domain/contract";
import {
  type Person,
  type PipelineStage,
  personInputSchema,
  stageInputSchema,
  stageKeySchema,
} from "../domain/pipeline";
import { endpoint } from "./endpoint";

export type { Person, PipelineStage } from "../domain/pipeline";

/** A person as a timeline names them. */
export interface PersonRef {
  id: number;
  name: string;
}

/** A stage the contract has left. */
export interface PassedStage {
  stage: string;
  enteredAt: string;
  leftAt: string;
  /** Calendar days spent in the stage. */
  days: number;
  dueDate: string | null;
  /** Left after its due date. */
  late: boolean;
  responsible: PersonRef | null;
}

/** The stage the contract is at. */
export interface CurrentStage {
  stage: string;
  enteredAt: string;
  /** Calendar days in the stage so far. */
  days: number;
  dueDate: string | null;
  /** Past its due date today (shown in red). */
  late: boolean;
  daysLate: number;
  responsible: PersonRef | null;
}

/** One move: who, when, from, to and why. */
export interface StageMove {
  id: number;
  contractId: number;
  from: string;
  to: string;
  at: string;
  actor: string;
  comment: string | null;
  /** Required stages passed over, as confirmed. */
  skipped: string[];
}

export interface Timeline {
  contractId: number;
  /** The day lateness was judged on. */
  today: string;
  passed: PassedStage[];
  current: CurrentStage;
  /** Stages still to come, in pipeline order (retired and terminal ones left out). */
  upcoming: string[];
  /** Oldest first. */
  moves: StageMove[];
}

export interface MoveResult {
  move: StageMove;
  timeline: Timeline;
}

/** The first entry where the history's hash chain breaks. */
export interface BrokenLink {
  id: number;
  contractId: number;
  at: string;
  /**
   * `content_changed`: the entry's hash does not match what it says;
   * `link_broken`: it does not point at the entry before it (one removed,
   * inserted or reordered).
   */
  reason: "content_changed" | "link_broken";
  detail: string;
}

export interface HistoryCheck {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  firstBroken: BrokenLink | null;
}

const contractId = z.number().int().positive();

export const moveArgsSchema = z.object({
  contractId,
  to: stageKeySchema,
  comment: z
    .string()
    .trim()
    .max(2000)
    .nullish()
    .transform((v) => (v ? v : null)),
  /** The person confirmed skipping the required stages a first try named. */
  confirmSkip: z.boolean().default(false),
});
export type MoveArgs = z.input<typeof moveArgsSchema>;

export const assignArgsSchema = z.object({
  contractId,
  /** The stage the UI shows as current; refused if the contract has moved since. */
  stage: stageKeySchema.optional(),
  /** Absent: keep; null: nobody. */
  responsibleId: z.number().int().positive().nullable().optional(),
  /** Absent: keep; null: no due date. */
  dueDate: calendarDateSchema.nullable().optional(),
});
export type AssignArgs = z.input<typeof assignArgsSchema>;

export const lifecycleApi = {
  listStages: endpoint<PipelineStage[]>()(z.object({})),
  /** Adds a stage (no key: one is made from its name) or changes one's names and settings. */
  saveStage: endpoint<PipelineStage>()(stageInputSchema),
  /** The full new order, every stage key once (retired ones included). */
  reorderStages: endpoint<PipelineStage[]>()(
    z.object({ keys: z.array(stageKeySchema).min(1).max(200) }),
  ),
  retireStage: endpoint<PipelineStage>()(
    z.object({ key: stageKeySchema, retired: z.boolean().default(true) }),
  ),
  listPeople: endpoint<Person[]>()(z.object({ includeArchived: z.boolean().default(false) })),
  savePerson: endpoint<Person>()(personInputSchema),
  archivePerson: endpoint<Person>()(
    z.object({ id: z.number().int().positive(), archived: z.boolean().default(true) }),
  ),
  /**
   * A forward move over required stages fails with `confirmation_required`,
   * one issue per skipped stage at path `["skipped", key]`; ask, then resend
   * with `confirmSkip: true`. Unknown or retired stage: `invalid_argument`.
   */
  move: endpoint<MoveResult>()(moveArgsSchema),
  assign: endpoint<Timeline>()(assignArgsSchema),
  timeline: endpoint<Timeline>()(z.object({ contractId, today: calendarDateSchema.optional() })),
  verify: endpoint<HistoryCheck>()(z.object({})),
} as const;
