/**
 * A tiny, deterministic workflow engine for the double (BITRIX24.md 10.6):
 * templates bound to a document type (deals or the "Contrats" smart
 * process) with parameters, instances that run a template's steps in
 * order, and the human steps as tasks a user answers. A task step blocks
 * its instance until it is answered (over REST or "on the portal" by a
 * test); then the instance runs on to the next blocking step or its end.
 *
 * ○ Finished instances leave `bizproc.workflow.instances` (the portal keeps
 * only live ones there); their tasks stay listed for `purgeAfterMs` (one day
 * on the cloud), then vanish.
 *
 * TODO(bitrix24): no `robot` step (a call to a registered HANDLER) and no
 * AUTO_EXECUTE start on item create/update yet; the portal-action work adds them.
 */
import type { Json } from "./fields";
import { PortalError } from "./portal-error";
import type { PortalState } from "./state";

/** Task activities `bizproc.task.complete` accepts, with the statuses each allows. */
export const REST_TASK_STATUSES: Record<string, number[]> = {
  ApproveActivity: [1, 2],
  ReviewActivity: [3],
  RequestInformationActivity: [3],
  RequestInformationOptionalActivity: [3, 4],
};

export type DocumentType = [string, string, string];

export const DEAL_DOCUMENT: DocumentType = ["crm", "CCrmDocumentDeal", "DEAL"];
export const dynamicDocument = (entityTypeId: number): DocumentType => [
  "crm",
  "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic",
  `DYNAMIC_${entityTypeId}`,
];

export interface ParameterDef {
  Name: string;
  Description?: string;
  /** string, text, int, double, date, datetime, bool, select, user, file */
  Type: string;
  Required?: "Y" | "N";
  Multiple?: "Y" | "N";
  Options?: Record<string, string>;
  Default?: Json;
}

export interface TaskField {
  Id: string;
  Type: string;
  Name: string;
  Description?: string;
  Multiple?: boolean;
  Required?: boolean;
  Options?: Record<string, string> | null;
  Default?: Json;
}

export type Step =
  | {
      kind: "task";
      /** ApproveActivity, ReviewActivity, RequestInformation[Optional]Activity, or another
       * activity (which `bizproc.task.complete` refuses with ERROR_TASK_TYPE). */
      activity: string;
      name: string;
      description?: string;
      /** A user id, or the template parameter (type user) that names one. */
      assignee: number | { parameter: string };
      fields?: TaskField[];
      /** N, Y (always), YA (on approve), YR (on reject). */
      commentRequired?: "N" | "Y" | "YA" | "YR";
      /** Shown as the workflow's state while this task waits. */
      state?: string;
    }
  /** Moves the document's stage; `when` looks at the last answered task. */
  | { kind: "setStage"; stageId: string; when?: "approved" | "rejected" }
  /** Blocks until terminated. */
  | { kind: "wait"; state?: string };

export interface TemplateDef {
  name: string;
  documentType: DocumentType;
  /** 0 none, 1 on create, 2 on change, 3 both. */
  autoExecute?: number;
  parameters?: Record<string, ParameterDef>;
  steps: Step[];
}

export interface Template extends TemplateDef {
  id: number;
  modified: number;
  userId: number;
}

export type InstanceStatus = "running" | "completed" | "terminated";

export interface Instance {
  id: string;
  templateId: number;
  /** ["crm", "CCrmDocumentDeal", "DEAL_12"] */
  documentId: DocumentType;
  parameters: Record<string, Json>;
  startedBy: number;
  started: number;
  modified: number;
  status: InstanceStatus;
  /** The index of the step the instance waits at (or past the end). */
  step: number;
  state: string;
  finishedAt: number | null;
  /** Outcome of the last answered task: approved (yes/ok) or rejected (no/cancel). */
  lastOutcome: "approved" | "rejected" | null;
}

export interface TaskAnswer {
  status: number;
  comment: string;
  fields: Record<string, Json>;
  via: "rest" | "portal";
  at: number;
}

export interface Task {
  id: number;
  workflowId: string;
  activity: string;
  activityName: string;
  name: string;
  description: string;
  userId: number;
  /** 0 running, 1 yes, 2 no, 3 ok, 4 overdue, 5 cancel ○. */
  status: number;
  /** 0 waiting, 1 yes, 2 no, 3 ok, 4 cancel. */
  userStatus: number;
  modified: number;
  fields: TaskField[];
  commentRequired: "N" | "Y" | "YA" | "YR";
  answer: TaskAnswer | null;
}

const DAY = 86_400_000;

export class WorkflowEngine {
  readonly templates = new Map<number, Template>();
  readonly instances = new Map<string, Instance>();
  readonly tasks = new Map<number, Task>();
  /** Every answer given, in order (tests count them to see an answer arrive once). */
  readonly answers: { taskId: number; userId: number; status: number; via: string }[] = [];
  /** How long a finished workflow's tasks stay listed (one day on the cloud). */
  purgeAfterMs = DAY;
  private nextTemplateId = 1;
  private nextInstance = 1;
  private nextTaskId = 1;

  constructor(private readonly state: PortalState) {}

  addTemplate(def: TemplateDef, userId = 1): Template {
    const template: Template = {
      autoExecute: 0,
      parameters: {},
      ...def,
      id: this.nextTemplateId++,
      modified: this.state.now(),
      userId,
    };
    this.templates.set(template.id, template);
    return template;
  }

  /** Starts a workflow; the caller checked rights and the document. */
  start(
    template: Template,
    documentId: DocumentType,
    parameters: Record<string, Json>,
    userId: number,
  ): Instance {
    const n = this.nextInstance++;
    const now = this.state.now();
    const instance: Instance = {
      id: `${(0x65a1c0de0000 + n).toString(16)}.${String(10_000_000 + n).slice(-8)}`,
      templateId: template.id,
      documentId: [...documentId],
      parameters,
      startedBy: userId,
      started: now,
      modified: now,
      status: "running",
      step: 0,
      state: "",
      finishedAt: null,
      lastOutcome: null,
    };
    this.instances.set(instance.id, instance);
    this.run(instance);
    return instance;
  }

  template(id: number): Template | undefined {
    return this.templates.get(id);
  }

  instance(id: string): Instance | undefined {
    return this.instances.get(id);
  }

  /** Tasks still listed: a finished workflow's tasks vanish `purgeAfterMs` after its end. */
  listedTasks(): Task[] {
    const now = this.state.now();
    for (const task of [...this.tasks.values()]) {
      const wf = this.instances.get(task.workflowId);
      if (!wf || (wf.finishedAt !== null && now - wf.finishedAt >= this.purgeAfterMs)) {
        this.tasks.delete(task.id);
      }
    }
    return [...this.tasks.values()];
  }

  /**
   * Answers a task as its user; throws the documented errors. `via: "portal"` is a
   * test standing in for someone answering in the browser.
   */
  complete(
    taskId: number,
    userId: number,
    status: number,
    comment: string,
    fields: Record<string, Json>,
    via: "rest" | "portal" = "rest",
  ): void {
    const task = this.listedTasks().find((t) => t.id === taskId);
    if (!task || task.userId !== userId) {
      throw new PortalError(400, "ERROR_TASK_NOT_FOUND", "Task not found");
    }
    if (task.status !== 0 || task.userStatus !== 0) {
      throw new PortalError(400, "ERROR_TASK_COMPLETED", "Task already completed");
    }
    const allowed = REST_TASK_STATUSES[task.activity];
    if (!allowed && via === "rest") {
      throw new PortalError(400, "ERROR_TASK_TYPE", "Incorrect task type");
    }
    if (allowed && !allowed.includes(status)) {
      throw new PortalError(400, "ERROR_TASK_VALIDATION", "incorrect STATUS");
    }
    checkComment(task, status, comment);
    const approved = status === 1 || status === 3;
    if (task.activity === "RequestInformationActivity" || status === 3) {
      checkFields(task, fields);
    }
    const now = this.state.now();
    task.status = status === 4 ? 5 : status;
    task.userStatus = status;
    task.modified = now;
    task.answer = { status, comment, fields, via, at: now };
    this.answers.push({ taskId, userId, status, via });
    const instance = this.instances.get(task.workflowId);
    if (instance?.status !== "running") return;
    instance.lastOutcome = approved ? "approved" : "rejected";
    instance.step += 1;
    instance.modified = now;
    this.run(instance);
  }

  /** Stops a workflow keeping its data (`terminate`), or forgets it (`kill`). */
  stop(id: string, how: "terminate" | "kill", state = "Terminated"): void {
    const instance = this.instances.get(id);
    if (!instance) throw new PortalError(400, "ERROR_WRONG_WORKFLOW_ID", "Workflow not found");
    for (const task of [...this.tasks.values()]) {
      if (task.workflowId !== id) continue;
      if (how === "kill" || task.status === 0) this.tasks.delete(task.id);
    }
    if (how === "kill") {
      this.instances.delete(id);
      return;
    }
    instance.status = "terminated";
    instance.state = state;
    instance.finishedAt = this.state.now();
    instance.modified = this.state.now();
  }

  /** Runs steps until one blocks or the template ends. */
  private run(instance: Instance): void {
    const template = this.templates.get(instance.templateId);
    const steps = template?.steps ?? [];
    while (instance.step < steps.length) {
      const step = steps[instance.step] as Step;
      if (step.kind === "task") {
        this.createTask(instance, template as Template, step);
        instance.state = step.state ?? step.name;
        return;
      }
      if (step.kind === "wait") {
        instance.state = step.state ?? "Waiting";
        return;
      }
      if (!step.when || step.when === instance.lastOutcome) this.moveStage(instance, step.stageId);
      instance.step += 1;
    }
    instance.status = "completed";
    instance.state = "Completed";
    instance.finishedAt = this.state.now();
    instance.modified = this.state.now();
  }

  private createTask(instance: Instance, template: Template, step: Step & { kind: "task" }) {
    const assignee =
      typeof step.assignee === "number"
        ? step.assignee
        : userOf(instance.parameters[step.assignee.parameter]);
    const id = this.nextTaskId++;
    this.tasks.set(id, {
      id,
      workflowId: instance.id,
      activity: step.activity,
      activityName: `A${String(template.id * 100_000 + instance.step * 10 + id).padStart(5, "0")}`,
      name: step.name,
      description: step.description ?? "",
      userId: assignee ?? instance.startedBy,
      status: 0,
      userStatus: 0,
      modified: this.state.now(),
      fields: step.fields ?? [],
      commentRequired: step.commentRequired ?? "N",
      answer: null,
    });
  }

  private moveStage(instance: Instance, stageId: string): void {
    const doc = parseDocumentId(instance.documentId[2]);
    if (!doc) return;
    this.state.update(doc.entityTypeId, doc.itemId, { stageId }, instance.startedBy);
  }
}

/** `DEAL_12` → deal 12; `DYNAMIC_1220_5` → item 5 of type 1220. */
export function parseDocumentId(text: string): { entityTypeId: number; itemId: number } | null {
  const deal = /^DEAL_(\d+)$/.exec(text);
  if (deal) return { entityTypeId: 2, itemId: Number(deal[1]) };
  const dyn = /^DYNAMIC_(\d+)_(\d+)$/.exec(text);
  if (dyn) return { entityTypeId: Number(dyn[1]), itemId: Number(dyn[2]) };
  return null;
}

/** "user_14" (or 14) → 14. */
export function userOf(value: Json | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text === "number" && Number.isInteger(text)) return text;
  const m = typeof text === "string" ? /^(?:user_)?(\d+)$/.exec(text.trim()) : null;
  return m ? Number(m[1]) : null;
}

function checkComment(task: Task, status: number, comment: string): void {
  const need =
    task.commentRequired === "Y" ||
    (task.commentRequired === "YA" && status === 1) ||
    (task.commentRequired === "YR" && status === 2);
  if (need && comment.trim() === "") {
    // ○ the docs name ERROR_TASK_EXECUTION for refusals while running the task
    throw new PortalError(400, "ERROR_TASK_EXECUTION", "Comment is required");
  }
}

const FILE_TYPES = new Set(["file"]);

function checkFields(task: Task, fields: Record<string, Json>): void {
  for (const f of task.fields) {
    const value = fields[f.Id];
    const empty =
      value === undefined ||
      value === null ||
      value === "" ||
      (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (f.Required) {
        throw new PortalError(400, "ERROR_TASK_EXECUTION", `Field "${f.Name}" is required`);
      }
      continue;
    }
    if (FILE_TYPES.has(f.Type) && readFile(value) === null) {
      throw new PortalError(400, "ERROR_TASK_EXECUTION", `Field "${f.Name}": wrong file`);
    }
  }
}

/** A file field's value: base64, or `[name, base64]` (BITRIX24.md 8). */
export function readFile(value: Json | undefined): { name: string; bytes: Buffer } | null {
  const [name, data] = Array.isArray(value)
    ? [typeof value[0] === "string" ? value[0] : "", value[1]]
    : ["", value];
  if (typeof data !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) return null;
  const bytes = Buffer.from(data, "base64");
  return bytes.length === 0 ? null : { name, bytes };
}
