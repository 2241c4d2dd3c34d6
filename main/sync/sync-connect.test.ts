/**
 * Contract tests of the sync's connection (BITRIX24.md 10.8): connecting
 * with a webhook, the stored secret, OAuth token refresh and the settings
 * read from the portal, against the Bitrix24 double on 127.0.0.1.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double, DEFAULT_APP } from "../../e2e/bitrix24-double/server";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { tempDataDir } from "../test-support/temp-register";
import { SECRET_FILE } from "./secrets";
import { byUid, connected, create, FAST, openIn } from "./sync-test-setup";

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
    await connected(s, double);
    create(s, "Bail");
    fs.writeFileSync(path.join(dataDir, SECRET_FILE), "{not json");
    await expect(s.sync.run()).rejects.toMatchObject({
      reason: "not_connected",
      message: expect.stringMatching(/damaged; connect to the portal again$/),
    });
    expect(s.sync.status().pending).toBe(1);
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
    await connected(s, double, {
      ...SPA_SETTINGS,
      fieldMap: [...SPA_SETTINGS.fieldMap, { local: "reference", remote: "ufCrm5PactaUuid" }],
    });
    const a = create(s, "Bail", { reference: "BAIL-2026-001" });
    await s.sync.run();
    expect(byUid(double, a.uid)[0]?.values.ufCrm5PactaUuid).toBe("BAIL-2026-001");
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
