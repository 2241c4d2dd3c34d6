/**
 * Deleting a linked contract, as the person chose (delete the portal item
 * too, offline-safe through the outbox; or keep it there, unlinked), and a
 * portal item deleted on the portal being told, not hidden. A real register
 * in a temporary folder, the double over real HTTP.
 */
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { tempDataDir } from "../test-support/temp-register";

const FAST = {
  retry: { baseDelayMs: 20, operationLimitDelayMs: 40, maxDelayMs: 200, retries: 1 },
  rateLimit: { capacity: 50, drainPerSecond: 100 },
};

let double: Bitrix24Double;
let dataDir: string;
let s: PactaServices;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  dataDir = tempDataDir();
  s = openServices({ dataDir, actor: "tester", bitrix24: FAST });
});

afterEach(async () => {
  s.close();
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const items = () => [...double.state.type(CONTRACT_TYPE_ID).items.values()];
const live = () => s.list.list({}).rows.map((r) => r.title);

/** Two contracts on the portal, linked. */
async function linkedPair() {
  await s.sync.connectWebhook(double.webhookUrl());
  s.sync.saveSettings(SPA_SETTINGS);
  const a = s.register.create(contractInputSchema.parse({ title: "Bail Lyon" }));
  const b = s.register.create(contractInputSchema.parse({ title: "Cession Nantes" }));
  const first = await s.sync.run();
  expect(first.state, JSON.stringify(first.detail.problems)).toBe("done");
  const itemOf = (id: number) => s.sync.contractLink(id)?.itemId ?? 0;
  return { a, b, itemA: itemOf(a.id), itemB: itemOf(b.id) };
}

describe("deleting a linked contract", () => {
  it("asks what happens to the portal item, and deletes nothing until told", async () => {
    const { a } = await linkedPair();
    expect(() => s.sync.removeContract(a.id)).toThrow(/linked to portal item 1220\/\d+/);
    expect(s.register.get(a.id).title).toBe("Bail Lyon");
  });

  it("deletes the portal item too, through the outbox, even when offline at first", async () => {
    const { a, itemA, itemB } = await linkedPair();
    double.offline = true;
    s.sync.removeContract(a.id, "delete");
    expect(s.sync.status().pending).toBe(1);
    expect((await s.sync.run()).state).toBe("offline");
    expect(s.sync.status().pending).toBe(1);
    double.offline = false;
    double.state.journal.length = 0;
    const back = await s.sync.run();
    expect(back.state, JSON.stringify(back.detail.problems)).toBe("done");
    expect(double.state.journal).toEqual([
      { op: "delete", entityTypeId: CONTRACT_TYPE_ID, id: itemA, fields: [] },
    ]);
    expect(items().map((i) => i.id)).toContain(itemB);
    expect(s.sync.status().pending).toBe(0);
    await s.sync.run();
    expect(live()).toEqual(["Cession Nantes"]);
  });

  it("keeps the item on the portal: never pulled back in, its changes told once", async () => {
    const { a, itemA } = await linkedPair();
    s.sync.removeContract(a.id, "keep");
    expect(s.sync.status().pending).toBe(0);
    double.state.journal.length = 0;
    const after = await s.sync.run();
    expect(after.state).toBe("done");
    expect(double.state.journal).toEqual([]);
    expect(items().map((i) => i.id)).toContain(itemA);
    expect(live()).toEqual(["Cession Nantes"]);

    double.state.update(CONTRACT_TYPE_ID, itemA, { title: "Bail Lyon (avenant)" }, 1);
    const changed = await s.sync.run();
    expect(changed.errors).toBe(0);
    expect(changed.detail.notices).toEqual([
      {
        where: `portal item ${CONTRACT_TYPE_ID}/${itemA}`,
        message: expect.stringMatching(/"Bail Lyon \(avenant\)" changed on the portal after/),
      },
    ]);
    expect(live()).toEqual(["Cession Nantes"]);
    const quiet = await s.sync.run();
    expect(quiet.detail.notices).toEqual([]);
  });
});

describe("an item deleted on the portal", () => {
  it("is told in the run's notices and counted in the status until dealt with", async () => {
    const { a, b, itemB } = await linkedPair();
    // A pull that sees the new items first, as any later sync does.
    await s.sync.run();
    double.state.remove(CONTRACT_TYPE_ID, itemB);
    s.sync.store.setCursor("reconciledAt", null);
    const run = await s.sync.run();
    expect(run.errors).toBe(0);
    expect(run.detail.notices).toEqual([
      {
        where: `contract #${b.id}`,
        message: expect.stringMatching(/was deleted on the portal; the contract keeps its data/),
      },
    ]);
    expect(s.sync.status().deletedOnPortal).toEqual([b.id]);
    expect(s.register.get(b.id).title).toBe("Cession Nantes");
    // Nothing is left to choose for it: deleting it here needs no portal choice.
    s.sync.removeContract(b.id);
    expect(s.sync.status().deletedOnPortal).toEqual([]);
    expect(s.sync.contractLink(a.id)?.deleted).toBe(false);
  });
});
