/**
 * Contract tests: the client against the Bitrix24 test double over real
 * HTTP on 127.0.0.1 (BITRIX24.md, section 10.8).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double, DEFAULT_APP, DEFAULT_WEBHOOK } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import { logToFile } from "../logging/logger";
import type { OAuthTokens } from "./auth";
import { batch } from "./batch";
import { Bitrix24Client, type Bitrix24ClientOptions } from "./client";
import { Bitrix24Error } from "./errors";
import { readLegacyCompany, readLegacyContact, readLegacyDeal } from "./legacy";
import { readAllRows } from "./read-all";

let double: Bitrix24Double;

beforeEach(async () => {
  double = await Bitrix24Double.start();
});

afterEach(async () => {
  await double.close();
});

const FAST_RETRY = { baseDelayMs: 20, operationLimitDelayMs: 40, maxDelayMs: 200 };
/** A bucket that drains fast, so that a 503 (which fills it) costs the tests little time. */
const FAST_BUCKET = { capacity: 50, drainPerSecond: 100 };

function webhookClient(extra: Partial<Bitrix24ClientOptions> = {}): Bitrix24Client {
  return new Bitrix24Client({
    auth: { kind: "webhook", url: double.webhookUrl() },
    retry: FAST_RETRY,
    rateLimit: FAST_BUCKET,
    ...extra,
  });
}

function oauthClient(tokens: OAuthTokens, onTokens: (t: OAuthTokens) => void): Bitrix24Client {
  return new Bitrix24Client({
    auth: {
      kind: "oauth",
      restUrl: double.restUrl,
      oauthUrl: double.oauthUrl,
      clientId: DEFAULT_APP.clientId,
      clientSecret: DEFAULT_APP.clientSecret,
      tokens,
      onTokens,
    },
    retry: FAST_RETRY,
    rateLimit: FAST_BUCKET,
  });
}

async function failure(work: Promise<unknown>): Promise<Bitrix24Error> {
  try {
    await work;
  } catch (error) {
    if (error instanceof Bitrix24Error) return error;
    throw error;
  }
  throw new Error("expected a Bitrix24Error");
}

describe("whole-list reads", () => {
  it("reads 10,000 items under the rate limit: no 503, ≤ ⌈N/2500⌉ + 3 requests", async () => {
    const n = 10_000;
    seedContracts(double.state, n);
    double.setRateLimit();
    const client = webhookClient({ rateLimit: { capacity: 50, drainPerSecond: 2 } });
    const rows = await readAllRows(client, "crm.item.list", {
      params: { entityTypeId: CONTRACT_TYPE_ID, select: ["title", "stageId"] },
    });
    expect(rows).toHaveLength(n);
    const ids = rows.map((r) => r.id as number);
    expect(new Set(ids).size).toBe(n);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(double.stats.rateLimited).toBe(0);
    expect(double.stats.byStatus[503]).toBeUndefined();
    expect(double.stats.requests).toBeLessThanOrEqual(Math.ceil(n / 2500) + 3);
    expect(client.stats.requests).toBe(double.stats.requests);
  });

  it("paces a burst of calls to a small bucket instead of overflowing it", async () => {
    const limit = { capacity: 5, drainPerSecond: 10 };
    double.setRateLimit(limit);
    const client = webhookClient({ rateLimit: limit });
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => client.call<string>("server.time")),
    );
    expect(answers.every((a) => /\+03:00$/.test(a.result))).toBe(true);
    expect(double.stats.rateLimited).toBe(0);
    expect(client.stats.retries).toBe(0);
    // 11 calls past the burst (one place kept free) at 10 per second: about a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("reads legacy lists by ID and normalises the deal quirks", async () => {
    const client = webhookClient();
    const rows = await readAllRows(client, "crm.deal.list", { commandsPerBatch: 3 });
    expect(rows.map((r) => r.ID)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    const raw = await client.call("crm.deal.get", { id: 1 });
    const deal = readLegacyDeal(raw.result, "crm.deal.get");
    expect(deal).toMatchObject({
      id: 1,
      categoryId: 0,
      opportunity: 1_000_000,
      closed: false,
      opened: true,
      companyId: 1,
      originId: "seed-deal-0",
      assignedById: 1,
      beginDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      userFields: { UF_CRM_PACTA_UUID: null },
    });
    const contacts = await client.call<unknown[]>("crm.contact.list", {
      select: ["*", "PHONE", "EMAIL"],
    });
    const first = readLegacyContact(contacts.result[1], "crm.contact.list");
    expect(first).toMatchObject({ id: 2, name: "Дмитрий", companyId: 2 });
    expect(first.phones).toEqual([
      { id: expect.any(Number), kind: "PHONE", valueType: "WORK", value: "+33 1 40 00 00 01" },
    ]);
    const company = await client.call("crm.company.get", { id: 1 });
    expect(readLegacyCompany(company.result, "crm.company.get")).toMatchObject({
      title: "Société Générale d'Équipement",
      isMyCompany: true,
      userFields: { UF_CRM_SIREN: "552120222" },
    });
    double.state.dateHour = 23;
    // 01:30 on 5 December at the portal (+03:00), still 4 December in UTC.
    double.state.now = () => Date.parse("2026-12-04T22:30:00Z");
    const late = await client.call("crm.deal.add", { fields: { BEGINDATE: "2026-12-04" } });
    const lateDeal = await client.call("crm.deal.get", { id: late.result as number });
    expect(lateDeal.result).toMatchObject({ BEGINDATE: "2026-12-04T23:00:00+03:00" });
    expect(readLegacyDeal(lateDeal.result)).toMatchObject({
      beginDate: "2026-12-04",
      closeDate: "2026-12-12",
    });
    const four = readLegacyDeal(rows[3], "crm.deal.list");
    expect(four).toMatchObject({ id: 4, categoryId: 4, contactId: null, stageId: "C4:NEW" });
    expect(() => readLegacyDeal({ ...rows[0], OPPORTUNITY: "a lot" })).toThrow(
      /crm\.deal\.list: field OPPORTUNITY: not a number/,
    );
  });
});

describe("OAuth", () => {
  it("shares one refresh between parallel calls that met an expired token", async () => {
    const first = double.issueTokens();
    const stored: OAuthTokens[] = [];
    const client = oauthClient(
      { accessToken: first.accessToken, refreshToken: first.refreshToken },
      (t) => {
        stored.push(t);
      },
    );
    expect((await client.call<{ ID: number }>("profile")).result.ID).toBe(1);
    double.credentials.expireAll();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => client.call<{ ID: string }>("user.current")),
    );
    expect(answers.map((a) => a.result.ID)).toEqual(["1", "1", "1", "1", "1"]);
    expect(double.stats.byMethod["oauth.token"]).toBe(1);
    expect(client.stats.refreshes).toBe(1);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.refreshToken).not.toBe(first.refreshToken);
    // The stored pair is the live one: a second expiry refreshes with it.
    double.credentials.expireAll();
    await client.call("profile");
    expect(double.stats.byMethod["oauth.token"]).toBe(2);
    expect(stored).toHaveLength(2);
  });

  it("asks to reconnect when the refresh token is no longer accepted", async () => {
    const pair = double.issueTokens();
    const stored: OAuthTokens[] = [];
    const client = oauthClient({ accessToken: pair.accessToken, refreshToken: "stale" }, (t) => {
      stored.push(t);
    });
    double.credentials.expireAll();
    const error = await failure(client.call("profile"));
    expect(stored).toEqual([]);
    expect(error.kind).toBe("unauthorized");
    expect(error.code).toBe("invalid_grant");
    expect(error.message).toMatch(/profile \(token refresh\).*connect the app to the portal again/);
  });
});

describe("batch", () => {
  it("keeps the other commands' results when one fails, and names the failing one", async () => {
    seedContracts(double.state, 3);
    const outcome = await batch(webhookClient(), {
      me: { method: "user.current" },
      missing: { method: "crm.item.get", params: { entityTypeId: CONTRACT_TYPE_ID, id: 999 } },
      list: { method: "crm.item.list", params: { entityTypeId: CONTRACT_TYPE_ID, select: ["id"] } },
    });
    expect(Object.keys(outcome.results)).toEqual(["me", "list"]);
    expect(outcome.totals.list).toBe(3);
    const error = outcome.errors.missing;
    expect(error?.kind).toBe("not-found");
    expect(error?.message).toBe(
      'Bitrix24 crm.item.get (batch command "missing") failed with NOT_FOUND: Item not found',
    );
  });

  it("stops at the first failure with halt, reads [] maps as empty, splits past 50", async () => {
    const client = webhookClient();
    const halted = await batch(
      client,
      {
        a: { method: "crm.deal.get", params: { id: 999 } },
        b: { method: "user.current" },
      },
      { halt: true },
    );
    expect(halted.results).toEqual({});
    expect(halted.errors.a?.message).toMatch(/crm\.deal\.get.*no error code: Not found/);
    const ok = await batch(client, { only: { method: "server.time" } });
    expect(ok.errors).toEqual({});
    const many = Object.fromEntries(
      Array.from({ length: 120 }, (_, i) => [`t${i}`, { method: "server.time" }]),
    );
    double.resetStats();
    const all = await batch(client, many);
    expect(Object.keys(all.results)).toHaveLength(120);
    expect(double.stats.requests).toBe(3);
  });
});

describe("refusals and faults", () => {
  it("backs off on 503 QUERY_LIMIT_EXCEEDED and 429 OPERATION_TIME_LIMIT, then works", async () => {
    const waits: number[] = [];
    const client = webhookClient({
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    double.injectFault({ kind: "rate-limit", times: 2 });
    double.injectFault({ kind: "operation-time-limit", methods: ["server.time"] });
    const answer = await client.call<string>("server.time");
    expect(answer.result).toMatch(/\+03:00$/);
    expect(double.stats.byStatus).toEqual({ 200: 1, 429: 1, 503: 2 });
    expect(client.stats.retries).toBe(3);
    // Two 503 waits growing ×1.5 with ±10 % jitter, then the 429 wait.
    expect(waits[0]).toBeGreaterThanOrEqual(18);
    expect(waits[0]).toBeLessThanOrEqual(22);
    expect(waits[1]).toBeGreaterThanOrEqual(27);
    expect(waits[1]).toBeLessThanOrEqual(33);
    expect(waits[2]).toBeGreaterThanOrEqual(40);
  });

  it("pauses only the method blocked by its operating-time budget", async () => {
    seedContracts(double.state, 3);
    double.setOperatingLimit({ budgetSeconds: 1, costSeconds: 1, windowMs: 400 });
    const client = webhookClient({ retry: { ...FAST_RETRY, operationLimitDelayMs: 150 } });
    const list = () => client.call("crm.item.list", { entityTypeId: CONTRACT_TYPE_ID });
    await list();
    await list();
    const started = Date.now();
    const blocked = list();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The list method waits for its budget; another method is answered meanwhile.
    const other = await client.call<string>("server.time");
    const otherMs = Date.now() - started;
    await blocked;
    const blockedMs = Date.now() - started;
    expect(other.result).toMatch(/\+03:00$/);
    expect(otherMs).toBeLessThan(blockedMs);
    expect(blockedMs).toBeGreaterThanOrEqual(300);
    const refusals = double.stats.byStatus[429] ?? 0;
    expect(refusals).toBeGreaterThanOrEqual(1);
    expect(refusals).toBeLessThanOrEqual(3);
    expect(double.stats.byMethod["crm.item.list"]).toBe(3 + refusals);
  });

  it("retries a write the portal refused for load: one item, not two", async () => {
    double.injectFault({ kind: "rate-limit", methods: ["crm.item.add"] });
    const xmlId = randomUUID();
    const client = webhookClient();
    await client.call("crm.item.add", {
      entityTypeId: CONTRACT_TYPE_ID,
      fields: { title: "Bail", xmlId },
    });
    const found = await client.call<{ items: unknown[] }>("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      filter: { "=xmlId": xmlId },
    });
    expect(found.result.items).toHaveLength(1);
  });

  it("turns an HTML error page into a clear typed error naming the method", async () => {
    double.injectFault({ kind: "html", status: 502, times: 5 });
    const client = webhookClient({ retry: { ...FAST_RETRY, retries: 1 } });
    const error = await failure(client.call("crm.item.list", { entityTypeId: CONTRACT_TYPE_ID }));
    expect(error.kind).toBe("bad-response");
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      "Bitrix24 crm.item.list answered (HTTP 502) with something other than the REST envelope: " +
        'an HTML page "502 Service Temporarily Unavailable"',
    );
    expect(double.stats.requests).toBe(2);
  });

  it("repeats a read after a 500 but never a write, and names a truncated body", async () => {
    double.injectFault({ kind: "internal", methods: ["crm.item.list"] });
    const client = webhookClient();
    await client.call("crm.item.list", { entityTypeId: CONTRACT_TYPE_ID });
    expect(double.stats.byMethod["crm.item.list"]).toBe(2);
    double.injectFault({ kind: "internal", methods: ["crm.item.add"] });
    const add = client.call("crm.item.add", { entityTypeId: CONTRACT_TYPE_ID, fields: {} });
    const error = await failure(add);
    expect(error).toMatchObject({ kind: "server", code: "INTERNAL_SERVER_ERROR", status: 500 });
    expect(double.stats.byMethod["crm.item.add"]).toBe(1);
    double.injectFault({ kind: "truncated", methods: ["crm.item.update"] });
    const cut = await failure(
      client.call("crm.item.update", { entityTypeId: 2, id: 1, fields: { title: "Renommé" } }),
    );
    expect(cut.message).toBe(
      "Bitrix24 crm.item.update answered (HTTP 200) with something other than the REST " +
        "envelope: a body that is not JSON",
    );
  });

  it("maps an empty legacy error code to a typed error with the portal's words", async () => {
    const error = await failure(webhookClient().call("crm.deal.get", { id: 4242 }));
    expect(error).toMatchObject({ kind: "not-found", code: "", status: 400 });
    expect(error.message).toBe(
      "Bitrix24 crm.deal.get failed (HTTP 400) with no error code: Not found",
    );
    double.injectFault({ kind: "empty-code", description: "Access denied" });
    const denied = await failure(webhookClient().call("crm.deal.list"));
    expect(denied.kind).toBe("forbidden");
  });

  it("flags a timeout after commit as maybe saved; a lookup by xmlId finds the item", async () => {
    double.injectFault({ kind: "timeout-after-commit", methods: ["crm.item.add"], delayMs: 800 });
    const client = webhookClient({ timeoutMs: 150 });
    const xmlId = randomUUID();
    const error = await failure(
      client.call("crm.item.add", {
        entityTypeId: CONTRACT_TYPE_ID,
        fields: { title: "Contrat cadre", xmlId },
      }),
    );
    expect(error.kind).toBe("timeout");
    expect(error.maybeCommitted).toBe(true);
    expect(error.message).toMatch(/crm\.item\.add got no answer in time; the change may have been/);
    // The write was not repeated by the client...
    expect(double.stats.byMethod["crm.item.add"]).toBe(1);
    // ...and the caller can find it before deciding to retry.
    const found = await client.call<{ items: { id: number; xmlId: string }[] }>("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      filter: { "=xmlId": xmlId },
      select: ["id", "xmlId"],
    });
    expect(found.result.items).toEqual([{ id: expect.any(Number), xmlId }]);
    const deal = await client.call<unknown[]>("crm.deal.list", {
      filter: { ORIGIN_ID: "seed-deal-0", ORIGINATOR_ID: "pacta" },
      select: ["ID"],
    });
    expect(deal.result).toEqual([{ ID: "1" }]);
  });
});

describe("text and dates", () => {
  it("round-trips accents, Cyrillic and & in JSON calls and in batch commands", async () => {
    const client = webhookClient();
    const titles = [
      "Договор поставки № 5 — Société Générale & Cie #2?",
      "Contrat d'exclusivité – Ñandú, Zoë & Åkesson [lot 3]",
    ];
    const viaJson = await client.call<{ item: { id: number; title: string } }>("crm.item.add", {
      entityTypeId: CONTRACT_TYPE_ID,
      fields: { title: titles[0], begindate: "2026-12-04" },
    });
    expect(viaJson.result.item.title).toBe(titles[0]);
    expect(viaJson.result.item).toMatchObject({ begindate: "2026-12-04T00:00:00+03:00" });
    const viaBatch = await batch(client, {
      add: {
        method: "crm.item.add",
        params: { entityTypeId: CONTRACT_TYPE_ID, fields: { title: titles[1] } },
      },
      read: {
        method: "crm.item.get",
        params: { entityTypeId: CONTRACT_TYPE_ID, id: "$result[add][item][id]" },
      },
    });
    expect(viaBatch.errors).toEqual({});
    const read = viaBatch.results.read as { item: { title: string; createdTime: string } };
    expect(read.item.title).toBe(titles[1]);
    expect(read.item.createdTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    const users = await client.call<{ NAME: string; LAST_NAME: string }[]>("user.get", {});
    const fullNames = users.result.map((u) => `${u.NAME} ${u.LAST_NAME}`);
    expect(fullNames).toContain("Анна Смирнова");
  });
});

describe("secrets", () => {
  it("never puts the webhook secret or tokens in errors or log lines", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-b24-log-"));
    const logFile = logToFile(dir, "debug");
    const seen: string[] = [];
    const keep = (e: unknown) => {
      seen.push(String(e), inspect(e, { depth: 5 }), JSON.stringify(e));
      if (e instanceof Error) seen.push(e.stack ?? "");
    };
    const hook = webhookClient({ timeoutMs: 150, retry: { ...FAST_RETRY, retries: 1 } });
    double.injectFault({ kind: "html", status: 503 });
    await hook.call("server.time");
    double.injectFault({ kind: "slow", delayMs: 600 });
    await hook.call("crm.item.add", { entityTypeId: CONTRACT_TYPE_ID, fields: {} }).catch(keep);
    await hook.call("no.such.method").catch(keep);
    const wrong = new Bitrix24Client({
      auth: { kind: "webhook", url: `${double.origin}/rest/1/wrong-${DEFAULT_WEBHOOK.secret}/` },
    });
    await wrong.call("profile").catch(keep);
    const pair = double.issueTokens();
    const tokens: OAuthTokens[] = [];
    const app = oauthClient(pair, (t) => {
      tokens.push(t);
    });
    double.credentials.expireAll();
    await app.call("profile");
    const stale = oauthClient({ accessToken: "expired-one", refreshToken: "stale" }, (t) => {
      tokens.push(t);
    });
    await stale.call("profile").catch(keep);
    const closed = new Bitrix24Client({
      auth: { kind: "webhook", url: double.webhookUrl() },
      retry: { retries: 0 },
    });
    await double.close();
    await closed.call("profile").catch(keep);
    double = await Bitrix24Double.start();

    const secrets = [
      DEFAULT_WEBHOOK.secret,
      DEFAULT_APP.clientSecret,
      pair.accessToken,
      pair.refreshToken,
      tokens[0]?.accessToken ?? "missing",
      tokens[0]?.refreshToken ?? "missing",
    ];
    const log = fs.readFileSync(logFile, "utf8");
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(log).toContain("bitrix24 call");
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      for (const text of seen) expect(text).not.toContain(secret);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a webhook URL that is not https, without repeating it", () => {
    const url = `http://portal.example.test/rest/1/${DEFAULT_WEBHOOK.secret}/`;
    expect(() => new Bitrix24Client({ auth: { kind: "webhook", url } })).toThrow(
      "Bitrix24 webhook URL must use https",
    );
    expect(
      () =>
        new Bitrix24Client({
          auth: { kind: "webhook", url: "https://portal.example.test/rest/x/" },
        }),
    ).toThrow("Bitrix24 webhook URL must look like https://PORTAL/rest/USER_ID/SECRET/");
  });
});
