/**
 * Triggers against the Bitrix24 double on 127.0.0.1: a rule fires once per
 * change, also for a change made while the portal was out of reach, and
 * each of its actions reaches the portal (push, stage, workflow, timeline
 * comment with the contract's PDF, notifications). A crash between an
 * action and its record does not repeat the comment or the notice.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedWorkflowTemplates } from "../../e2e/bitrix24-double/bizproc-seed";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { messagesOf } from "../../e2e/bitrix24-double/methods/timeline-notify";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { runPactaAsync } from "../test-support/cli";
import { pdfPages } from "../test-support/poppler";
import { tempDataDir } from "../test-support/temp-register";

let double: Bitrix24Double;
let s: PactaServices;

let dataDir: string;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  dataDir = tempDataDir();
  // No retries: an offline portal must fail fast here.
  s = openServices({ dataDir, actor: "tester", bitrix24: { retry: { retries: 0 } } });
});

afterEach(async () => {
  s.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await double.close();
});

async function connected(): Promise<{ id: number; itemId: number }> {
  await s.sync.connectWebhook(double.webhookUrl());
  s.sync.saveSettings(SPA_SETTINGS);
  const c = s.register.create(
    contractInputSchema.parse({
      title: "Bail commercial Lemaître",
      value: 12_000,
      currency: "EUR",
      endDate: "2027-12-31",
    }),
  );
  const run = await s.sync.run();
  expect(run.state).toBe("done");
  const link = s.sync.store.linkOf(c.id);
  if (!link) throw new Error("the contract was not pushed");
  return { id: c.id, itemId: link.itemId };
}

function update(id: number, fields: Record<string, unknown>) {
  const c = s.register.get(id);
  const { id: _i, uid: _u, history: _h, review: _r, createdAt: _c, updatedAt: _a, ...rest } = c;
  s.register.update(id, contractInputSchema.parse({ ...rest, ...fields }));
}

describe("triggers", () => {
  it("fire once per change, offline then online, and every action reaches the portal", async () => {
    const { manual } = seedWorkflowTemplates(double.state);
    const { id, itemId } = await connected();
    const rule = s.triggers.save(null, {
      name: "Échéance ou montant",
      groups: ["dates", "value"],
      actions: [
        { kind: "push" },
        { kind: "moveStage", stageId: "DT1220_30:CLIENT" },
        { kind: "startWorkflow", templateId: manual.id, parameters: { Lawyer: "user_2" } },
        { kind: "comment", attachPdf: true },
        { kind: "notify", userIds: [2, 3] },
      ],
    });
    expect(rule.id).toBeGreaterThan(0);

    // A title change is in no group of the rule: nothing fires.
    update(id, { title: "Bail commercial Lemaître & Fils" });
    expect(s.triggers.firings(10)).toEqual([]);

    // Offline: the change is kept with its firing, nothing goes out.
    double.offline = true;
    update(id, { endDate: "2028-06-30" });
    const offline = await s.sync.run();
    expect(offline.state).toBe("offline");
    expect(await s.triggers.run()).toEqual({ done: 0, pending: 1, failed: 0 });
    const [firing] = s.triggers.firings(10);
    expect(firing).toMatchObject({
      ruleId: rule.id,
      contractId: id,
      groups: ["dates"],
      state: "pending",
      changes: { endDate: ["2027-12-31", "2028-06-30"] },
    });

    // Online: one sync pushes and carries out the firing.
    double.offline = false;
    const online = await s.sync.run();
    expect(online.state, JSON.stringify(online.detail.problems)).toBe("done");
    expect(s.triggers.counts()).toEqual({ done: 1, pending: 0, failed: 0 });
    const item = double.state.type(CONTRACT_TYPE_ID).items.get(itemId);
    expect(item?.values.closedate).toBe("2028-06-30");
    expect(item?.values.stageId).toBe("DT1220_30:CLIENT");
    const instances = [...double.state.bizproc.instances.values()];
    expect(instances.map((i) => [i.templateId, i.documentId[2]])).toEqual([
      [manual.id, `DYNAMIC_${CONTRACT_TYPE_ID}_${itemId}`],
    ]);
    const { comments, notifications } = messagesOf(double.state);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ entityType: "dynamic_1220", entityId: itemId });
    expect(comments[0]?.comment).toContain("Date de fin : 2027-12-31 → 2028-06-30");
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trigger-pdf-")), "c.pdf");
    fs.writeFileSync(pdf, comments[0]?.files[0]?.data ?? Buffer.alloc(0));
    expect(comments[0]?.files[0]?.name).toBe("Bail commercial Lemaître & Fils.pdf");
    expect(pdfPages(pdf).join("\n")).toContain("Bail commercial Lemaître & Fils");
    expect(notifications.map((n) => n.toUserId).sort()).toEqual([2, 3]);
    expect(notifications[0]?.message).toContain("a changé (dates)");

    // Nothing runs twice: another sync and another run send nothing more.
    await s.sync.run();
    await s.triggers.run();
    expect(messagesOf(double.state).comments).toHaveLength(1);
    expect(messagesOf(double.state).sent).toBe(2);
    expect(double.state.bizproc.instances.size).toBe(1);

    // Two changes, two firings; a value change fires the same rule again.
    update(id, { value: 15_000 });
    await s.sync.run();
    expect(s.triggers.counts()).toEqual({ done: 2, pending: 0, failed: 0 });
    expect(messagesOf(double.state).comments).toHaveLength(2);
  }, 60_000);

  it("does not repeat a comment or a notice after a crash before the record", async () => {
    const { id } = await connected();
    s.triggers.save(null, {
      name: "Conditions",
      groups: ["conditions"],
      actions: [{ kind: "comment" }, { kind: "notify", userIds: [2] }],
    });
    update(id, { notes: "Clause de non-concurrence ajoutée" });
    await s.triggers.run();
    expect(s.triggers.counts().done).toBe(1);
    // As if the process died after the portal answered, before the record was written.
    s.db.prepare("UPDATE trigger_firings SET state = 'pending', done = '[]'").run();
    await s.triggers.run();
    const { comments, notifications, sent } = messagesOf(double.state);
    expect(comments).toHaveLength(1);
    expect(sent).toBe(2);
    expect(notifications).toHaveLength(1);
  }, 60_000);

  it("never starts a workflow twice after a crash, yet starts it if its try failed", async () => {
    const { manual } = seedWorkflowTemplates(double.state);
    const { id } = await connected();
    s.triggers.save(null, {
      name: "Montant",
      groups: ["value"],
      actions: [{ kind: "startWorkflow", templateId: manual.id, parameters: { Lawyer: "user_2" } }],
    });
    update(id, { value: 13_000 });
    await s.triggers.run();
    expect(double.state.bizproc.instances.size).toBe(1);
    const firing = () => s.db.prepare("SELECT state, done FROM trigger_firings");
    const [tried] = JSON.parse((firing().get() as { done: string }).done) as string[];
    expect(tried).toMatch(/^attempt:0@/);
    expect(s.triggers.firings(1)[0]?.done).toEqual(["0"]);
    // As if the process died after the portal started it, before "0" was recorded.
    s.db.prepare("UPDATE trigger_firings SET state = 'pending', done = ?").run(`["${tried}"]`);
    await s.triggers.run();
    expect(double.state.bizproc.instances.size).toBe(1);
    expect(firing().get()).toMatchObject({ state: "done" });

    // A try that never reached the portal (it was out of reach): the retry starts it.
    update(id, { value: 14_000 });
    double.offline = true;
    await s.triggers.run();
    expect(double.state.bizproc.instances.size).toBe(1);
    double.offline = false;
    await s.triggers.run();
    expect(double.state.bizproc.instances.size).toBe(2);
  }, 60_000);

  it("pacta triggers lists the rules and carries out what waits (--run)", async () => {
    const { id } = await connected();
    s.triggers.save(null, {
      name: "Étape",
      groups: ["stage"],
      actions: [{ kind: "notify", userIds: [3] }],
    });
    s.lifecycle.move({ contractId: id, to: "active", comment: null, confirmSkip: true });
    const dir = s.dataDir;
    const list = await runPactaAsync(dir, "triggers");
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/Étape\s+stage\s+notify 3\s+yes/);
    expect(list.stdout).toContain("0 done, 1 pending, 0 failed.");
    // The portal out of reach: nothing done, said on stderr, and the exit code says it failed.
    double.offline = true;
    const offline = await runPactaAsync(dir, "triggers", "--run");
    expect(offline.status).toBe(1);
    expect(offline.stdout).toContain("0 done, 1 pending, 0 failed.");
    expect(offline.stderr).toBe(
      "pacta: the portal could not be reached; 1 trigger firing still waits\n",
    );
    double.offline = false;
    const ran = await runPactaAsync(dir, "triggers", "--run", "--json");
    expect(ran.status, ran.stderr).toBe(0);
    const json = JSON.parse(ran.stdout) as { done: number; firings: { state: string }[] };
    expect(json.done).toBe(1);
    expect(json.firings[0]?.state).toBe("done");
    expect(messagesOf(double.state).notifications.map((n) => n.toUserId)).toEqual([3]);
  }, 60_000);
});
