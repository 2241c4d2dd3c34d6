/**
 * The workflow and task calls of main/bizproc against the Bitrix24 double
 * over real HTTP.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type SeededTemplates,
  seedWorkflowTemplates,
} from "../../e2e/bitrix24-double/bizproc-seed";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import { Bitrix24Client } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import { completeTask, listMyOpenTasks, readMyTask } from "./task-calls";
import {
  documentIdOf,
  documentTypeOf,
  listWorkflowInstances,
  listWorkflowTemplates,
  parseDocumentId,
  startWorkflow,
  stopWorkflow,
} from "./workflows";

let double: Bitrix24Double;
let t: SeededTemplates;
let admin: Bitrix24Client;
const LAWYER = { userId: 2, secret: "lawyer-hook-secret-2", scopes: ["crm", "bizproc"] };
const fast = { retry: { retries: 0 }, rateLimit: { capacity: 50, drainPerSecond: 100 } };

beforeEach(async () => {
  double = await Bitrix24Double.start();
  seedContracts(double.state, 2);
  t = seedWorkflowTemplates(double.state);
  double.credentials.webhooks.push({ ...LAWYER });
  admin = new Bitrix24Client({ auth: { kind: "webhook", url: double.webhookUrl() }, ...fast });
});

afterEach(async () => {
  await double.close();
});

describe("document ids", () => {
  it("names deals and smart-process items the way bizproc does", () => {
    expect(documentIdOf(2, 12)).toEqual(["crm", "CCrmDocumentDeal", "DEAL_12"]);
    expect(documentIdOf(1220, 5)[2]).toBe("DYNAMIC_1220_5");
    expect(documentTypeOf(1220)[2]).toBe("DYNAMIC_1220");
    expect(parseDocumentId("DYNAMIC_1220_5")).toEqual({ entityTypeId: 1220, itemId: 5 });
    expect(parseDocumentId("LEAD_4")).toBeNull();
  });
});

describe("workflows", () => {
  it("lists the templates of a document type with their parameter definitions", async () => {
    const forContracts = await listWorkflowTemplates(admin, {
      documentType: documentTypeOf(CONTRACT_TYPE_ID),
    });
    expect(forContracts.map((x) => x.name)).toEqual([
      "Validation juridique",
      "Demande de pièces",
      "Signature électronique",
    ]);
    const approval = forContracts[0];
    expect(approval?.parameters.find((p) => p.key === "Priority")).toEqual({
      key: "Priority",
      name: "Priorité",
      description: "",
      type: "select",
      required: true,
      multiple: false,
      options: [
        { value: "low", label: "Basse" },
        { value: "high", label: "Haute" },
      ],
      default: "low",
    });
    expect(approval?.parameters.map((p) => p.type).sort()).toEqual(
      ["bool", "date", "double", "int", "select", "string", "text", "user"].sort(),
    );
    const deals = await listWorkflowTemplates(admin, { documentType: documentTypeOf(2) });
    expect(deals.map((x) => x.id)).toEqual([t.deal.id]);
  });

  it("starts a workflow, lists it as running, and stops it", async () => {
    const documentId = documentIdOf(CONTRACT_TYPE_ID, 1);
    const id = await startWorkflow(admin, {
      templateId: t.approval.id,
      documentId,
      parameters: { Lawyer: "user_2", Priority: "high", Urgent: true, Copies: 2 },
    });
    expect(double.state.bizproc.instance(id)?.parameters).toMatchObject({
      Urgent: "Y",
      Copies: 2,
    });
    const running = await listWorkflowInstances(admin, { documentId });
    expect(running).toEqual([
      expect.objectContaining({ id, templateId: t.approval.id, documentId: documentId[2] }),
    ]);
    expect(
      await listWorkflowInstances(admin, { documentId: documentIdOf(CONTRACT_TYPE_ID, 2) }),
    ).toEqual([]);
    await stopWorkflow(admin, id);
    expect(double.state.bizproc.instance(id)?.status).toBe("terminated");
  });

  it("gives clear typed errors: non-admin, wrong document, missing parameter", async () => {
    const lawyer = new Bitrix24Client({
      auth: { kind: "webhook", url: double.webhookUrl(LAWYER) },
      ...fast,
    });
    const denied = await startWorkflow(lawyer, {
      templateId: t.approval.id,
      documentId: documentIdOf(CONTRACT_TYPE_ID, 1),
    }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(Bitrix24Error);
    expect(denied).toMatchObject({ kind: "forbidden", code: "ACCESS_DENIED" });
    const mismatch = await startWorkflow(admin, {
      templateId: t.approval.id,
      documentId: documentIdOf(2, 1),
    }).catch((e: Error) => e.message);
    expect(mismatch).toMatch(/bizproc.workflow.start failed \(HTTP 400\).*mismatch/);
    const missing = await startWorkflow(admin, {
      templateId: t.approval.id,
      documentId: documentIdOf(CONTRACT_TYPE_ID, 1),
    }).catch((e: Error) => e.message);
    expect(missing).toMatch(/"Juriste" is required/);
  });
});

describe("tasks", () => {
  it("lists the lawyer's open tasks and completes one with a file field", async () => {
    const lawyer = new Bitrix24Client({
      auth: { kind: "webhook", url: double.webhookUrl(LAWYER) },
      ...fast,
    });
    await startWorkflow(admin, {
      templateId: t.request.id,
      documentId: documentIdOf(CONTRACT_TYPE_ID, 2),
      parameters: { Lawyer: "user_2" },
    });
    const [task, ...rest] = await listMyOpenTasks(lawyer);
    expect(rest).toEqual([]);
    expect(task).toMatchObject({
      activity: "RequestInformationOptionalActivity",
      documentId: `DYNAMIC_${CONTRACT_TYPE_ID}_2`,
      templateName: "Demande de pièces",
      workflowState: "En attente des pièces",
      fields: [
        expect.objectContaining({ id: "ContractNumber", required: true, type: "string" }),
        expect.objectContaining({ id: "SignedPdf", type: "file" }),
      ],
    });
    const id = task?.id ?? 0;
    const pdf = Buffer.from("%PDF-1.4 x").toString("base64");
    await completeTask(lawyer, {
      taskId: id,
      status: 3,
      comment: "Voici",
      fields: { ContractNumber: "C-9", SignedPdf: ["c.pdf", pdf] },
    });
    expect(await listMyOpenTasks(lawyer)).toEqual([]);
    expect(await readMyTask(lawyer, id)).toMatchObject({ id, userStatus: 3 });
    const again = await completeTask(lawyer, { taskId: id, status: 3 }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "ERROR_TASK_COMPLETED", status: 400 });
  });
});
