/**
 * Pushing new contracts: creates go 50 to a `batch`, in outbox order, and a
 * batch whose answer was lost is looked up before anything is sent again.
 * A real register in a temporary folder, the double over real HTTP.
 */
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import type { SyncSettings } from "../../shared/api/sync";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { tempDataDir } from "../test-support/temp-register";

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
const countOf = (uid: string) => spaItems().filter((i) => i.values.xmlId === uid).length;
const adds = () => double.state.journal.filter((j) => j.op === "add");

function createMany(n: number, prefix = "Contrat") {
  return Array.from({ length: n }, (_, i) =>
    s.register.create(
      contractInputSchema.parse({
        title: `${prefix} ${i + 1} — Société`,
        value: i + 1,
        currency: "EUR",
      }),
    ),
  );
}

async function connected(settings: SyncSettings = SPA_SETTINGS) {
  await s.sync.connectWebhook(double.webhookUrl());
  s.sync.saveSettings(settings);
  double.state.journal.length = 0;
  double.resetStats();
}

describe("batched creates", () => {
  it("creates 120 contracts in 3 batches of adds, in the order they were made", async () => {
    await connected();
    const made = createMany(120);
    double.setRateLimit();
    const run = await s.sync.run();
    expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
    expect(run.pushed).toBe(120);
    expect(double.stats.rateLimited).toBe(0);
    expect(double.stats.byMethod["crm.item.add"]).toBeUndefined();
    const itemIds = made.map((c) => s.sync.contractLink(c.id)?.itemId);
    expect(adds().map((j) => j.id)).toEqual(itemIds);
    expect(itemIds).toEqual([...itemIds].sort((a = 0, b = 0) => a - b));
    for (const c of made) expect(countOf(c.uid)).toBe(1);
    // Per 50 contracts: one look-up by uid, one batch of adds; the pull's few reads besides.
    expect(double.stats.requests).toBeLessThan(20);
    expect(s.sync.status().pending).toBe(0);
  });

  it(
    "never makes a contract twice when a batch of adds times out " + "after the portal saved it",
    async () => {
      s.close();
      s = open({ ...FAST, timeoutMs: 500 });
      await connected();
      const made = createMany(60);
      double.injectFault({
        kind: "timeout-after-commit",
        methods: ["crm.item.add"],
        delayMs: 2000,
      });
      const run = await s.sync.run();
      expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
      expect(adds()).toHaveLength(60);
      for (const c of made) {
        expect(countOf(c.uid)).toBe(1);
        expect(s.sync.contractLink(c.id)).not.toBeNull();
      }
      expect(s.sync.status().pending).toBe(0);
      await s.sync.run();
      expect(adds()).toHaveLength(60);
    },
  );

  it(
    "keeps the outbox after a 500 on the batch of adds, " + "and sends each once next time",
    async () => {
      await connected();
      const made = createMany(3);
      double.injectFault({ kind: "internal", methods: ["crm.item.add"] });
      const first = await s.sync.run();
      expect(first.pushed).toBe(0);
      expect(s.sync.status().pending).toBe(3);
      expect(adds()).toHaveLength(0);
      const second = await s.sync.run();
      expect(second.state, JSON.stringify(second.detail.problems)).toBe("done");
      expect(second.pushed).toBe(3);
      for (const c of made) expect(countOf(c.uid)).toBe(1);
    },
  );

  it("creates the others when one add of the batch is refused, and reports that one", async () => {
    await connected({
      ...SPA_SETTINGS,
      fieldMap: [...SPA_SETTINGS.fieldMap, { local: "reference", remote: "ufCrm5NoticeDays" }],
    });
    const ok1 = s.register.create(contractInputSchema.parse({ title: "Un", reference: "30" }));
    const bad = s.register.create(contractInputSchema.parse({ title: "Deux", reference: "X-1" }));
    const ok2 = s.register.create(contractInputSchema.parse({ title: "Trois", reference: "60" }));
    const run = await s.sync.run();
    expect(run.state).toBe("done");
    expect(run.pushed).toBe(2);
    expect(run.errors).toBe(1);
    expect(run.detail.problems[0]?.where).toBe(`contract #${bad.id}`);
    expect(run.detail.problems[0]?.message).toMatch(/crm\.item\.add.*ufCrm5NoticeDays|Invalid/);
    expect(countOf(ok1.uid)).toBe(1);
    expect(countOf(ok2.uid)).toBe(1);
    expect(countOf(bad.uid)).toBe(0);
    expect(s.sync.status().pending).toBe(1);
  });
});
