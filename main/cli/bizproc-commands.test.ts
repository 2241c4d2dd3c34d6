/**
 * `pacta tasks` and `pacta task` as scripts use them: the real binary on a
 * real data folder, against the Bitrix24 double on 127.0.0.1.
 */
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type SeededTemplates,
  seedWorkflowTemplates,
} from "../../e2e/bitrix24-double/bizproc-seed";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { runPactaAsync } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let double: Bitrix24Double;
let t: SeededTemplates;
let dataDir: string;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  t = seedWorkflowTemplates(double.state);
  dataDir = tempDataDir();
});

afterEach(async () => {
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pacta = (...args: string[]) => runPactaAsync(dataDir, ...args);

/** A contract on the portal with an approval and a signature task for user 1. */
async function prepare(): Promise<{ contractId: number; approval: number; manual: number }> {
  const s = openServices({ dataDir, actor: "setup" });
  try {
    const c = s.register.create(contractInputSchema.parse({ title: "Accord de confidentialité" }));
    await s.sync.connectWebhook(double.webhookUrl());
    s.sync.saveSettings(SPA_SETTINGS);
    await s.sync.run();
    await s.bizproc.start(c.id, t.approval.id, { Lawyer: "user_1", Priority: "high" });
    await s.bizproc.start(c.id, t.manual.id, { Lawyer: "user_1" });
    const [approval, manual] = s.bizproc.list().map((x) => x.id);
    return { contractId: c.id, approval: approval ?? 0, manual: manual ?? 0 };
  } finally {
    s.close();
  }
}

describe("pacta tasks", () => {
  it("says to connect first", async () => {
    const r = await pacta("tasks");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("pacta: connect to a Bitrix24 portal first (pacta connect)\n");
  });

  it("lists the open tasks with their contract, as text and as JSON", async () => {
    const { contractId, approval, manual } = await prepare();
    const json = await pacta("tasks", "--json");
    expect(json.status, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
    expect(rows).toEqual([
      expect.objectContaining({
        id: approval,
        contractId,
        name: "Valider le contrat",
        type: "approve",
        state: "open",
        answerable: true,
      }),
      expect.objectContaining({
        id: manual,
        contractId,
        type: "other",
        answerable: false,
        portalUrl: `${double.origin}/company/personal/bizproc/${manual}/`,
      }),
    ]);
    expect(String(rows[0]?.createdAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const text = await pacta("tasks");
    expect(text.stdout).toMatch(/^ID\s+CONTRACT\s+TYPE\s+TASK\s+SINCE\s+STATE\n/);
    expect(text.stdout).toContain(`#${contractId} Accord de confidentialité`);
    expect(text.stdout).toContain(`answer it in Bitrix24: ${double.origin}/company/personal/`);
  });
});

describe("pacta task", () => {
  it("approves a task on the portal and reports it", async () => {
    const { approval } = await prepare();
    const r = await pacta("task", String(approval), "--approve", "--comment", "Vu", "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      taskId: approval,
      decision: "approve",
      state: "sent",
      message: null,
    });
    expect(double.state.bizproc.answers).toEqual([
      { taskId: approval, userId: 1, status: 1, via: "rest" },
    ]);
    const again = await pacta("task", String(approval), "--approve");
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`pacta: workflow task #${approval} is already answered\n`);
  });

  it("queues an answer while offline; the next sync sends it", async () => {
    const { approval } = await prepare();
    double.offline = true;
    const r = await pacta("task", String(approval), "--reject", "--comment", "Clause 7");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `Task #${approval} rejected: saved; the portal could not be reached, ` +
        "the next pacta sync sends it.\n",
    );
    const listed = JSON.parse((await pacta("tasks", "--json")).stdout) as { state: string }[];
    expect(listed[0]?.state).toBe("pending");
    double.offline = false;
    expect((await pacta("sync")).status).toBe(0);
    expect(double.state.bizproc.answers).toEqual([
      { taskId: approval, userId: 1, status: 2, via: "rest" },
    ]);
  });

  it("gives clear errors: unknown task, REST-refusing type, usage", async () => {
    const { manual } = await prepare();
    const unknown = await pacta("task", "999", "--approve");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/there is no workflow task #999 here/);
    const refused = await pacta("task", String(manual), "--approve");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      "cannot be answered from Pacta; open it in Bitrix24: " +
        `${double.origin}/company/personal/bizproc/${manual}/`,
    );
    expect((await pacta("task", String(manual))).status).toBe(2);
    expect((await pacta("task", String(manual), "--approve", "--reject")).status).toBe(2);
    expect((await pacta("task", "x", "--approve")).status).toBe(2);
    const noComment = await pacta("task", "1", "--reject");
    expect(noComment.status).toBe(2);
    expect(noComment.stderr).toMatch(/needs a comment/);
  });
});
