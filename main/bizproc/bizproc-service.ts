/**
 * Workflow tasks and workflows for every door. Answers are saved with the
 * decision in one transaction (the tasks' outbox) and sent at once when the
 * portal answers, else by the next sync. Templates and running workflows
 * are read from the portal when asked (administrators only, per the docs).
 * The sync's status counts the answers waiting here (`pendingAnswers`).
 */
import type {
  AnswerOutcome,
  ContractWorkflows,
  PortalUserOption,
  RunningWorkflow,
  TaskDecision,
  WorkflowTaskView,
  WorkflowTemplateView,
} from "../../shared/api/bizproc";
import { PactaError } from "../../shared/api/result";
import { Bitrix24Error } from "../bitrix24/errors";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import type { ContractRegister } from "../register/register";
import { toPactaError } from "../sync/connection";
import { isUnreachable, problem } from "../sync/context";
import { entityTypeIdOf } from "../sync/mapping";
import type { SyncService } from "../sync/sync-service";
import { type AnswerInput, checkAnswer } from "./answer-rules";
import { ANSWERABLE, kindOfActivity } from "./task-calls";
import { type TaskRow, TaskStore } from "./task-store";
import { pullTasks, sendAnswer, sendAnswers } from "./task-sync";
import {
  documentIdOf,
  documentTypeOf,
  listWorkflowInstances,
  listWorkflowTemplates,
  type ParameterValue,
  startWorkflow,
} from "./workflows";

const log = createLogger("bizproc");

export type PdfSource = (contractId: number) => Promise<{ fileName: string; bytes: Buffer }>;

export class BizprocService {
  readonly tasks: TaskStore;
  /** One sending at a time in this process (the UI's "send now" and a sync). */
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    db: Db,
    private readonly sync: SyncService,
    private readonly register: ContractRegister,
    private readonly pdf: PdfSource,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.tasks = new TaskStore(db);
    sync.countAnswersWith(() => this.tasks.pendingAnswerCount());
    sync.addStep(async (ctx) => {
      if (!this.hasScope()) return;
      await this.exclusive(() =>
        sendAnswers(ctx.client, this.tasks, this.now, (taskId, state, message) => {
          // Sent answers count as pushed; a dropped or refused one is a problem to read.
          if (state === "sent") ctx.run.pushed += 1;
          else if (state !== "pending") {
            problem(ctx, `workflow task #${taskId}`, new Error(message ?? state));
          }
        }),
      );
      await pullTasks(ctx.client, this.tasks, ctx.store, this.now);
    });
  }

  private hasScope(): boolean {
    return this.sync.store.connection()?.scopes.includes("bizproc") ?? false;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.sending.then(work, work);
    this.sending = next.catch(() => undefined);
    return next;
  }

  /** The inbox (or one contract's tasks, answered ones included). */
  list(contractId?: number): WorkflowTaskView[] {
    if (contractId !== undefined) this.register.get(contractId);
    const portal = this.sync.store.connection()?.portal ?? null;
    return this.tasks.inbox(contractId).map((r) => view(r, portal));
  }

  /** Pulls the user's tasks now (the CLI's `pacta tasks`); throws when the portal is away. */
  async refresh(): Promise<void> {
    if (!this.hasScope()) return;
    try {
      await pullTasks(this.sync.portalClient(), this.tasks, this.sync.store, this.now);
    } catch (error) {
      throw toPactaError(error);
    }
  }

  get(taskId: number): WorkflowTaskView {
    const row = this.tasks.get(taskId);
    if (!row) {
      throw new PactaError(
        "not_found",
        `there is no workflow task #${taskId} here; a sync brings the portal's tasks`,
      );
    }
    return view(row, this.sync.store.connection()?.portal ?? null);
  }

  /** Saves the answer (with the contract's PDF in file fields), then tries to send it. */
  async answer(input: AnswerInput): Promise<AnswerOutcome> {
    if (!this.sync.store.connection()) {
      throw new PactaError("not_connected", "connect to a Bitrix24 portal first");
    }
    const task = this.get(input.taskId);
    const row = this.tasks.get(input.taskId);
    if (!row) throw new PactaError("not_found", `there is no workflow task #${input.taskId}`);
    const answered = (state: string | undefined) => state === "pending" || state === "sent";
    const already = () =>
      new PactaError(
        "invalid_argument",
        `workflow task #${input.taskId} is already answered` +
          (row.answer?.state === "pending" ? " (waiting to be sent)" : ""),
      );
    if (answered(row.answer?.state)) throw already();
    const status = checkAnswer(task, input);
    const fields: Record<string, unknown> = { ...input.fields };
    if (input.attachPdf.length > 0) {
      const file = await this.pdf(row.contractId);
      const pair = [file.fileName, file.bytes.toString("base64")];
      for (const id of input.attachPdf) fields[id] = pair;
    }
    this.tasks.db
      .transaction(() => {
        if (answered(this.tasks.get(input.taskId)?.answer?.state)) throw already();
        this.tasks.saveAnswer({
          taskId: input.taskId,
          decision: input.decision,
          status,
          comment: input.comment,
          fields,
          at: this.now().toISOString(),
        });
        // Immediate: a CLI and the app answering the same task at once do not both save.
      })
      .immediate();
    log.info({ task: input.taskId, decision: input.decision }, "workflow task answered");
    return this.sendNow(input.taskId, input.decision);
  }

  private async sendNow(taskId: number, decision: TaskDecision): Promise<AnswerOutcome> {
    const outcome = (): AnswerOutcome => {
      const a = this.tasks.get(taskId)?.answer;
      return { taskId, decision, state: a?.state ?? "pending", message: a?.message ?? null };
    };
    let client: ReturnType<SyncService["portalClient"]>;
    try {
      client = this.sync.portalClient();
    } catch {
      return outcome();
    }
    await this.exclusive(async () => {
      const answer = this.tasks.get(taskId)?.answer;
      if (answer?.state !== "pending") return;
      try {
        await sendAnswer(client, this.tasks, answer, this.now);
      } catch (error) {
        if (!isUnreachable(error)) throw toPactaError(error);
        log.info({ task: taskId }, "portal out of reach; the answer waits for the next sync");
      }
    });
    return outcome();
  }

  dismiss(taskId: number): { id: number } {
    const row = this.tasks.get(taskId);
    if (!row) throw new PactaError("not_found", `there is no workflow task #${taskId}`);
    if (row.open && row.answer?.state !== "dropped" && row.answer?.state !== "failed") {
      throw new PactaError("invalid_argument", `workflow task #${taskId} is still waiting`);
    }
    this.tasks.remove(taskId);
    return { id: taskId };
  }

  users(): PortalUserOption[] {
    return this.sync.store
      .recordIds("user")
      .map((id) => ({ id, name: this.sync.store.record("user", id)?.title || `#${id}` }));
  }

  private linkOf(contractId: number) {
    this.register.get(contractId);
    return this.sync.store.linkOf(contractId);
  }

  /** Templates for the contract's item and the workflows running on it. */
  async workflows(contractId: number): Promise<ContractWorkflows> {
    const link = this.linkOf(contractId);
    const local = this.list(contractId);
    const fromTasks = runningFromTasks(local);
    if (!link) return { linked: false, live: false, notice: null, templates: [], running: [] };
    try {
      const client = this.sync.portalClient();
      const documentId = documentIdOf(link.entityTypeId, link.itemId);
      const templates = await listWorkflowTemplates(client, {
        documentType: documentTypeOf(link.entityTypeId),
      });
      const instances = await listWorkflowInstances(client, { documentId });
      const names = new Map(templates.map((t) => [t.id, t.name]));
      const running: RunningWorkflow[] = instances.map((i) => {
        const known = fromTasks.find((w) => w.id === i.id);
        return {
          id: i.id,
          templateId: i.templateId || null,
          templateName: names.get(i.templateId) ?? known?.templateName ?? `#${i.templateId}`,
          state: known?.state ?? null,
          startedAt: i.startedAt,
          tasks: known?.tasks ?? [],
        };
      });
      const views = templates.map(({ id, name, parameters }) => ({ id, name, parameters }));
      return { linked: true, live: true, notice: null, templates: views, running };
    } catch (error) {
      const notice =
        error instanceof Bitrix24Error && error.kind === "forbidden"
          ? "only portal administrators may list and start workflows"
          : toPactaError(error).message;
      return { linked: true, live: false, notice, templates: [], running: fromTasks };
    }
  }

  /** The templates that apply to the sync target's items (what a trigger rule may start). */
  async templates(): Promise<WorkflowTemplateView[]> {
    const target = this.sync.store.settings().target;
    const client = this.sync.portalClient();
    try {
      const templates = await listWorkflowTemplates(client, {
        documentType: documentTypeOf(entityTypeIdOf(target)),
      });
      return templates.map(({ id, name, parameters }) => ({ id, name, parameters }));
    } catch (error) {
      if (error instanceof Bitrix24Error && error.kind === "forbidden") {
        throw new PactaError(
          "portal_refused",
          `only portal administrators may list workflow templates (${error.message})`,
        );
      }
      throw toPactaError(error);
    }
  }

  /** Starts a template on the contract's item; then pulls the tasks it gave the user. */
  async start(
    contractId: number,
    templateId: number,
    parameters: Record<string, ParameterValue>,
  ): Promise<{ workflowId: string }> {
    const link = this.linkOf(contractId);
    if (!link) {
      throw new PactaError(
        "invalid_argument",
        `contract #${contractId} has no portal item yet; sync it first`,
      );
    }
    try {
      const client = this.sync.portalClient();
      const workflowId = await startWorkflow(client, {
        templateId,
        documentId: documentIdOf(link.entityTypeId, link.itemId),
        parameters,
      });
      log.info({ contract: contractId, template: templateId, workflowId }, "workflow started");
      if (this.hasScope()) {
        await pullTasks(client, this.tasks, this.sync.store, this.now).catch((error: unknown) =>
          log.warn({ err: String(error) }, "tasks not pulled after the start"),
        );
      }
      return { workflowId };
    } catch (error) {
      if (error instanceof Bitrix24Error && error.kind === "forbidden") {
        throw new PactaError(
          "portal_refused",
          `only portal administrators may start workflows (${error.message})`,
        );
      }
      throw toPactaError(error);
    }
  }
}

/** The task's page on the portal; only for an http(s) portal. */
export function portalTaskUrl(portal: string | null, taskId: number): string | null {
  if (!portal) return null;
  try {
    const url = new URL(`company/personal/bizproc/${taskId}/`, portal);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function view(r: TaskRow, portal: string | null): WorkflowTaskView {
  const t = r.task;
  const files = Object.entries(r.answer?.fields ?? {})
    .filter(([, v]) => Array.isArray(v))
    .map(([k]) => k);
  return {
    id: r.id,
    contractId: r.contractId,
    contractTitle: r.contractTitle,
    name: t.name,
    description: t.description,
    type: kindOfActivity(t.activity),
    activity: t.activity,
    createdAt: r.createdAt,
    workflowId: t.workflowId,
    templateName: t.templateName,
    workflowState: t.workflowState,
    documentId: t.documentId,
    open: r.open,
    answerable: ANSWERABLE[t.activity] !== undefined,
    portalUrl: portalTaskUrl(portal, r.id),
    labels: t.labels,
    commentRequired: t.commentRequired,
    fields: t.fields,
    answer: r.answer
      ? {
          decision: r.answer.decision,
          comment: r.answer.comment,
          state: r.answer.state,
          message: r.answer.message,
          at: r.answer.at,
          files,
        }
      : null,
  };
}

function runningFromTasks(tasks: WorkflowTaskView[]): RunningWorkflow[] {
  const out = new Map<string, RunningWorkflow>();
  for (const task of tasks) {
    const wf = out.get(task.workflowId) ?? {
      id: task.workflowId,
      templateId: null,
      templateName: task.templateName,
      state: task.workflowState || null,
      startedAt: null,
      tasks: [],
    };
    wf.tasks.push(task);
    out.set(task.workflowId, wf);
  }
  return [...out.values()];
}
