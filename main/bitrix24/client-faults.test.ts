/**
 * Contract tests of the client's refusals, faults and secrets against the
 * Bitrix24 test double over real HTTP on 127.0.0.1 (BITRIX24.md, 10.8).
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
import { Bitrix24Client } from "./client";
import { FAST_RETRY, failure, oauthClient, webhookClient } from "./client-test-setup";

let double: Bitrix24Double;

beforeEach(async () => {
  double = await Bitrix24Double.start();
});

afterEach(async () => {
  await double.close();
});

describe("refusals and faults", () => {
  it("backs off on 503 QUERY_LIMIT_EXCEEDED and 429 OPERATION_TIME_LIMIT, then works", async () => {
    const waits: number[] = [];
    const client = webhookClient(double, {
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
    const client = webhookClient(double, { retry: { ...FAST_RETRY, operationLimitDelayMs: 150 } });
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
    const client = webhookClient(double);
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
    const client = webhookClient(double, { retry: { ...FAST_RETRY, retries: 1 } });
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
    const client = webhookClient(double);
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
    const error = await failure(webhookClient(double).call("crm.deal.get", { id: 4242 }));
    expect(error).toMatchObject({ kind: "not-found", code: "", status: 400 });
    expect(error.message).toBe(
      "Bitrix24 crm.deal.get failed (HTTP 400) with no error code: Not found",
    );
    double.injectFault({ kind: "empty-code", description: "Access denied" });
    const denied = await failure(webhookClient(double).call("crm.deal.list"));
    expect(denied.kind).toBe("forbidden");
  });

  it("flags a timeout after commit as maybe saved; a lookup by xmlId finds the item", async () => {
    double.injectFault({ kind: "timeout-after-commit", methods: ["crm.item.add"], delayMs: 800 });
    const client = webhookClient(double, { timeoutMs: 150 });
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

describe("secrets", () => {
  it("never puts the webhook secret or tokens in errors or log lines", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-b24-log-"));
    const logFile = logToFile(dir, "debug");
    const seen: string[] = [];
    const keep = (e: unknown) => {
      seen.push(String(e), inspect(e, { depth: 5 }), JSON.stringify(e));
      if (e instanceof Error) seen.push(e.stack ?? "");
    };
    const hook = webhookClient(double, { timeoutMs: 150, retry: { ...FAST_RETRY, retries: 1 } });
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
    const app = oauthClient(double, pair, (t) => {
      tokens.push(t);
    });
    double.credentials.expireAll();
    await app.call("profile");
    const stale = oauthClient(
      double,
      { accessToken: "expired-one", refreshToken: "stale" },
      (t) => {
        tokens.push(t);
      },
    );
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
