/**
 * Contract tests: the client against the Bitrix24 test double over real
 * HTTP on 127.0.0.1 (BITRIX24.md, section 10.8): whole-list reads, OAuth
 * refresh, batches, and text and dates. Refusals, faults and secrets are in
 * client-faults.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import type { OAuthTokens } from "./auth";
import { batch } from "./batch";
import { failure, oauthClient, webhookClient } from "./client-test-setup";
import { readLegacyCompany, readLegacyContact, readLegacyDeal } from "./legacy";
import { readAllRows } from "./read-all";

let double: Bitrix24Double;

beforeEach(async () => {
  double = await Bitrix24Double.start();
});

afterEach(async () => {
  await double.close();
});

describe("whole-list reads", () => {
  it("reads 10,000 items under the rate limit: no 503, ≤ ⌈N/2500⌉ + 3 requests", async () => {
    const n = 10_000;
    seedContracts(double.state, n);
    double.setRateLimit();
    const client = webhookClient(double, { rateLimit: { capacity: 50, drainPerSecond: 2 } });
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
    const client = webhookClient(double, { rateLimit: limit });
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
    const client = webhookClient(double);
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
      double,
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
    const client = oauthClient(
      double,
      { accessToken: pair.accessToken, refreshToken: "stale" },
      (t) => {
        stored.push(t);
      },
    );
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
    const outcome = await batch(webhookClient(double), {
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
    const client = webhookClient(double);
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

describe("text and dates", () => {
  it("round-trips accents, Cyrillic and & in JSON calls and in batch commands", async () => {
    const client = webhookClient(double);
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
