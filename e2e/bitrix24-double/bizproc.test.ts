/**
 * The double's workflow engine against BITRIX24.md 7.5–7.6, over real HTTP:
 * templates, start, instances, tasks and their completion.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SeededTemplates, seedWorkflowTemplates } from "./bizproc-seed";
import { CONTRACT_TYPE_ID } from "./catalog";
import { Bitrix24Double } from "./server";
import { seedContracts } from "./state";

let double: Bitrix24Double;
let t: SeededTemplates;
const LAWYER = { userId: 2, secret: "lawyer-s3cr3t-hook", scopes: ["crm", "bizproc"] };
const DOC = (id: number) => [
  "crm",
  "Bitrix\\Crm\\Integration\\BizProc\\Document\\Dynamic",
  `DYNAMIC_${CONTRACT_TYPE_ID}_${id}`,
];

beforeEach(async () => {
  double = await Bitrix24Double.start();
  seedContracts(double.state, 3);
  t = seedWorkflowTemplates(double.state);
  double.credentials.webhooks.push({ ...LAWYER });
});

afterEach(async () => {
  await double.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown> & { result?: unknown; error?: string };
}

async function call(method: string, body: unknown, hook = double.webhookUrl()): Promise<Answer> {
  const res = await fetch(`${hook}${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

const asLawyer = (method: string, body: unknown) => call(method, body, double.webhookUrl(LAWYER));

async function startApproval(itemId = 1): Promise<string> {
  const a = await call("bizproc.workflow.start", {
    TEMPLATE_ID: t.approval.id,
    DOCUMENT_ID: DOC(itemId),
    PARAMETERS: { Lawyer: "user_2", Priority: "high" },
  });
  expect(a.status).toBe(200);
  return a.body.result as string;
}

describe("templates and start", () => {
  it("lists templates with their document type and parameters, admins only", async () => {
    const a = await call("bizproc.workflow.template.list", {
      SELECT: ["ID", "NAME", "DOCUMENT_TYPE", "PARAMETERS"],
      FILTER: { ENTITY: "CCrmDocumentDeal" },
    });
    expect(a.body.result).toEqual([
      {
        ID: String(t.deal.id),
        NAME: "Revue de l'affaire",
        DOCUMENT_TYPE: ["crm", "CCrmDocumentDeal", "DEAL"],
        PARAMETERS: [],
      },
    ]);
    expect(a.body.total).toBe(1);
    const plain = await call("bizproc.workflow.template.list", {});
    expect((plain.body.result as object[])[0]).toEqual({ ID: String(t.approval.id) });
    const refused = await asLawyer("bizproc.workflow.template.list", {});
    expect(refused).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
  });

  it("starts a workflow that gives the lawyer a task; errors as documented", async () => {
    const id = await startApproval();
    expect(id).toMatch(/^[0-9a-f]+\.\d{8}$/);
    const wf = double.state.bizproc.instance(id);
    expect(wf).toMatchObject({ status: "running", state: "En validation", startedBy: 1 });
    const refused = await asLawyer("bizproc.workflow.start", {
      TEMPLATE_ID: t.approval.id,
      DOCUMENT_ID: DOC(1),
      PARAMETERS: { Lawyer: "user_2" },
    });
    expect(refused).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
    const cases: [unknown, number, string, RegExp][] = [
      [{ DOCUMENT_ID: DOC(1) }, 400, "ERROR_WRONG_WORKFLOW_ID", /Empty TEMPLATE_ID/],
      [{ TEMPLATE_ID: 999, DOCUMENT_ID: DOC(1) }, 400, "ERROR_WRONG_WORKFLOW_ID", /not found/],
      [{ TEMPLATE_ID: t.approval.id, DOCUMENT_ID: ["crm"] }, 400, "", /Wrong DOCUMENT_ID/],
      [{ TEMPLATE_ID: t.approval.id, DOCUMENT_ID: DOC(99) }, 400, "", /Wrong DOCUMENT_ID/],
      [
        {
          TEMPLATE_ID: t.approval.id,
          DOCUMENT_ID: ["crm", "CCrmDocumentDeal", "DEAL_1"],
          PARAMETERS: { Lawyer: "user_2" },
        },
        400,
        "",
        /mismatch/,
      ],
      [{ TEMPLATE_ID: t.approval.id, DOCUMENT_ID: DOC(1) }, 400, "", /"Juriste" is required/],
      [
        {
          TEMPLATE_ID: t.approval.id,
          DOCUMENT_ID: DOC(1),
          PARAMETERS: { Lawyer: "user_2", Priority: "urgent" },
        },
        400,
        "",
        /not one of its options/,
      ],
    ];
    for (const [body, status, code, text] of cases) {
      const a = await call("bizproc.workflow.start", body);
      expect(a.status).toBe(status);
      expect(a.body.error).toBe(code);
      expect(String(a.body.error_description)).toMatch(text);
    }
  });

  it("lists running instances of a document, terminates and kills them", async () => {
    const first = await startApproval(1);
    const second = await startApproval(2);
    const all = await call("bizproc.workflow.instances", {
      select: ["ID", "DOCUMENT_ID", "TEMPLATE_ID", "STARTED_BY"],
      filter: { DOCUMENT_ID: `DYNAMIC_${CONTRACT_TYPE_ID}_2` },
    });
    expect(all.body.result).toEqual([
      {
        ID: second,
        DOCUMENT_ID: `DYNAMIC_${CONTRACT_TYPE_ID}_2`,
        TEMPLATE_ID: String(t.approval.id),
        STARTED_BY: "1",
      },
    ]);
    const alias = await call("bizproc.workflow.instance.list", {});
    expect(alias.body.total).toBe(2);
    const terminated = await call("bizproc.workflow.terminate", { ID: first, STATUS: "Annulé" });
    expect(terminated).toMatchObject({ status: 200, body: { result: true } });
    expect(double.state.bizproc.instance(first)).toMatchObject({
      status: "terminated",
      state: "Annulé",
    });
    expect((await asLawyer("bizproc.task.list", {})).body.total).toBe(1);
    await call("bizproc.workflow.kill", { ID: second });
    expect(double.state.bizproc.instance(second)).toBeUndefined();
    expect((await call("bizproc.workflow.instances", {})).body.total).toBe(0);
    const gone = await call("bizproc.workflow.kill", { ID: second });
    expect(gone).toMatchObject({ status: 400, body: { error: "ERROR_WRONG_WORKFLOW_ID" } });
    const refused = await asLawyer("bizproc.workflow.instances", {});
    expect(refused.status).toBe(403);
  });
});

describe("tasks", () => {
  it("lists the caller's own tasks with the documented fields, in pages of 50", async () => {
    await startApproval();
    const mine = await asLawyer("bizproc.task.list", {});
    const row = (mine.body.result as Record<string, unknown>[])[0];
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "DOCUMENT_ID",
        "DOCUMENT_NAME",
        "DOCUMENT_URL",
        "ENTITY",
        "ID",
        "NAME",
        "WORKFLOW_ID",
      ].sort(),
    );
    expect(row).toMatchObject({
      DOCUMENT_ID: `DYNAMIC_${CONTRACT_TYPE_ID}_1`,
      NAME: "Valider le contrat",
      DOCUMENT_URL: `/crm/type/${CONTRACT_TYPE_ID}/details/1/`,
    });
    const full = await asLawyer("bizproc.task.list", {
      SELECT: ["ID", "ACTIVITY", "STATUS", "USER_STATUS", "PARAMETERS", "WORKFLOW_STATE"],
      FILTER: { STATUS: 0 },
    });
    expect((full.body.result as object[])[0]).toMatchObject({
      ACTIVITY: "ApproveActivity",
      STATUS: "0",
      USER_STATUS: "0",
      WORKFLOW_STATE: "En validation",
      PARAMETERS: { CommentRequired: "YR", StatusYesLabel: "Approve", Fields: [] },
    });
    expect((await call("bizproc.task.list", {})).body.total).toBe(0);
    const others = await call("bizproc.task.list", { FILTER: { USER_ID: 2 } });
    expect(others.body.total).toBe(1);
    const refused = await asLawyer("bizproc.task.list", { FILTER: { USER_ID: 1 } });
    expect(refused).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
    const bad = await asLawyer("bizproc.task.list", { SELECT: ["NOPE"] });
    expect(bad.body.error).toBe("ERROR_SELECT_VALIDATION_FAILURE");
    for (let i = 0; i < 54; i++) await startApproval(1 + (i % 3));
    const first = await asLawyer("bizproc.task.list", { ORDER: { ID: "DESC" } });
    expect(first.body).toMatchObject({ total: 55, next: 50 });
    const last = await asLawyer("bizproc.task.list", { ORDER: { ID: "DESC" }, START: 50 });
    expect(last.body.result as object[]).toHaveLength(5);
    expect(last.body.next).toBeUndefined();
  });

  it("completes an approval once, advancing the workflow and moving the stage", async () => {
    const wf = await startApproval(1);
    const [task] = [...double.state.bizproc.tasks.values()];
    const id = task?.id ?? 0;
    const noComment = await asLawyer("bizproc.task.complete", { TASK_ID: id, STATUS: 2 });
    expect(noComment.body.error).toBe("ERROR_TASK_EXECUTION");
    const wrongStatus = await asLawyer("bizproc.task.complete", { TASK_ID: id, STATUS: 3 });
    expect(wrongStatus.body).toMatchObject({ error: "ERROR_TASK_VALIDATION" });
    const empty = await asLawyer("bizproc.task.complete", { STATUS: 1 });
    expect(empty.body).toMatchObject({ error: "ERROR_TASK_VALIDATION" });
    const notMine = await call("bizproc.task.complete", { TASK_ID: id, STATUS: 1 });
    expect(notMine).toMatchObject({ status: 400, body: { error: "ERROR_TASK_NOT_FOUND" } });
    const done = await asLawyer("bizproc.task.complete", {
      TASK_ID: id,
      STATUS: "yes",
      COMMENT: "Bon pour signature",
    });
    expect(done).toMatchObject({ status: 200, body: { result: true } });
    const again = await asLawyer("bizproc.task.complete", { TASK_ID: id, STATUS: 1 });
    expect(again).toMatchObject({ status: 400, body: { error: "ERROR_TASK_COMPLETED" } });
    expect(double.state.bizproc.answers).toHaveLength(1);
    expect(double.state.bizproc.instance(wf)).toMatchObject({ status: "completed" });
    // ○ a finished workflow leaves the list of running ones
    expect((await call("bizproc.workflow.instances", {})).body.total).toBe(0);
    const item = double.state.type(CONTRACT_TYPE_ID).items.get(1);
    expect(item?.values.stageId).toBe("DT1220_30:CLIENT");
    const listed = await asLawyer("bizproc.task.list", { SELECT: ["ID", "STATUS", "USER_STATUS"] });
    expect(listed.body.result).toEqual([{ ID: String(id), STATUS: "1", USER_STATUS: "1" }]);
    double.state.now = () => Date.now() + 86_400_000 + 1000;
    expect((await asLawyer("bizproc.task.list", {})).body.total).toBe(0);
  });

  it("takes request fields with a [name, base64] file; refuses REST for other types", async () => {
    await call("bizproc.workflow.start", {
      TEMPLATE_ID: t.request.id,
      DOCUMENT_ID: DOC(2),
      PARAMETERS: { Lawyer: "user_2" },
    });
    const [task] = [...double.state.bizproc.tasks.values()];
    const id = task?.id ?? 0;
    const missing = await asLawyer("bizproc.task.complete", {
      TASK_ID: id,
      STATUS: 3,
      FIELDS: { ContractNumber: "C-1" },
    });
    expect(missing.body).toMatchObject({ error: "ERROR_TASK_EXECUTION" });
    expect(String(missing.body.error_description)).toContain("Contrat (PDF)");
    const pdf = Buffer.from("%PDF-1.7 test").toString("base64");
    const ok = await asLawyer("bizproc.task.complete", {
      TASK_ID: id,
      STATUS: 3,
      FIELDS: { ContractNumber: "C-1", SignedPdf: ["contrat.pdf", pdf] },
    });
    expect(ok.body.result).toBe(true);
    expect(task?.answer?.fields.SignedPdf).toEqual(["contrat.pdf", pdf]);
    // The workflow moved on to its next step: still running, modified since it started.
    const listed = await call("bizproc.workflow.instances", {
      select: ["ID", "STARTED", "MODIFIED"],
    });
    const [row] = listed.body.result as { ID: string; STARTED: string; MODIFIED: string }[];
    expect(row?.ID).toBe(task?.workflowId);
    expect((row?.MODIFIED ?? "") >= (row?.STARTED ?? "")).toBe(true);
    expect(double.state.bizproc.instance(task?.workflowId ?? "")?.state).toBe("Archivage");
    await call("bizproc.workflow.start", {
      TEMPLATE_ID: t.manual.id,
      DOCUMENT_ID: DOC(3),
      PARAMETERS: { Lawyer: "user_2" },
    });
    const manual = [...double.state.bizproc.tasks.values()].find((x) => x.id !== id);
    const refused = await asLawyer("bizproc.task.complete", { TASK_ID: manual?.id, STATUS: 1 });
    expect(refused).toMatchObject({ status: 400, body: { error: "ERROR_TASK_TYPE" } });
    double.state.bizproc.complete(manual?.id ?? 0, 2, 1, "", {}, "portal");
    expect(manual?.status).toBe(1);
  });

  it("needs the bizproc scope", async () => {
    double.credentials.webhooks.push({ userId: 3, secret: "crm-only-hook-3", scopes: ["crm"] });
    const a = await call(
      "bizproc.task.list",
      {},
      double.webhookUrl({
        userId: 3,
        secret: "crm-only-hook-3",
        scopes: ["crm"],
      }),
    );
    expect(a).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});
