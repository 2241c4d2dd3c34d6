/**
 * Contract tests of the sync (BITRIX24.md 10.8): a real register in a
 * temporary folder, the Bitrix24 double over real HTTP on 127.0.0.1.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double, DEFAULT_APP } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import type { SyncSettings } from "../../shared/api/sync";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { tempDataDir } from "../test-support/temp-register";
import { SECRET_FILE } from "./secrets";

const FAST = {
  retry: { baseDelayMs: 20, operationLimitDelayMs: 40, maxDelayMs: 200 },
  rateLimit: { capacity: 50, drainPerSecond: 100 },
};

let double: Bitrix24Double;
let dataDir: string;
let s: PactaServices;

function open(client: object = FAST): PactaServices {
  return openServices({ dataDir, actor: "tester", bitrix24: client });
}

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

const spaItems = () => [...double.state.type(CONTRACT_TYPE_ID).items.values()];
const byUid = (uid: string) => spaItems().filter((i) => i.values.xmlId === uid);

function create(title: string, extra: object = {}) {
  return s.register.create(contractInputSchema.parse({ title, ...extra }));
}

async function connected(settings: SyncSettings = SPA_SETTINGS) {
  await s.sync.connectWebhook(double.webhookUrl());
  s.sync.saveSettings(settings);
}

describe("connecting", () => {
  it("checks the webhook with a real call, keeps its secret out of everything shown", async () => {
    const info = await s.sync.connectWebhook(double.webhookUrl());
    expect(info).toMatchObject({
      kind: "webhook",
      portal: `${double.origin}/`,
      userId: 1,
      userName: "Camille Lefèvre",
      secretStorage: "file",
    });
    const secret = double.webhookUrl().split("/")[5] ?? "";
    expect(secret.length).toBeGreaterThan(8);
    expect(JSON.stringify(s.sync.status())).not.toContain(secret);
    const file = path.join(dataDir, SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8")).toContain(secret);
    const logs = fs.readFileSync(path.join(dataDir, "logs", "pacta.log"), "utf8");
    expect(logs).toContain("connected to the portal");
    expect(logs).not.toContain(secret);
  });

  it("refuses plain http off this machine, a malformed URL and a wrong secret", async () => {
    await expect(s.sync.connectWebhook("http://portal.example/rest/1/abc/")).rejects.toThrow(
      /must use https/,
    );
    await expect(s.sync.connectWebhook(`${double.origin}/rest/abc/`)).rejects.toThrow(
      /must look like/,
    );
    const wrong = `${double.origin}/rest/1/not-the-secret/`;
    const error = await s.sync.connectWebhook(wrong).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "portal_refused" });
    expect(String(error)).not.toContain("not-the-secret");
    expect(s.sync.status().connection).toBeNull();
    expect(fs.existsSync(path.join(dataDir, SECRET_FILE))).toBe(false);
  });

  it("keeps the secret with the system's cipher if the door has one, and forgets it", async () => {
    s.close();
    const cipher = {
      isEncryptionAvailable: () => true,
      encryptString: (t: string) => Buffer.from(t, "utf8").reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString("utf8"),
    };
    s = openServices({ dataDir, actor: "tester", bitrix24: FAST, secretCipher: cipher });
    const info = await s.sync.connectWebhook(double.webhookUrl());
    expect(info.secretStorage).toBe("safeStorage");
    const stored = fs.readFileSync(path.join(dataDir, SECRET_FILE), "utf8");
    expect(stored).not.toContain("/rest/1/");
    s.sync.saveSettings(SPA_SETTINGS);
    expect((await s.sync.run()).state).toBe("done");
    s.sync.disconnect();
    expect(fs.existsSync(path.join(dataDir, SECRET_FILE))).toBe(false);
    await expect(s.sync.run()).rejects.toMatchObject({ reason: "not_connected" });
  });
});

describe("a damaged secret", () => {
  it("is a clear error that asks to connect again, and nothing else is touched", async () => {
    await connected();
    create("Bail");
    fs.writeFileSync(path.join(dataDir, SECRET_FILE), "{not json");
    await expect(s.sync.run()).rejects.toMatchObject({
      reason: "not_connected",
      message: expect.stringMatching(/damaged; connect to the portal again$/),
    });
    expect(s.sync.status().pending).toBe(1);
  });
});

describe("pulling", () => {
  it("reads 10,000 items under the portal's rate limit with no 503", async () => {
    s.close();
    s = open({ retry: FAST.retry });
    double.setRateLimit();
    seedContracts(double.state, 10_000);
    await connected({ ...SPA_SETTINGS, target: { ...SPA_SETTINGS.target, categoryId: null } });
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
    await connected();
    expect((await s.sync.run()).detail.created).toBe(4);
    const item = spaItems()[0];
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
    await connected();
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
    await connected();
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
    const a = create("Un", { reference: "R-1" });
    s.register.update(a.id, contractInputSchema.parse({ title: "Un bis", reference: "R-1" }));
    expect(queued()).toEqual({ n: 0 });
    await connected();
    expect(s.sync.status().pending).toBe(1);
    create("Deux");
    expect(s.sync.status().pending).toBe(2);
    s.sync.disconnect();
    expect(queued()).toEqual({ n: 0 });
    create("Trois");
    expect(queued()).toEqual({ n: 0 });
    await connected();
    expect(s.sync.status().pending).toBe(3);
    await s.sync.run();
    expect(
      spaItems()
        .map((i) => i.values.title)
        .sort(),
    ).toEqual(["Deux", "Trois", "Un bis"]);
  });

  it("queues an edit in its own transaction: a refused edit leaves no outbox entry", async () => {
    await connected();
    create("Un", { reference: "R-1" });
    const b = create("Deux", { reference: "R-2" });
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
    await connected();
    const contract = create("Accord de confidentialité", { value: 1200, currency: "EUR" });
    double.injectFault({ kind: "timeout-after-commit", methods: ["crm.item.add"], delayMs: 1500 });
    double.state.journal.length = 0;
    const run = await s.sync.run();
    expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
    expect(byUid(contract.uid)).toHaveLength(1);
    expect(double.state.journal.filter((j) => j.op === "add")).toHaveLength(1);
    expect(s.sync.status().pending).toBe(0);
    await s.sync.run();
    expect(byUid(contract.uid)).toHaveLength(1);
    expect(byUid(contract.uid)[0]?.values).toMatchObject({ opportunity: 1200, currencyId: "EUR" });
  });

  it("sends the contract's empty fields over the portal's defaults, then rests", async () => {
    await connected();
    const a = create("Accord sans dates");
    const first = await s.sync.run();
    expect(first.pushed).toBe(1);
    const item = byUid(a.uid)[0];
    expect(item?.values).toMatchObject({ begindate: null, closedate: null });
    expect(s.register.get(a.id)).toMatchObject({ effectiveDate: null, endDate: null });
    double.state.journal.length = 0;
    const second = await s.sync.run();
    expect(second).toMatchObject({ pushed: 0, conflicts: 0, errors: 0 });
    expect(double.state.journal).toEqual([]);
    expect(s.register.get(a.id).history).toHaveLength(1);
  });

  it("keeps offline edits in the outbox and sends each once, in order, when back", async () => {
    await connected();
    const a = create("Contrat A");
    const b = create("Contrat B");
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
    const idOf = (uid: string) => byUid(uid)[0]?.id;
    expect(double.state.journal).toEqual([
      { op: "update", entityTypeId: CONTRACT_TYPE_ID, id: idOf(a.uid), fields: ["title"] },
      { op: "update", entityTypeId: CONTRACT_TYPE_ID, id: idOf(b.uid), fields: ["title"] },
    ]);
    expect(byUid(a.uid)[0]?.values.title).toBe("Contrat A v3");
    expect(s.sync.status().pending).toBe(0);
    await s.sync.run();
    expect(double.state.journal).toHaveLength(2);
  });

  it("goes on past a refused command of a batch, and reports it", async () => {
    await connected();
    const [a, b, c] = ["Un", "Deux", "Trois"].map((t) => create(t));
    await s.sync.run();
    const middle = byUid(b?.uid ?? "")[0];
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
    expect(byUid(a.uid)[0]?.values.title).toBe("Un bis");
    expect(byUid(c.uid)[0]?.values.title).toBe("Trois bis");
    expect(s.sync.contractLink(b.id)?.deleted).toBe(true);
  });

  it("moves the portal item's stage with the contract's, through the stage map", async () => {
    await connected();
    const a = create("Contrat de licence");
    await s.sync.run();
    s.lifecycle.move({ contractId: a.id, to: "negotiation", comment: null, confirmSkip: true });
    await s.sync.run();
    expect(byUid(a.uid)[0]?.values.stageId).toBe("DT1220_30:CLIENT");
  });
});

describe("OAuth", () => {
  it("refreshes once for parallel expired tokens and keeps the rotated refresh token", async () => {
    const tokens = double.issueTokens();
    await s.sync.connectOAuth({
      restUrl: double.restUrl,
      oauthUrl: double.oauthUrl,
      clientId: DEFAULT_APP.clientId,
      clientSecret: DEFAULT_APP.clientSecret,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
    });
    s.sync.saveSettings(SPA_SETTINGS);
    double.credentials.expireAll();
    double.resetStats();
    const run = await s.sync.run();
    expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
    expect(double.stats.byMethod["oauth.token"]).toBe(1);
    // Several calls met the expired token at once, and shared that one refresh.
    expect(double.stats.byStatus[401]).toBeGreaterThanOrEqual(2);
    const stored = fs.readFileSync(path.join(dataDir, SECRET_FILE), "utf8");
    expect(stored).not.toContain(tokens.refreshToken);
    // A new process starts from the stored pair.
    s.close();
    s = open();
    double.resetStats();
    expect((await s.sync.run()).state).toBe("done");
    expect(double.stats.byMethod["oauth.token"]).toBeUndefined();
  });
});

describe("conflicts", () => {
  it("finds a field changed on both sides, touches neither, and resolves per field", async () => {
    await connected();
    const a = create("Bail", { value: 1000, currency: "EUR", endDate: "2027-01-31" });
    await s.sync.run();
    const item = byUid(a.uid)[0];
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
    await connected();
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

describe("settings", () => {
  it("offers the portal's smart processes, pipelines, stages and user fields", async () => {
    await s.sync.connectWebhook(double.webhookUrl());
    const schema = await s.sync.portalSchema(SPA_SETTINGS.target);
    expect(schema.types).toEqual([{ entityTypeId: CONTRACT_TYPE_ID, title: "Contrats" }]);
    expect(schema.categories.map((c) => c.id)).toEqual([30, 31]);
    expect(schema.stages[0]).toEqual({ id: "DT1220_30:NEW", name: expect.any(String) });
    expect(schema.fields).toContainEqual({
      name: "ufCrm5NoticeDays",
      title: "Notice period (days)",
      type: "integer",
      userField: true,
    });
    expect(() =>
      s.sync.saveSettings({ ...SPA_SETTINGS, stageMap: { nowhere: "DT1220_30:NEW" } }),
    ).toThrow(/no stage "nowhere"/);
  });

  it("writes a mapped user field, and sends contracts to deals with their origin id", async () => {
    await connected({
      ...SPA_SETTINGS,
      fieldMap: [...SPA_SETTINGS.fieldMap, { local: "reference", remote: "ufCrm5PactaUuid" }],
    });
    const a = create("Bail", { reference: "BAIL-2026-001" });
    await s.sync.run();
    expect(byUid(a.uid)[0]?.values.ufCrm5PactaUuid).toBe("BAIL-2026-001");
    // A new target starts over: stages map to the deals' pipeline now.
    const stageMap = { draft: "C4:NEW" };
    s.sync.saveSettings({ ...SPA_SETTINGS, stageMap, target: { kind: "deals", categoryId: 4 } });
    double.injectFault({ kind: "timeout-after-commit", methods: ["crm.item.add"], delayMs: 1500 });
    s.close();
    s = open({ ...FAST, timeoutMs: 400 });
    double.state.journal.length = 0;
    const run = await s.sync.run();
    expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
    const deals = [...double.state.type(2).items.values()].filter(
      (d) => d.values.originId === a.uid,
    );
    expect(deals).toHaveLength(1);
    expect(deals[0]?.values).toMatchObject({
      title: "Bail",
      categoryId: 4,
      stageId: "C4:NEW",
      originatorId: "pacta",
    });
    // The deal only: the batch whose answer was lost was not sent twice.
    expect(double.state.journal.filter((j) => j.op === "add")).toHaveLength(1);
    expect(s.sync.contractLink(a.id)).toMatchObject({ entityTypeId: 2, itemId: deals[0]?.id });
  });
});
