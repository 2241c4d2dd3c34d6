/**
 * The workflow-task commands of `pacta`: `tasks` lists the user's tasks on
 * linked contracts, `task ID` answers one (saved in the outbox, sent at once
 * when the portal answers, else by the next `pacta sync`).
 */
import type { Command } from "commander";
import type { TaskDecision, WorkflowTaskView } from "../../shared/api/bizproc";
import { PactaError } from "../../shared/api/result";
import type { PactaServices } from "../app/services";
import { out, printable, printJson, type Runner, table, UsageError, warn } from "./output";

export function bizprocCommands(cli: Command, run: Runner): void {
  cli
    .command("tasks")
    .description("list your open Bitrix24 workflow tasks and the contract each belongs to")
    .option("--json", "print JSON")
    .action((o: { json?: boolean }) => run((s) => tasksCommand(s, o)));

  cli
    .command("task")
    .description("answer a Bitrix24 workflow task (sent now, or by the next sync when offline)")
    .argument("<id>", "task ID (see pacta tasks)")
    .option("--approve", "approve it")
    .option("--reject", "reject it (or decline a request)")
    .option("--answer", "answer it (a review or a request for information)")
    .option("--comment <text>", "a comment for the workflow")
    .option(
      "--field <id=value>",
      "a request field's value (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      "--attach-pdf <field>",
      "fill a file field with this contract's PDF (repeatable)",
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option("--json", "print the outcome as JSON")
    .action((id: string, o: TaskOptions) => run((s) => taskCommand(s, id, o)));
}

function requireConnection(s: PactaServices): void {
  if (!s.sync.store.connection()) {
    throw new PactaError("not_connected", "connect to a Bitrix24 portal first (pacta connect)");
  }
}

/** Pulls the tasks when the portal answers; otherwise says the list is the last one seen. */
async function refresh(s: PactaServices): Promise<void> {
  try {
    await s.bizproc.refresh();
  } catch (error) {
    if (error instanceof PactaError && error.reason === "portal_unreachable") {
      warn("the portal could not be reached; these are the tasks of the last sync");
      return;
    }
    throw error;
  }
}

function stateOf(t: WorkflowTaskView): string {
  return t.answer?.state ?? (t.open ? "open" : "closed");
}

export function taskJson(t: WorkflowTaskView) {
  return {
    id: t.id,
    contractId: t.contractId,
    contractTitle: t.contractTitle,
    name: t.name,
    type: t.type,
    activity: t.activity,
    createdAt: t.createdAt,
    description: t.description,
    workflowId: t.workflowId,
    templateName: t.templateName,
    workflowState: t.workflowState,
    state: stateOf(t),
    message: t.answer?.message ?? null,
    answerable: t.answerable,
    portalUrl: t.portalUrl,
    fields: t.fields,
  };
}

export async function tasksCommand(s: PactaServices, o: { json?: boolean }): Promise<void> {
  requireConnection(s);
  await refresh(s);
  const tasks = s.bizproc.list();
  if (o.json) return printJson(tasks.map(taskJson));
  if (tasks.length === 0) return out("No open workflow tasks.");
  out(
    table(
      ["ID", "CONTRACT", "TYPE", "TASK", "SINCE", "STATE"],
      tasks.map((t) => [
        String(t.id),
        `#${t.contractId} ${t.contractTitle}`,
        t.type,
        t.name,
        t.createdAt.slice(0, 10),
        stateOf(t),
      ]),
    ),
  );
  for (const t of tasks) {
    if (t.answer?.message) out(`  #${t.id}: ${printable(t.answer.message)}`);
    if (!t.answerable && t.portalUrl) out(`  #${t.id}: answer it in Bitrix24: ${t.portalUrl}`);
  }
}

export interface TaskOptions {
  approve?: boolean;
  reject?: boolean;
  answer?: boolean;
  comment?: string;
  field: string[];
  attachPdf: string[];
  json?: boolean;
}

function decisionOf(o: TaskOptions): TaskDecision {
  const chosen = (["approve", "reject", "answer"] as const).filter((d) => o[d]);
  if (chosen.length !== 1) {
    throw new UsageError("say what to do: exactly one of --approve, --reject or --answer");
  }
  return chosen[0] as TaskDecision;
}

function fieldsOf(pairs: string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new UsageError(`--field takes id=value, not "${pair}"`);
    fields[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return fields;
}

const DONE: Record<TaskDecision, string> = {
  approve: "approved",
  reject: "rejected",
  answer: "answered",
  cancel: "declined",
};

export async function taskCommand(s: PactaServices, rawId: string, o: TaskOptions) {
  if (!/^\d+$/.test(rawId) || Number(rawId) <= 0) {
    throw new UsageError(`the task ID must be a positive number, not "${rawId}"`);
  }
  const taskId = Number(rawId);
  const decision = decisionOf(o);
  const fields = fieldsOf(o.field);
  requireConnection(s);
  // A task not seen yet may be waiting on the portal: look once before saying it is unknown.
  if (!s.bizproc.tasks.get(taskId)) await refresh(s);
  const outcome = await s.bizproc.answer({
    taskId,
    decision,
    comment: o.comment ?? "",
    fields,
    attachPdf: o.attachPdf,
  });
  if (o.json) printJson(outcome);
  const what = `Task #${taskId} ${DONE[decision]}`;
  switch (outcome.state) {
    case "sent":
      if (!o.json) out(`${what}: sent to the portal.`);
      return;
    case "pending":
      if (!o.json) {
        out(`${what}: saved; the portal could not be reached, the next pacta sync sends it.`);
      }
      return;
    default:
      throw new Error(`${what} but not sent: ${outcome.message ?? outcome.state}`);
  }
}
