/**
 * KPI digests: what one holds, firing once a day at the person's time
 * across two connections and restarts (late when the app was closed), the
 * `pacta digest` command, and the portal notification going out through
 * the sync outbox to the Bitrix24 double (and waiting while it is down).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { messagesOf } from "../../e2e/bitrix24-double/methods/timeline-notify";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { openServices, type PactaServices } from "../app/services";
import { TestFolder } from "../reminders/testing";
import { buildKnownRegister, type KnownRegister, TestClock } from "../reports/known-register";
import { runPacta, spawnPacta } from "../test-support/cli";

let folder: TestFolder;
let s: PactaServices;
let known: KnownRegister;
const clock = new TestClock(new Date(2026, 4, 1, 9, 0));

beforeEach(() => {
  folder = new TestFolder();
  s = folder.open(clock);
  known = buildKnownRegister(s, clock);
});

afterEach(() => folder.cleanup());

describe("a person's digest", () => {
  it("lists what they hold late and due within 30 days", () => {
    s.lifecycle.assign({ contractId: known.ids.K1 as number, responsibleId: known.alice });
    s.lifecycle.assign({ contractId: known.ids.K1 as number, dueDate: "2026-06-10" });
    const d = s.digests.digest(known.alice);
    expect(d).toMatchObject({ personId: known.alice, person: "Alice Martin", today: "2026-06-01" });
    expect(d.late).toEqual([
      expect.objectContaining({
        title: "F — draft held by Alice",
        dueDate: "2026-05-20",
        daysLate: 12,
      }),
    ]);
    expect(d.dueSoon).toEqual([
      expect.objectContaining({ title: "K1", stage: "legal_review", dueDate: "2026-06-10" }),
    ]);
  });

  it("prints with pacta digest, for one person or everyone", () => {
    s.close();
    const one = runPacta(folder.dir, "digest", "--person", "alice@example.test", "--json");
    expect(one.status, one.stderr).toBe(0);
    const json = JSON.parse(one.stdout);
    expect(json.person).toBe("Alice Martin");
    expect(json.late.map((i: { title: string }) => i.title)).toEqual(["F — draft held by Alice"]);
    const all = runPacta(folder.dir, "digest");
    expect(all.stdout).toContain("Alice Martin");
    expect(all.stdout).toContain("Bob Éloi");
    expect(all.stdout).toMatch(/1 late stage; within 30 days/);
    expect(runPacta(folder.dir, "digest", "--person", "Nobody").status).toBe(2);
  });
});

describe("sending digests", () => {
  it("sends once a day at the person's time, across connections and restarts", () => {
    clock.set(2026, 6, 1, 8, 0);
    s.digests.setSetting({ personId: known.alice, enabled: true, time: "09:00" });
    expect(s.digests.nextFireAt()).toBe(new Date(2026, 5, 1, 9, 0).toISOString());
    clock.set(2026, 6, 1, 8, 59);
    expect(s.digests.check()).toEqual([]);
    clock.set(2026, 6, 1, 9, 0);
    const other = folder.open(clock);
    const fired = other.digests.check();
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ day: "2026-06-01", late: false });
    expect(fired[0]?.digest.late).toHaveLength(1);
    expect(s.digests.check()).toEqual([]);
    // A restart the same day sends nothing again.
    other.close();
    s.close();
    s = folder.open(clock);
    clock.set(2026, 6, 1, 17, 0);
    expect(s.digests.check()).toEqual([]);
    expect(s.digests.nextFireAt()).toBe(new Date(2026, 5, 2, 9, 0).toISOString());
    // Closed over the next day's time: it goes out at the next start, late, once.
    s.close();
    clock.set(2026, 6, 2, 11, 30);
    s = folder.open(clock);
    const late = s.digests.check();
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ day: "2026-06-02", late: true });
    expect(folder.open(clock).digests.check()).toEqual([]);
    expect(s.digests.feed(0, 10).items.map((i) => i.day)).toEqual(["2026-06-01", "2026-06-02"]);
    expect(s.digests.feed(late[0]?.seq ?? 0, 10)).toMatchObject({
      items: [],
      newest: late[0]?.seq,
    });
  });

  it("waits for tomorrow when switched on after today's time; sends nothing switched off", () => {
    clock.set(2026, 6, 1, 10, 0);
    s.digests.setSetting({ personId: known.alice, enabled: true, time: "09:00" });
    s.digests.setSetting({ personId: known.bob, enabled: false, time: "09:00" });
    expect(s.digests.check()).toEqual([]);
    clock.set(2026, 6, 2, 9, 1);
    expect(s.digests.check().map((f) => f.digest.personId)).toEqual([known.alice]);
    expect(() => s.digests.setSetting({ personId: 999, enabled: true, time: "09:00" })).toThrow(
      /there is no person #999/,
    );
  });
});

describe("digests from real processes", () => {
  it("go out once when two headless hosts start together, " +
    "and not again after a restart", async () => {
    s.close();
    // Due since midnight today, set long before: every start finds it due.
    const db = folder.open(clock).db;
    db.prepare(
      `INSERT INTO digest_settings (person_id, enabled, time, updated_at)
       VALUES (?, 1, '00:00', '2000-01-01T00:00:00.000Z')`,
    ).run(known.alice);
    const runs = () => db.prepare("SELECT day, late FROM digest_runs").all();
    const serve = () => {
      const host = spawnPacta(folder.dir, "serve", "--json");
      const started = new Promise<void>((resolve) => {
        host.child.stdout.on("data", (t: Buffer) => {
          if (t.toString().includes("}")) resolve();
        });
      });
      return { host, started };
    };
    const stop = async (p: ReturnType<typeof serve>) => {
      await p.started;
      p.host.child.kill("SIGTERM");
      return p.host.done;
    };
    const a = serve();
    const b = serve();
    await Promise.all([a.started, b.started]);
    await expect.poll(runs, { timeout: 20_000 }).toHaveLength(1);
    await Promise.all([stop(a), stop(b)]);
    const c = serve();
    await c.started;
    // The third start checks at once too; give it time to (not) send.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stop(c);
    // Late or not depends on the real clock (just after midnight, 00:00 is not late yet).
    expect(runs()).toEqual([
      { day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), late: expect.any(Number) },
    ]);
  }, 60_000);
});

describe("digests on the portal", () => {
  let double: Bitrix24Double;

  beforeEach(async () => {
    double = await Bitrix24Double.start();
  });

  afterEach(async () => {
    await double.close();
  });

  it("go out as im.notify with the next sync, and wait while the portal is down", async () => {
    const fast = {
      retry: { baseDelayMs: 10, operationLimitDelayMs: 20, maxDelayMs: 50 },
      rateLimit: { capacity: 50, drainPerSecond: 100 },
    };
    s.close();
    s = openServices({ dataDir: folder.dir, actor: "tester", now: clock.now, bitrix24: fast });
    await s.sync.connectWebhook(double.webhookUrl());
    s.lifecycle.people.save({
      id: known.alice,
      name: "Alice Martin",
      email: "alice@example.test",
      role: "lawyer",
      bitrixUserId: "2",
    });
    clock.set(2026, 6, 1, 8, 0);
    s.digests.setSetting({ personId: known.alice, enabled: true, time: "09:00" });
    s.digests.setSetting({ personId: known.bob, enabled: true, time: "09:00" });
    clock.set(2026, 6, 1, 9, 5);
    expect(s.digests.check()).toHaveLength(2);
    // Bob has no portal user: only Alice's digest waits for the portal.
    const waiting = () => s.db.prepare("SELECT user_id FROM sync_messages").pluck().all();
    expect(waiting()).toEqual(["2"]);

    double.injectFault({ kind: "internal", methods: ["im.notify"], times: 100 });
    const down = await s.sync.run();
    expect(down.state).toBe("offline");
    expect(waiting()).toEqual(["2"]);
    expect(messagesOf(double.state).notifications).toEqual([]);

    double.faults.clear();
    const up = await s.sync.run();
    expect(up.state).toBe("done");
    expect(waiting()).toEqual([]);
    const sent = messagesOf(double.state).notifications;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      toUserId: 2,
      type: "SYSTEM",
      tag: `pacta-digest-${known.alice}-2026-06-01`,
    });
    expect(sent[0]?.message).toContain("Synthèse Pacta du 2026-06-01");
    expect(sent[0]?.message).toContain("F — draft held by Alice");
  });

  it("speak English on a portal whose language is set to English", async () => {
    const fast = { rateLimit: { capacity: 50, drainPerSecond: 100 } };
    s.close();
    s = openServices({ dataDir: folder.dir, actor: "tester", now: clock.now, bitrix24: fast });
    await s.sync.connectWebhook(double.webhookUrl());
    s.sync.saveSettings({ ...s.sync.status().settings, portalLanguage: "en" });
    s.lifecycle.people.save({
      id: known.alice,
      name: "Alice Martin",
      email: "alice@example.test",
      role: "lawyer",
      bitrixUserId: "2",
    });
    clock.set(2026, 6, 1, 8, 0);
    s.digests.setSetting({ personId: known.alice, enabled: true, time: "09:00" });
    clock.set(2026, 6, 1, 9, 5);
    expect(s.digests.check()).toHaveLength(1);
    expect((await s.sync.run()).state).toBe("done");
    const [sent] = messagesOf(double.state).notifications;
    expect(sent?.message).toContain("[B]Pacta digest of 2026-06-01[/B]");
    expect(sent?.message).toContain("1 late stage");
    expect(sent?.message).not.toContain("Synthèse");
    // Stages by their English names, not their keys.
    expect(sent?.message).toMatch(/— Draft, 2026-\d\d-\d\d \(\+\d+ d\)/);
  });
});
