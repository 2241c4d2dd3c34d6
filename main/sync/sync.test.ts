/**
 * Contract tests of the sync (BITRIX24.md 10.8): a real register in a
 * temporary folder, the Bitrix24 double over real HTTP on 127.0.0.1.
 * Pulling, pushing, conflicts and the lock; connecting, OAuth and the
 * settings are in sync-connect.test.ts.
 */
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import { contractInputSchema } from "../../shared/domain/contract";
import type { PactaServices } from "../app/services";
import { runImport } from "../import/import-service";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { tempDataDir } from "../test-support/temp-register";
import { byUid, connected, create, FAST, openIn, spaItems } from "./sync-test-setup";

let double: Bitrix24Double;
let dataDir: string;
let s: PactaServices;

const open = (client: object = FAST) => openIn(dataDir, client);

beforeEach(async () => {
  double = await Bitrix24Double.start();
  dataDir = tempDataDir();
  s = open();
});

afterEach(async () => {
  s.close();
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("pulling", () => {
  it("reads 10,000 items under the portal's rate limit with no 503", async () => {
    s.close();
    s = open({ retry: FAST.retry });
    double.setRateLimit();
    seedContracts(double.state, 10_000);
    await connected(s, double, {
      ...SPA_SETTINGS,
      target: { ...SPA_SETTINGS.target, categoryId: null },
    });
    double.resetStats();
    const run = await s.sync.run();
    expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
    expect(double.stats.rateLimited).toBe(0);
    expect(double.stats.byStatus[503]).toBeUndefined();
    expect(run.detail.pulledBy.item).toBe(10_000);
    expect(run.detail.created).toBe(10_000);
    expect(s.list.list({ limit: 1 }).total).toBe(10_000);
    // ⌈10,000 / 2500⌉ batches for the items, a few for the rest.
    expect(double.stats.byMethod.batch).toBeLessThanOrEqual(4 + 1 + 3 * 2 + 8);
  }, 120_000);

  it("takes the portal's changes, incrementally, and notices deleted items", async () => {
    const hour = 3600_000;
    double.state.now = () => Date.now() - 2 * hour;
    seedContracts(double.state, 3);
    double.state.now = () => Date.now() - hour;
    seedContracts(double.state, 1);
    double.state.now = Date.now;
    await connected(s, double);
    expect((await s.sync.run()).detail.created).toBe(4);
    const item = spaItems(double)[0];
    if (!item) throw new Error("no item");
    double.state.update(CONTRACT_TYPE_ID, item.id, { title: "Bail renouvelé" }, 1);
    const second = await s.sync.run();
    expect(second.state).toBe("done");
    // The changed item, and the newest of the first pull within the overlap margin.
    expect(second.detail.pulledBy.item).toBe(2);
    const local = s.list.list({ search: "renouvelé" }).rows;
    expect(local).toHaveLength(1);
    double.state.remove(CONTRACT_TYPE_ID, item.id);
    s.sync.store.setCursor("reconciledAt", null);
    await s.sync.run();
    const id = local[0]?.id ?? 0;
    expect(s.sync.contractLink(id)).toMatchObject({ itemId: item.id, deleted: true });
    expect(s.register.get(id).title).toBe("Bail renouvelé");
  });

  it("reports an item whose values do not fit a contract, and takes the others", async () => {
    double.state.add(CONTRACT_TYPE_ID, { title: "Bail", categoryId: 30, opportunity: 10 }, 1);
    const odd = double.state.add(
      CONTRACT_TYPE_ID,
      { title: "Licence", categoryId: 30, opportunity: 10.555, currencyId: "EUR" },
      1,
    );
    await connected(s, double);
    const run = await s.sync.run();
    expect(run.state).toBe("done");
    expect(run.detail.created).toBe(1);
    expect(run.errors).toBe(1);
    expect(run.detail.problems).toEqual([
      {
        where: `portal item ${CONTRACT_TYPE_ID}/${odd.id}`,
        message: "cannot become a contract: value: more decimals than EUR has",
      },
    ]);
    expect(s.list.list({}).rows.map((r) => r.title)).toEqual(["Bail"]);
  });

  it("links a contract to its company, contacts and deal", async () => {
    const item = double.state.add(
      CONTRACT_TYPE_ID,
      { title: "Bail Lemaître", categoryId: 30, companyId: 2, contactIds: [1, 2], parentId2: 3 },
      1,
    );
    await connected(s, double);
    await s.sync.run();
    const id = s.list.list({ search: "Lemaître" }).rows[0]?.id ?? 0;
    expect(s.sync.contractLink(id)).toMatchObject({
      itemId: item.id,
      company: { id: 2, title: "Boulangerie Lemaître & Fils" },
      contacts: [
        { id: 1, name: "Hélène Dupré" },
        { id: 2, name: "Дмитрий Иванов" },
      ],
      deal: { id: 3 },
      portal: `${double.origin}/`,
    });
  });
});

describe("pushing", () => {
  it("no outbox until connected; connect queues the register, disconnect empties it", async () => {
    const queued = () => s.db.prepare("SELECT COUNT(*) AS n FROM sync_outbox").get();
    const a = create(s, "Un", { reference: "R-1" });
    s.register.update(a.id, contractInputSchema.parse({ title: "Un bis", reference: "R-1" }));
    expect(queued()).toEqual({ n: 0 });
    await connected(s, double);
    expect(s.sync.status().pending).toBe(1);
    create(s, "Deux");
    expect(s.sync.status().pending).toBe(2);
    s.sync.disconnect();
    expect(queued()).toEqual({ n: 0 });
    create(s, "Trois");
    expect(queued()).toEqual({ n: 0 });
    await connected(s, double);
    expect(s.sync.status().pending).toBe(3);
    await s.sync.run();
    expect(
      spaItems(double)
        .map((i) => i.values.title)
        .sort(),
    ).toEqual(["Deux", "Trois", "Un bis"]);
  });

  it("queues an import's rows only while connected, and edits after it as before", async () => {
    const queued = () => s.db.prepare("SELECT COUNT(*) AS n FROM sync_outbox").get();
    const csv = (from: number) =>
      ["Ref;Titre", ...[0, 1, 2].map((i) => `R-${from + i};Contrat ${from + i}`)].join("\n");
    const source = (from: number) => ({ fileName: "a.csv", content: csv(from) });
    await runImport(s.register, source(1), { dryRun: false, batchSize: 2 });
    expect(queued()).toEqual({ n: 0 });
    await connected(s, double);
    expect(s.sync.status().pending).toBe(3);
    await runImport(s.register, source(4), { dryRun: false, batchSize: 2 });
    expect(s.sync.status().pending).toBe(6);
    s.sync.disconnect();
    // What the import's batches read of the connection is forgotten after them.
    create(s, "Après l'import");
    await runImport(s.register, source(7), { dryRun: false, batchSize: 2 });
    expect(queued()).toEqual({ n: 0 });
  });

  it("queues an edit in its own transaction: a refused edit leaves no outbox entry", async () => {
    await connected(s, double);
    create(s, "Un", { reference: "R-1" });
    const b = create(s, "Deux", { reference: "R-2" });
    const queued = () => s.db.prepare("SELECT COUNT(*) AS n FROM sync_outbox").get();
    expect(queued()).toEqual({ n: 2 });
    expect(() =>
      s.register.update(b.id, contractInputSchema.parse({ title: "Deux", reference: "R-1" })),
    ).toThrow(/already used/);
    expect(queued()).toEqual({ n: 2 });
    s.register.update(b.id, contractInputSchema.parse({ title: "Deux bis", reference: "R-2" }));
    expect(queued()).toEqual({ n: 3 });
    expect(s.sync.status().pending).toBe(2);
  });

  it("creates each contract once, with its uid, even if the reply to the add is lost", async () => {
    s.close();
    s = open({ ...FAST, timeoutMs: 400 });
    await connected(s, double);
    const contract = create(s, "Accord de confidentialité", { value: 1200, currency: "EUR" });
    double.injectFault({ kind: "timeout-after-commit", methods: ["crm.item.add"], delayMs: 1500 });
    double.state.journal.length = 0;
    const run = await s.sync.run();
    expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
    expect(byUid(double, contract.uid)).toHaveLength(1);
    expect(double.state.journal.filter((j) => j.op === "add")).toHaveLength(1);
    expect(s.sync.status().pending).toBe(0);
    await s.sync.run();
    expect(byUid(double, contract.uid)).toHaveLength(1);
    expect(byUid(double, contract.uid)[0]?.values).toMatchObject({
      opportunity: 1200,
      currencyId: "EUR",
    });
  });

  it("sends the contract's empty fields over the portal's defaults, then rests", async () => {
    await connected(s, double);
    const a = create(s, "Accord sans dates");
    const first = await s.sync.run();
    expect(first.pushed).toBe(1);
    const item = byUid(double, a.uid)[0];
    expect(item?.values).toMatchObject({ begindate: null, closedate: null });
    expect(s.register.get(a.id)).toMatchObject({ effectiveDate: null, endDate: null });
    double.state.journal.length = 0;
    const second = await s.sync.run();
    expect(second).toMatchObject({ pushed: 0, conflicts: 0, errors: 0 });
    expect(double.state.journal).toEqual([]);
    expect(s.register.get(a.id).history).toHaveLength(1);
  });

  it("keeps offline edits in the outbox and sends each once, in order, when back", async () => {
    await connected(s, double);
    const a = create(s, "Contrat A");
    const b = create(s, "Contrat B");
    await s.sync.run();
    double.offline = true;
    s.register.update(a.id, { ...contractInputSchema.parse({ title: "Contrat A v2" }) });
    s.register.update(b.id, { ...contractInputSchema.parse({ title: "Contrat B v2" }) });
    s.register.update(a.id, { ...contractInputSchema.parse({ title: "Contrat A v3" }) });
    const offline = await s.sync.run();
    expect(offline.state).toBe("offline");
    expect(s.sync.status().pending).toBe(2);
    double.offline = false;
    double.state.journal.length = 0;
    const back = await s.sync.run();
    expect(back.state, JSON.stringify(back.detail.problems)).toBe("done");
    expect(back.pushed).toBe(2);
    const idOf = (uid: string) => byUid(double, uid)[0]?.id;
    expect(double.state.journal).toEqual([
      { op: "update", entityTypeId: CONTRACT_TYPE_ID, id: idOf(a.uid), fields: ["title"] },
      { op: "update", entityTypeId: CONTRACT_TYPE_ID, id: idOf(b.uid), fields: ["title"] },
    ]);
    expect(byUid(double, a.uid)[0]?.values.title).toBe("Contrat A v3");
    expect(s.sync.status().pending).toBe(0);
    await s.sync.run();
    expect(double.state.journal).toHaveLength(2);
  });

  it("goes on past a refused command of a batch, and reports it", async () => {
    await connected(s, double);
    const [a, b, c] = ["Un", "Deux", "Trois"].map((t) => create(s, t));
    await s.sync.run();
    const middle = byUid(double, b?.uid ?? "")[0];
    if (!a || !b || !c || !middle) throw new Error("setup");
    double.state.remove(CONTRACT_TYPE_ID, middle.id);
    for (const x of [a, b, c]) {
      s.register.update(x.id, contractInputSchema.parse({ title: `${x.title} bis` }));
    }
    const run = await s.sync.run();
    expect(run.state).toBe("done");
    expect(run.pushed).toBe(2);
    expect(run.errors).toBe(1);
    expect(run.detail.problems[0]).toMatchObject({ where: `contract #${b.id}` });
    expect(byUid(double, a.uid)[0]?.values.title).toBe("Un bis");
    expect(byUid(double, c.uid)[0]?.values.title).toBe("Trois bis");
    expect(s.sync.contractLink(b.id)?.deleted).toBe(true);
  });

  it("moves the portal item's stage with the contract's, through the stage map", async () => {
    await connected(s, double);
    const a = create(s, "Contrat de licence");
    await s.sync.run();
    s.lifecycle.move({ contractId: a.id, to: "negotiation", comment: null, confirmSkip: true });
    await s.sync.run();
    expect(byUid(double, a.uid)[0]?.values.stageId).toBe("DT1220_30:CLIENT");
  });
});

describe("conflicts", () => {
  it("finds a field changed on both sides, touches neither, and resolves per field", async () => {
    await connected(s, double);
    const a = create(s, "Bail", { value: 1000, currency: "EUR", endDate: "2027-01-31" });
    await s.sync.run();
    const item = byUid(double, a.uid)[0];
    if (!item) throw new Error("setup");
    double.state.update(
      CONTRACT_TYPE_ID,
      item.id,
      { title: "Bail (portail)", opportunity: 2000 },
      2,
    );
    s.register.update(
      a.id,
      contractInputSchema.parse({
        title: "Bail (local)",
        value: 1000,
        currency: "EUR",
        endDate: "2027-06-30",
      }),
    );
    const run = await s.sync.run();
    expect(run.conflicts).toBe(1);
    expect(s.register.get(a.id)).toMatchObject({ title: "Bail (local)", value: 2000 });
    expect(item.values).toMatchObject({ title: "Bail (portail)", closedate: "2027-06-30" });
    const [conflict] = s.sync.conflicts();
    expect(conflict).toMatchObject({
      contractId: a.id,
      field: "title",
      base: "Bail",
      mine: "Bail (local)",
      theirs: "Bail (portail)",
    });
    expect(s.sync.resolve(conflict?.id ?? 0, "mine")).toEqual([]);
    await s.sync.run();
    expect(item.values.title).toBe("Bail (local)");
    expect(s.sync.conflicts()).toEqual([]);
  });
});

describe("one sync at a time", () => {
  it("refuses to start while another live process holds the lock; takes a dead one's", async () => {
    await connected(s, double);
    const other = { pid: process.ppid, at: "2026-12-04T10:00:00.000Z" };
    s.db
      .prepare("INSERT INTO settings (key, value) VALUES ('sync.lock', ?)")
      .run(JSON.stringify(other));
    await expect(s.sync.run()).rejects.toMatchObject({ reason: "sync_running" });
    s.db
      .prepare("UPDATE settings SET value = ? WHERE key = 'sync.lock'")
      .run(JSON.stringify({ pid: 2 ** 22 + 12_345, at: other.at }));
    expect((await s.sync.run()).state).toBe("done");
    expect(
      s.db.prepare("SELECT value FROM settings WHERE key = 'sync.lock'").get(),
    ).toBeUndefined();
  });
});
