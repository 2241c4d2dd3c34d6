/**
 * The bizproc group of the API: the user's Bitrix24 workflow tasks on
 * linked contracts (pulled by the sync, answered here and sent by the
 * push), and the workflow templates and running workflows of a contract.
 */
import { z } from "zod";
import { endpoint } from "./endpoint";

/** approve: yes/no; review: ok; request: ok with fields; requestOptional: ok or cancel. */
export type TaskKind = "approve" | "review" | "request" | "requestOptional" | "other";
export const TASK_DECISIONS = ["approve", "reject", "answer", "cancel"] as const;
export type TaskDecision = (typeof TASK_DECISIONS)[number];

export interface TaskFieldView {
  id: string;
  /** string, text, int, double, date, bool, select, user, file… */
  type: string;
  name: string;
  description: string;
  required: boolean;
  multiple: boolean;
  options: { value: string; label: string }[];
}

export type AnswerState = "pending" | "sent" | "dropped" | "failed";

export interface TaskAnswerView {
  decision: TaskDecision;
  comment: string;
  state: AnswerState;
  /** Why it was dropped or refused. */
  message: string | null;
  at: string;
  /** File fields filled with the contract's PDF. */
  files: string[];
}

export interface WorkflowTaskView {
  id: number;
  contractId: number;
  contractTitle: string;
  name: string;
  description: string;
  type: TaskKind;
  /** The portal's activity, e.g. ApproveActivity. */
  activity: string;
  /** When Pacta first saw it, ISO 8601 (the portal's MODIFIED of a waiting task). */
  createdAt: string;
  workflowId: string;
  templateName: string;
  workflowState: string;
  documentId: string;
  /** Still waiting on the portal as last pulled. */
  open: boolean;
  /** Pacta can answer it over REST; otherwise open `portalUrl`. */
  answerable: boolean;
  /** The task's page on the portal (http or https only). */
  portalUrl: string | null;
  labels: { yes: string; no: string; ok: string };
  commentRequired: "N" | "Y" | "YA" | "YR";
  fields: TaskFieldView[];
  answer: TaskAnswerView | null;
}

export interface AnswerOutcome {
  taskId: number;
  decision: TaskDecision;
  /** pending: queued, the portal could not be reached; the sync sends it. */
  state: AnswerState;
  message: string | null;
}

export const PARAMETER_TYPES = [
  "string",
  "text",
  "int",
  "double",
  "date",
  "datetime",
  "bool",
  "select",
  "user",
  "file",
] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

export interface TemplateParameterView {
  key: string;
  name: string;
  description: string;
  type: ParameterType;
  required: boolean;
  multiple: boolean;
  options: { value: string; label: string }[];
  default: string | null;
}

export interface WorkflowTemplateView {
  id: number;
  name: string;
  parameters: TemplateParameterView[];
}

export interface RunningWorkflow {
  id: string;
  templateId: number | null;
  templateName: string;
  /** The workflow's state as its tasks last told it; null when none is known. */
  state: string | null;
  startedAt: string | null;
  tasks: WorkflowTaskView[];
}

export interface ContractWorkflows {
  /** The contract has a portal item (workflows run on items). */
  linked: boolean;
  /** The list came from the portal now (false: offline, or not an administrator). */
  live: boolean;
  /** Why the portal's lists are missing (offline, not an administrator…). */
  notice: string | null;
  templates: WorkflowTemplateView[];
  running: RunningWorkflow[];
}

/** A user of the portal, for `user` parameters. */
export interface PortalUserOption {
  id: number;
  name: string;
}

const fieldValue = z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]);

export const bizprocApi = {
  /** Tasks in the inbox (open, or answered and not yet settled); one contract's when given. */
  tasks: endpoint<WorkflowTaskView[]>()(
    z.object({ contractId: z.number().int().positive().optional() }),
  ),
  /** Queues an answer (saved with the decision) and sends it at once when the portal answers. */
  answer: endpoint<AnswerOutcome>()(
    z.object({
      taskId: z.number().int().positive(),
      decision: z.enum(TASK_DECISIONS),
      comment: z.string().max(10_000).default(""),
      fields: z.record(z.string().min(1).max(100), fieldValue).default({}),
      /** File fields to fill with the contract's PDF, exported by Pacta. */
      attachPdf: z.array(z.string().min(1).max(100)).max(20).default([]),
    }),
  ),
  /** Forgets a settled task (a dropped or refused answer, once read). */
  dismiss: endpoint<{ id: number }>()(z.object({ id: z.number().int().positive() })),
  workflows: endpoint<ContractWorkflows>()(z.object({ contractId: z.number().int().positive() })),
  /** The templates that apply to the sync target's items (deals or the smart process). */
  templates: endpoint<WorkflowTemplateView[]>()(z.object({})),
  start: endpoint<{ workflowId: string }>()(
    z.object({
      contractId: z.number().int().positive(),
      templateId: z.number().int().positive(),
      parameters: z.record(z.string().min(1).max(100), fieldValue).default({}),
    }),
  ),
  users: endpoint<PortalUserOption[]>()(z.object({})),
} as const;
