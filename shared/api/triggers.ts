/**
 * The triggers group of the API: rules that act when a contract's terms,
 * conditions, value, dates or stage change, and what they did.
 */
import { z } from "zod";
import { endpoint, idArgs } from "./endpoint";

/**
 * What a rule watches. Each group is a fixed set of the contract's fields:
 *
 * - `terms`: the renewal (kind, term, notice period), governing law, parties;
 * - `conditions`: the contract's text (generated or edited sections) and its notes;
 * - `value`: the amount and its currency;
 * - `dates`: signature, effective and end dates;
 * - `stage`: the lifecycle stage (moves).
 */
export const TRIGGER_GROUPS = ["terms", "conditions", "value", "dates", "stage"] as const;
export type TriggerGroup = (typeof TRIGGER_GROUPS)[number];

/** Contract field (as the history names it) → the group a change of it belongs to. */
export const FIELD_GROUPS: Readonly<Record<string, TriggerGroup>> = {
  renewal: "terms",
  governingLaw: "terms",
  parties: "terms",
  notes: "conditions",
  sections: "conditions",
  text: "conditions",
  template: "conditions",
  value: "value",
  currency: "value",
  signatureDate: "dates",
  effectiveDate: "dates",
  endDate: "dates",
  stage: "stage",
};

export const triggerActionSchema = z.discriminatedUnion("kind", [
  /** Send the contract to the portal now (the sync's outbox). */
  z.object({ kind: z.literal("push") }),
  /** Move the linked portal item to this stage (its STATUS_ID). */
  z.object({ kind: z.literal("moveStage"), stageId: z.string().trim().min(1).max(60) }),
  /** Start this workflow template on the linked portal item. */
  z.object({
    kind: z.literal("startWorkflow"),
    templateId: z.number().int().positive(),
    parameters: z.record(z.string().max(100), z.string().max(2000)).default({}),
  }),
  /** A comment on the portal item's timeline summing up the change, with the PDF if asked. */
  z.object({ kind: z.literal("comment"), attachPdf: z.boolean().default(false) }),
  /** A notification to these portal users. */
  z.object({
    kind: z.literal("notify"),
    userIds: z.array(z.number().int().positive()).min(1, "name at least one user").max(50),
  }),
]);
export type TriggerAction = z.output<typeof triggerActionSchema>;

export const triggerRuleInputSchema = z.object({
  name: z.string().trim().min(1, "a rule needs a name").max(200),
  enabled: z.boolean().default(true),
  groups: z
    .array(z.enum(TRIGGER_GROUPS))
    .min(1, "choose at least one kind of change")
    .transform((g) => [...new Set(g)]),
  actions: z.array(triggerActionSchema).min(1, "choose at least one action").max(10),
});
export type TriggerRuleInput = z.input<typeof triggerRuleInputSchema>;

export interface TriggerRule {
  id: number;
  name: string;
  enabled: boolean;
  groups: TriggerGroup[];
  actions: TriggerAction[];
  createdAt: string;
  updatedAt: string;
}

export interface TriggerFiring {
  id: number;
  ruleId: number;
  ruleName: string;
  contractId: number;
  contractTitle: string;
  groups: TriggerGroup[];
  /** Field → [before, after], as the history wrote it. */
  changes: Record<string, [unknown, unknown]>;
  at: string;
  /** `pending`: waits for the portal; `done`: every action ran; `failed`: the portal refused. */
  state: "pending" | "done" | "failed";
  /** Indexes of the rule's actions already carried out. */
  done: string[];
  attempts: number;
  lastError: string | null;
}

export const triggersApi = {
  list: endpoint<TriggerRule[]>()(z.object({})),
  create: endpoint<TriggerRule>()(triggerRuleInputSchema),
  update: endpoint<TriggerRule>()(
    z.object({ id: z.number().int().positive(), rule: triggerRuleInputSchema }),
  ),
  remove: endpoint<{ id: number }>()(idArgs),
  firings: endpoint<TriggerFiring[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }),
  ),
  /** Carries out the waiting firings now (when the portal is reachable). */
  run: endpoint<{ done: number; pending: number; failed: number }>()(z.object({})),
} as const;
