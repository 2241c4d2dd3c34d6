/**
 * Workflow tasks end to end on a real register and the Bitrix24 double over
 * real HTTP: a workflow started from Pacta gives the lawyer a task, the
 * answer given offline waits in the outbox and reaches the portal once,
 * whatever happens on the way.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type SeededTemplates,
  seedWorkflowTemplates,
} from "../../e2e/bitrix24-double/bizproc-seed";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { readFile } from "../../e2e/bitrix24-double/workflow-engine";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { pdfPages } from "../test-support/poppler";
import { tempDataDir } from "../test-support/temp-register";

const FAST = {
  retry: { baseDelayMs: 20, operationLimitDelayMs: 40, maxDelayMs: 200, retries: 1 },
  rateLimit: { capacity: 50, drainPerSecond: 100 },
  timeoutMs: 1500,
};

let double: Bitrix24Double;
let t: SeededTemplates;
let dataDir: string;
let s: PactaServices;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  t = seedWorkflowTemplates(double.state);
  dataDir = tempDataDir();
  s = openServices({ dataDir, actor: "tester", bitrix24: FAST });
});

afterEach(async () => {
  s.close();
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A contract on the portal, linked by a sync. */
async function linkedContract(title = "Bail commercial — Lemaître") {
  const c = s.register.create(contractInputSchema.parse({ title, reference: "C-2026-007" }));
  await s.sync.connectWebhook(double.webhookUrl());
  s.sync.saveSettings(SPA_SETTINGS);
  const run = await s.sync.run();
  expect(run.state).toBe("done");
  const link = s.sync.store.linkOf(c.id);
  expect(link?.entityTypeId).toBe(CONTRACT_TYPE_ID);
  return { contract: c, itemId: link?.itemId ?? 0 };
}

const portalTask = (id: number) => double.state.bizproc.tasks.get(id);

describe("workflow tasks through the lawyer's webhook", () => {
  it("start → task for the lawyer → answered offline → sent once when back", async () => {
    const { contract, itemId } = await linkedContract();
    const wf = await s.bizproc.workflows(contract.id);
    expect(wf).toMatchObject({ linked: true, live: true, running: [] });
    expect(wf.templates.map((x) => x.name)).toContain("Validation juridique");
    const { workflowId } = await s.bizproc.start(contract.id, t.approval.id, {
      Lawyer: "user_1",
      Priority: "high",
      Urgent: true,
    });
    const [task, ...others] = s.bizproc.list();
    expect(others).toEqual([]);
    expect(task).toMatchObject({
      contractId: contract.id,
      contractTitle: "Bail commercial — Lemaître",
      type: "approve",
      name: "Valider le contrat",
      workflowId,
      workflowState: "En validation",
      answerable: true,
      portalUrl: `${double.origin}/company/personal/bizproc/${task?.id}/`,
      answer: null,
    });
    expect(task?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const running = await s.bizproc.workflows(contract.id);
    expect(running.running).toEqual([
      expect.objectContaining({ id: workflowId, templateName: "Validation juridique" }),
    ]);
    expect(running.running[0]?.tasks.map((x) => x.id)).toEqual([task?.id]);

    double.offline = true;
    const id = task?.id ?? 0;
    const queued = await s.bizproc.answer({
      taskId: id,
      decision: "approve",
      comment: "Bon pour signature",
      fields: {},
      attachPdf: [],
    });
    expect(queued).toMatchObject({ state: "pending", decision: "approve" });
    expect(s.bizproc.list(contract.id)[0]?.answer).toMatchObject({ state: "pending" });
    const offline = await s.sync.run();
    expect(offline.state).toBe("offline");
    expect(portalTask(id)?.status).toBe(0);
    expect(s.sync.status().pendingAnswers).toBe(1);

    double.offline = false;
    const back = await s.sync.run();
    expect(back).toMatchObject({ state: "done", pushed: 1, errors: 0 });
    expect(s.sync.status().pendingAnswers).toBe(0);
    expect(double.state.bizproc.answers).toEqual([
      { taskId: id, userId: 1, status: 1, via: "rest" },
    ]);
    expect(portalTask(id)?.answer?.comment).toBe("Bon pour signature");
    expect(double.state.bizproc.instance(workflowId)?.status).toBe("completed");
    expect(double.state.type(CONTRACT_TYPE_ID).items.get(itemId)?.values.stageId).toBe(
      "DT1220_30:CLIENT",
    );
    expect(s.bizproc.list()).toEqual([]);
    await s.sync.run();
    expect(double.state.bizproc.answers).toHaveLength(1);
  });

  it("answers once after a lost answer (timeout after the portal saved it)", async () => {
    const { contract } = await linkedContract();
    await s.bizproc.start(contract.id, t.approval.id, { Lawyer: "user_1", Priority: "low" });
    const id = s.bizproc.list()[0]?.id ?? 0;
    double.injectFault({
      kind: "timeout-after-commit",
      methods: ["bizproc.task.complete"],
      delayMs: 3000,
    });
    const first = await s.bizproc.answer({
      taskId: id,
      decision: "approve",
      comment: "",
      fields: {},
      attachPdf: [],
    });
    expect(first.state).toBe("pending");
    expect(double.state.bizproc.answers).toHaveLength(1);
    // A restart: the queue is in the database, not in memory.
    s.close();
    s = openServices({ dataDir, actor: "tester", bitrix24: FAST });
    expect(s.bizproc.get(id).answer?.state).toBe("pending");
    const run = await s.sync.run();
    expect(run.state).toBe("done");
    // Sent, not dropped: a dropped answer would stay in the inbox with its message.
    expect(s.bizproc.list()).toEqual([]);
    expect(double.state.bizproc.answers).toHaveLength(1);
  });

  it("drops an offline answer when the task was answered on the portal meanwhile", async () => {
    const { contract } = await linkedContract();
    await s.bizproc.start(contract.id, t.approval.id, { Lawyer: "user_1", Priority: "low" });
    const id = s.bizproc.list()[0]?.id ?? 0;
    double.offline = true;
    await s.bizproc.answer({
      taskId: id,
      decision: "reject",
      comment: "Clause 4 à revoir",
      fields: {},
      attachPdf: [],
    });
    double.state.bizproc.complete(id, 1, 1, "Validé dans le navigateur", {}, "portal");
    double.offline = false;
    const run = await s.sync.run();
    expect(run.detail.problems).toEqual([
      {
        where: `workflow task #${id}`,
        message: expect.stringContaining("answered on the portal meanwhile"),
      },
    ]);
    const dropped = s.bizproc.get(id);
    expect(dropped.answer).toMatchObject({
      state: "dropped",
      message: expect.stringContaining("answered on the portal meanwhile"),
    });
    expect(s.bizproc.list().map((x) => x.id)).toEqual([id]);
    expect(double.state.bizproc.answers.map((a) => a.via)).toEqual(["portal"]);
    expect(portalTask(id)?.answer?.comment).toBe("Validé dans le navigateur");
    s.bizproc.dismiss(id);
    expect(s.bizproc.list()).toEqual([]);
  });

  it("answers a request with fields and the contract's PDF as the file", async () => {
    const { contract } = await linkedContract("Contrat de licence Ñandú");
    await s.bizproc.start(contract.id, t.request.id, { Lawyer: "user_1" });
    const task = s.bizproc.list()[0];
    expect(task?.type).toBe("requestOptional");
    const id = task?.id ?? 0;
    await expect(
      s.bizproc.answer({ taskId: id, decision: "answer", comment: "", fields: {}, attachPdf: [] }),
    ).rejects.toThrow(/needs the field "Numéro du contrat"/);
    await expect(
      s.bizproc.answer({ taskId: id, decision: "approve", comment: "", fields: {}, attachPdf: [] }),
    ).rejects.toThrow(/answer it with answer, reject, cancel/);
    const sent = await s.bizproc.answer({
      taskId: id,
      decision: "answer",
      comment: "Ci-joint",
      fields: { ContractNumber: "C-2026-007" },
      attachPdf: ["SignedPdf"],
    });
    expect(sent.state).toBe("sent");
    const file = readFile(portalTask(id)?.answer?.fields.SignedPdf);
    expect(file?.name).toBe("C-2026-007 Contrat de licence Ñandú.pdf");
    const out = path.join(dataDir, "sent.pdf");
    fs.writeFileSync(out, file?.bytes ?? Buffer.alloc(0));
    expect(pdfPages(out).join("\n")).toContain("Contrat de licence Ñandú");
    expect(portalTask(id)?.answer?.fields.ContractNumber).toBe("C-2026-007");
  });

  it("shows tasks REST cannot answer with the portal's link, and refuses them", async () => {
    const { contract } = await linkedContract();
    await s.bizproc.start(contract.id, t.manual.id, { Lawyer: "user_1" });
    const task = s.bizproc.list()[0];
    expect(task).toMatchObject({
      type: "other",
      answerable: false,
      activity: "SignDocumentActivity",
    });
    const answer = s.bizproc.answer({
      taskId: task?.id ?? 0,
      decision: "approve",
      comment: "",
      fields: {},
      attachPdf: [],
    });
    await expect(answer).rejects.toMatchObject({ reason: "portal_refused" });
    await expect(answer).rejects.toThrow(/open it in Bitrix24: http:\/\/127\.0\.0\.1:\d+\//);
  });

  it("keeps the portal's tasks of unlinked items out, and tells a non-admin why", async () => {
    const { contract } = await linkedContract();
    // A workflow on another item: not one of Pacta's contracts.
    double.state.bizproc.start(
      t.approval,
      ["crm", "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic", "DYNAMIC_1220_999"],
      { Lawyer: "user_1" },
      1,
    );
    await s.sync.run();
    expect(s.bizproc.list()).toEqual([]);
    const admin = double.state.user(1);
    if (admin) admin.admin = false;
    const wf = await s.bizproc.workflows(contract.id);
    expect(wf).toMatchObject({ live: false, notice: expect.stringMatching(/administrators/) });
    await expect(
      s.bizproc.start(contract.id, t.approval.id, { Lawyer: "user_1" }),
    ).rejects.toMatchObject({ reason: "portal_refused", message: expect.stringMatching(/admin/) });
  });
});

describe("the templates a trigger rule may start", () => {
  it("lists the sync target's templates with their parameters, not other types'", async () => {
    await expect(s.bizproc.templates()).rejects.toMatchObject({ reason: "not_connected" });
    await s.sync.connectWebhook(double.webhookUrl());
    s.sync.saveSettings(SPA_SETTINGS);
    const templates = await s.bizproc.templates();
    expect(templates.map((x) => x.name)).toEqual([
      "Validation juridique",
      "Demande de pièces",
      "Signature électronique",
    ]);
    const approval = templates.find((x) => x.id === t.approval.id);
    expect(approval?.parameters.find((p) => p.key === "Lawyer")).toMatchObject({
      name: "Juriste",
      type: "user",
      required: true,
    });
    s.sync.saveSettings({ ...SPA_SETTINGS, target: { kind: "deals", categoryId: null } });
    const deals = await s.bizproc.templates();
    expect(deals.map((x) => [x.id, x.name])).toEqual([[t.deal.id, "Revue de l'affaire"]]);
  });

  it("names why the list is missing: portal away, or the user not an administrator", async () => {
    await s.sync.connectWebhook(double.webhookUrl());
    s.sync.saveSettings(SPA_SETTINGS);
    double.offline = true;
    await expect(s.bizproc.templates()).rejects.toMatchObject({ reason: "portal_unreachable" });
    double.offline = false;
    const admin = double.state.user(1);
    if (admin) admin.admin = false;
    await expect(s.bizproc.templates()).rejects.toMatchObject({
      reason: "portal_refused",
      message: expect.stringMatching(/administrators may list workflow templates/),
    });
  });
});
