/**
 * `pacta connect` and `pacta sync` as scripts use them: the real binary on a
 * real data folder, against the Bitrix24 double on 127.0.0.1.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { runPactaAsync, spawnPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let double: Bitrix24Double;
let dataDir: string;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  dataDir = tempDataDir();
});

afterEach(async () => {
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pacta = (...args: string[]) => runPactaAsync(dataDir, ...args);
const secret = () => double.webhookUrl().split("/")[5] ?? "";

/** Contracts in the register, and the target set to the smart process. */
function prepare(titles: string[]): void {
  const s = openServices({ dataDir, actor: "setup" });
  for (const title of titles) s.register.create(contractInputSchema.parse({ title }));
  s.sync.store.saveSettings(SPA_SETTINGS);
  s.close();
}

describe("pacta connect", () => {
  it("connects with a webhook it checked, and never prints the secret", async () => {
    const r = await pacta("connect", "--webhook", double.webhookUrl());
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `Connected to ${double.origin}/ as Camille Lefèvre (user 1); ` +
        "secret kept in a file only you can read.\n",
    );
    const json = await pacta("connect", "--webhook", double.webhookUrl(), "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: "webhook",
      userId: 1,
      scopes: ["crm", "user", "bizproc", "disk", "im"],
    });
    expect(json.stdout).not.toContain(secret());
  });

  it("exits 2 on a URL that is not a webhook's and 1 on a portal that refuses", async () => {
    const bad = await pacta("connect", "--webhook", "http://portal.example/rest/1/s3cr3t/");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("pacta: --webhook: Bitrix24 webhook URL must use https\n");
    const wrong = await pacta("connect", "--webhook", `${double.origin}/rest/1/wr0ngs3cr3t/`);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/^pacta: Bitrix24 profile failed \(HTTP 401\) with NO_AUTH_FOUND/);
    expect(wrong.stderr).not.toContain("wr0ngs3cr3t");
  });
});

describe("pacta sync", () => {
  it("prints the counts, and --json gives them with the detail", async () => {
    prepare(["Bail commercial", "Cession de parts"]);
    seedContracts(double.state, 3);
    expect((await pacta("connect", "--webhook", double.webhookUrl())).status).toBe(0);
    const r = await pacta("sync");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Sync done: \d+ pulled, 2 pushed, 0 conflicts, 0 errors\.\n/);
    expect(r.stdout).toContain("3 contracts created from the portal.");
    const json = await pacta("sync", "--json");
    expect(json.status, json.stdout).toBe(0);
    const value = JSON.parse(json.stdout);
    expect(value).toMatchObject({ pushed: 0, conflicts: 0, errors: 0, state: "done", pending: 0 });
    expect(typeof value.pulled).toBe("number");
    expect(value.detail.pulledBy).toHaveProperty("company");
  });

  it("exits 1 when not connected, and when the portal is out of reach", async () => {
    prepare(["Bail commercial"]);
    const none = await pacta("sync");
    expect(none.status).toBe(1);
    expect(none.stderr).toBe("pacta: connect to a Bitrix24 portal first\n");
    expect((await pacta("connect", "--webhook", double.webhookUrl())).status).toBe(0);
    double.offline = true;
    const r = await pacta("sync", "--json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ state: "offline", pushed: 0, pending: 1 });
    expect(r.stderr).toBe(
      "pacta: the portal could not be reached; 1 contract waits in the outbox\n",
    );
  });

  it("after a kill -9 mid-sync, loses nothing and creates nothing twice", async () => {
    const titles = Array.from({ length: 120 }, (_, i) => `Contrat n° ${i + 1}`);
    prepare(titles);
    expect((await pacta("connect", "--webhook", double.webhookUrl())).status).toBe(0);
    // The first batch of 50 adds is saved, its answer held back: the kill lands there.
    double.injectFault({
      kind: "timeout-after-commit",
      methods: ["crm.item.add"],
      delayMs: 20_000,
    });
    const items = () => [...double.state.type(CONTRACT_TYPE_ID).items.values()];
    const first = spawnPacta(dataDir, "sync");
    while (items().length < 50) await new Promise((r) => setTimeout(r, 20));
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(killed.status).toBeNull();
    expect(items()).toHaveLength(50);
    const again = await pacta("sync", "--json");
    expect(again.status, again.stderr).toBe(0);
    const uids = items().map((i) => i.values.xmlId);
    expect(uids).toHaveLength(120);
    expect(new Set(uids).size).toBe(120);
    const adds = double.state.journal.filter(
      (w) => w.op === "add" && w.entityTypeId === CONTRACT_TYPE_ID,
    );
    expect(adds).toHaveLength(120);
    const db = new Database(path.join(dataDir, "pacta.sqlite"), { readonly: true });
    const outbox = db.prepare("SELECT COUNT(*) AS n FROM sync_outbox").get() as { n: number };
    const links = db.prepare("SELECT COUNT(*) AS n FROM sync_links").get() as { n: number };
    const runs = db.prepare("SELECT state FROM sync_runs ORDER BY id").all();
    db.close();
    expect(outbox.n).toBe(0);
    expect(links.n).toBe(120);
    expect(runs).toEqual([{ state: "failed" }, { state: "done" }]);
  });
});

describe("pacta delete", () => {
  it("asks what happens to the portal item of a linked contract, then does it", async () => {
    prepare(["Bail Lyon", "Cession Nantes"]);
    expect((await pacta("connect", "--webhook", double.webhookUrl())).status).toBe(0);
    expect((await pacta("sync")).status).toBe(0);
    const items = () => [...double.state.type(CONTRACT_TYPE_ID).items.values()];
    expect(items()).toHaveLength(2);
    const ask = await pacta("delete", "1");
    expect(ask.status).toBe(2);
    expect(ask.stderr).toMatch(/linked to portal item 1220\/\d+.*--portal delete or --portal keep/);
    expect((await pacta("delete", "1", "--portal", "maybe")).status).toBe(2);
    const done = await pacta("delete", "1", "--portal", "delete", "--json");
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ id: 1, portal: "delete" });
    const kept = await pacta("delete", "2", "--portal", "keep");
    expect(kept.stdout).toMatch(/stays on the portal, no longer synced/);
    const sync = await pacta("sync", "--json");
    expect(sync.status, sync.stderr).toBe(0);
    expect(items().map((i) => i.values.title)).toEqual(["Cession Nantes"]);
    expect((await pacta("list", "--json")).stdout.trim()).toBe("[]");
  });
});

describe("pacta connect --rate", () => {
  it("keeps the portal's rate for the client, and the client keeps to it", async () => {
    const bad = await pacta("connect", "--webhook", double.webhookUrl(), "--rate", "fast");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--rate must be BURST\/PER_SECOND such as 50\/2/);
    prepare([]);
    const ok = await pacta("connect", "--webhook", double.webhookUrl(), "--rate", "2/2");
    expect(ok.status, ok.stderr).toBe(0);
    const s = openServices({ dataDir, actor: "check" });
    try {
      expect(s.sync.status().settings.rateLimit).toEqual({ capacity: 2, drainPerSecond: 2 });
      double.resetStats();
      const started = Date.now();
      const run = await s.sync.run();
      expect(run.state, JSON.stringify(run.detail.problems)).toBe("done");
      // One request in the bucket at a time, then one every half second.
      const requests = double.stats.requests;
      expect(requests).toBeGreaterThan(4);
      expect(Date.now() - started).toBeGreaterThanOrEqual((requests - 2) * 450);
    } finally {
      s.close();
    }
  });
});

describe("pacta connect --portal-language", () => {
  it("sets the language Pacta writes in on the portal, and refuses any other", async () => {
    const bad = await pacta("connect", "--webhook", double.webhookUrl(), "--portal-language", "de");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--portal-language must be fr or en, not "de"/);
    const ok = await pacta("connect", "--webhook", double.webhookUrl(), "--portal-language", "EN");
    expect(ok.status, ok.stderr).toBe(0);
    const s = openServices({ dataDir, actor: "check" });
    try {
      expect(s.sync.status().settings.portalLanguage).toBe("en");
    } finally {
      s.close();
    }
  });
});
