/**
 * The double against the docs, over real HTTP with plain `fetch`: routes,
 * envelope, bodies, pagination, batch, CRM quirks, OAuth and faults.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "./catalog";
import { Bitrix24Double, DEFAULT_APP } from "./server";
import { seedContracts } from "./state";

let double: Bitrix24Double;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  seedContracts(double.state, 120);
});

afterEach(async () => {
  await double.close();
});

interface Answer {
  status: number;
  type: string;
  body: Record<string, unknown>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    body: text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : { text },
  };
}

const get = async (path: string) => answer(await fetch(`${double.webhookUrl()}${path}`));

const postJson = async (method: string, body: unknown, base = double.webhookUrl()) =>
  answer(
    await fetch(`${base}${method}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }),
  );

const postForm = async (method: string, form: string) =>
  answer(
    await fetch(`${double.webhookUrl()}${method}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    }),
  );

const items = (a: Answer) => (a.body.result as { items: Record<string, unknown>[] }).items;

describe("routes and envelope", () => {
  it("answers a webhook call with result and time, with or without .json", async () => {
    for (const path of ["user.current", "user.current.json", "USER.CURRENT/"]) {
      const a = await get(path);
      expect(a.status).toBe(200);
      expect(a.type).toBe("application/json; charset=utf-8");
      expect((a.body.result as Record<string, unknown>).ID).toBe("1");
      expect(a.body.time).toMatchObject({ date_start: expect.stringMatching(/\+03:00$/) });
    }
  });

  it("refuses a wrong secret with 401 NO_AUTH_FOUND and an unknown method with 404", async () => {
    const wrong = await answer(await fetch(`${double.origin}/rest/1/not-the-secret/profile`));
    expect(wrong).toMatchObject({ status: 401, body: { error: "NO_AUTH_FOUND" } });
    const unknown = await get("crm.nothing.here");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      error: "ERROR_METHOD_NOT_FOUND",
      error_description: "Method not found!",
    });
  });

  it("reads nested form fields and JSON bodies alike, accents and Cyrillic intact", async () => {
    const title = "Договор № 7 — Société & Fils";
    const form = await postForm(
      "crm.item.add",
      `entityTypeId=${CONTRACT_TYPE_ID}&fields[title]=${encodeURIComponent(title)}` +
        "&fields[ufCrm5NoticeDays]=90&fields[begindate]=2026-12-04",
    );
    expect(form.status).toBe(200);
    const made = (form.body.result as { item: Record<string, unknown> }).item;
    expect(made).toMatchObject({
      title,
      ufCrm5NoticeDays: 90,
      begindate: "2026-12-04T00:00:00+03:00",
    });
    const json = await postJson("crm.item.get", { entityTypeId: CONTRACT_TYPE_ID, id: made.id });
    expect((json.body.result as { item: Record<string, unknown> }).item.title).toBe(title);
  });

  it("writes empty maps as [] the way PHP does", async () => {
    const a = await postJson("crm.item.delete", { entityTypeId: CONTRACT_TYPE_ID, id: 3 });
    expect(a.body.result).toEqual([]);
  });
});

describe("lists", () => {
  it("pages by 50 with next and total, and start=-1 gives no count", async () => {
    const first = await get(`crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}`);
    expect(items(first)).toHaveLength(50);
    expect(first.body).toMatchObject({ total: 120, next: 50 });
    const last = await get(`crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}&start=100`);
    expect(items(last)).toHaveLength(20);
    expect(last.body.next).toBeUndefined();
    const fast = await postJson("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      order: { id: "ASC" },
      filter: { ">id": 60 },
      select: ["id"],
      start: -1,
    });
    expect(items(fast)[0]).toEqual({ id: 61 });
    expect(fast.body.total).toBe(0);
    expect(fast.body.next).toBeUndefined();
  });

  it("filters by prefixes, OR groups, xmlId and UF flags given as 1/0", async () => {
    const a = await postJson("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      filter: { "@id": [4, 5, 6], ufCrm5AutoRenewal: 1 },
      select: ["id", "ufCrm5AutoRenewal"],
    });
    expect(items(a)).toEqual([
      { id: 4, ufCrm5AutoRenewal: "Y" },
      { id: 6, ufCrm5AutoRenewal: "Y" },
    ]);
    const or = await postJson("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      filter: { "0": { logic: "OR", "=xmlId": "seed-7", "%title": "n° 9 " } },
      select: ["id"],
    });
    expect(items(or).map((i) => i.id)).toEqual([7, 9]);
    const bad = await postJson("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      filter: { nonsense: 1 },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: "INVALID_ARG_VALUE" } });
    const sideways = await postJson("crm.item.list", {
      entityTypeId: CONTRACT_TYPE_ID,
      order: { id: "UP" },
    });
    expect(sideways.body.error_description).toBe(
      "Invalid order: allowed sort directions are ASC, DESC. But got 'UP' for field 'id'",
    );
  });
});

describe("smart-process items", () => {
  it("fills defaults on add, saves nothing on a no-op update, refuses foreign stages", async () => {
    let now = Date.parse("2026-12-04T07:00:00Z");
    double.state.now = () => now;
    const add = await postJson("crm.item.add", { entityTypeId: CONTRACT_TYPE_ID, fields: {} });
    const item = (add.body.result as { item: Record<string, unknown> }).item;
    expect(item).toMatchObject({
      title: `Contrats #${item.id}`,
      categoryId: 30,
      stageId: "DT1220_30:NEW",
      begindate: "2026-12-04T00:00:00+03:00",
      closedate: "2026-12-11T00:00:00+03:00",
      createdTime: "2026-12-04T10:00:00+03:00",
      entityTypeId: CONTRACT_TYPE_ID,
    });
    now += 60_000;
    const same = await postJson("crm.item.update", {
      entityTypeId: CONTRACT_TYPE_ID,
      id: item.id,
      fields: { title: item.title },
    });
    expect((same.body.result as { item: Record<string, unknown> }).item.updatedTime).toBe(
      "2026-12-04T10:00:00+03:00",
    );
    const moved = await postJson("crm.item.update", {
      entityTypeId: CONTRACT_TYPE_ID,
      id: item.id,
      fields: { stageId: "DT1220_30:PREPARATION" },
    });
    expect((moved.body.result as { item: Record<string, unknown> }).item).toMatchObject({
      stageId: "DT1220_30:PREPARATION",
      previousStageId: "DT1220_30:NEW",
      updatedTime: "2026-12-04T10:01:00+03:00",
    });
    const foreign = await postJson("crm.item.update", {
      entityTypeId: CONTRACT_TYPE_ID,
      id: item.id,
      fields: { stageId: "DT1220_31:NEW" },
    });
    expect(foreign).toMatchObject({
      status: 400,
      body: { error: "CRM_FIELD_ERROR_VALUE_NOT_VALID" },
    });
  });

  it("writes date fields at a chosen hour, user fields by original names if asked", async () => {
    double.state.dateHour = 3;
    const a = await postJson("crm.item.get", {
      entityTypeId: CONTRACT_TYPE_ID,
      id: 1,
      useOriginalUfNames: "Y",
    });
    const item = (a.body.result as { item: Record<string, unknown> }).item;
    expect(item.begindate).toMatch(/^\d{4}-\d{2}-\d{2}T03:00:00\+03:00$/);
    expect(item.UF_CRM_5_NOTICE_DAYS).toBe(30);
    expect(item.ufCrm5NoticeDays).toBeUndefined();
  });

  it("describes fields with camelCase and UPPER names, user fields included", async () => {
    const a = await postJson("crm.item.fields", { entityTypeId: CONTRACT_TYPE_ID });
    const fields = (a.body.result as { fields: Record<string, Record<string, unknown>> }).fields;
    expect(fields.ufCrm5PactaUuid).toMatchObject({
      type: "string",
      isDynamic: true,
      upperName: "UF_CRM_5_PACTA_UUID",
    });
    expect(fields.id).toMatchObject({ type: "integer", isReadOnly: true, upperName: "ID" });
    const unknown = await postJson("crm.item.fields", { entityTypeId: 4242 });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: "NOT_FOUND", error_description: "Smart process not found" },
    });
  });
});

describe("types, pipelines, stages, scopes", () => {
  it("lists smart-process types for admins only, pipelines and stages for anyone", async () => {
    const types = await get("crm.type.list");
    const list = (types.body.result as { types: Record<string, unknown>[] }).types;
    expect(list).toEqual([
      expect.objectContaining({ id: 5, entityTypeId: CONTRACT_TYPE_ID, isStagesEnabled: "Y" }),
    ]);
    double.credentials.webhooks.push({ userId: 2, secret: "anna-s3cret", scopes: ["crm"] });
    const anna = `${double.origin}/rest/2/anna-s3cret/`;
    const denied = await answer(await fetch(`${anna}crm.type.list`));
    expect(denied).toMatchObject({ status: 403, body: { error: "ACCESS_DENIED" } });
    const one = await answer(
      await fetch(`${anna}crm.type.getByEntityTypeId?entityTypeId=${CONTRACT_TYPE_ID}`),
    );
    expect(one.body.result).toMatchObject({ type: { title: "Contrats" } });
    const categories = await answer(await fetch(`${anna}crm.category.list?entityTypeId=2`));
    expect(categories.body.result).toMatchObject({
      categories: [{ id: 0, name: "General", isDefault: "Y" }, { id: 4 }],
    });
    const stages = await answer(
      await fetch(`${anna}crm.status.list?filter[ENTITY_ID]=DEAL_STAGE_4`),
    );
    expect((stages.body.result as Record<string, unknown>[])[0]).toMatchObject({
      ENTITY_ID: "DEAL_STAGE_4",
      STATUS_ID: "C4:NEW",
      SORT: "10",
      SEMANTICS: null,
      EXTRA: { SEMANTICS: "process" },
    });
    const noUserScope = await answer(await fetch(`${anna}user.current`));
    expect(noUserScope).toMatchObject({ status: 403, body: { error: "insufficient_scope" } });
  });
});

describe("batch", () => {
  it("chains $result references, keeps going after a failure and reports it", async () => {
    const a = await postJson("batch", {
      halt: 0,
      cmd: {
        first: `crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}&order[id]=ASC&select[]=id&start=-1`,
        missing: `crm.item.get?entityTypeId=${CONTRACT_TYPE_ID}&id=99999`,
        second:
          `crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}&order%5Bid%5D=ASC&select%5B%5D=id` +
          "&start=-1&filter%5B%3Eid%5D=%24result%5Bfirst%5D%5Bitems%5D%5B49%5D%5Bid%5D",
      },
    });
    expect(a.status).toBe(200);
    const r = a.body.result as Record<string, Record<string, unknown>>;
    const second = r.result?.second as { items: { id: number }[] };
    expect(second.items[0]?.id).toBe(51);
    expect(r.result_error).toEqual({
      missing: { error: "NOT_FOUND", error_description: "Item not found" },
    });
  });

  it("stops at the first failure with halt=1 and refuses more than 50 commands", async () => {
    const halted = await postJson("batch", {
      halt: 1,
      cmd: ["crm.item.get?entityTypeId=1220&id=99999", "user.current"],
    });
    const r = halted.body.result as Record<string, unknown>;
    expect(r.result).toEqual([]);
    expect(Object.keys(r.result_error as object)).toEqual(["0"]);
    const long = await postJson("batch", { cmd: Array.from({ length: 51 }, () => "user.current") });
    expect(long).toMatchObject({ status: 400, body: { error: "ERROR_BATCH_LENGTH_EXCEEDED" } });
  });
});

describe("frozen crm.deal methods", () => {
  it("write numbers as strings and flags as Y/N, and fail with an empty code", async () => {
    const a = await get("crm.deal.get?id=1");
    expect(a.body.result).toMatchObject({
      ID: "1",
      CATEGORY_ID: "0",
      OPPORTUNITY: "1000000.00",
      CLOSED: "N",
      BEGINDATE: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T00:00:00\+03:00$/),
    });
    const missing = await get("crm.deal.get?id=4242");
    expect(missing).toMatchObject({
      status: 400,
      body: { error: "", error_description: "Not found" },
    });
    const added = await postForm("crm.deal.add", "fields[TITLE]=Nouveau&fields[OPPORTUNITY]=12.5");
    expect(typeof added.body.result).toBe("number");
  });
});

describe("OAuth", () => {
  it("expires tokens, then rotates both on refresh and kills the old refresh token", async () => {
    const pair = double.issueTokens();
    const ok = await postJson("profile", { auth: pair.accessToken }, double.restUrl);
    expect(ok.status).toBe(200);
    const inQuery = await answer(
      await fetch(`${double.restUrl}profile.json?auth=${pair.accessToken}`),
    );
    expect(inQuery.body.result).toMatchObject({ ID: 1, ADMIN: true });
    const none = await answer(await fetch(`${double.restUrl}profile`));
    expect(none).toMatchObject({ status: 401, body: { error: "NO_AUTH_FOUND" } });
    const garbage = await postJson("profile", { auth: "garbage" }, double.restUrl);
    expect(garbage).toMatchObject({ status: 401, body: { error: "invalid_token" } });
    double.credentials.expireAll();
    const expired = await postJson("profile", { auth: pair.accessToken }, double.restUrl);
    expect(expired).toMatchObject({ status: 401, body: { error: "expired_token" } });
    const q = (refresh: string) =>
      `${double.oauthUrl}?grant_type=refresh_token&client_id=${DEFAULT_APP.clientId}` +
      `&client_secret=${DEFAULT_APP.clientSecret}&refresh_token=${refresh}`;
    const fresh = await answer(await fetch(q(pair.refreshToken)));
    expect(fresh.status).toBe(200);
    expect(fresh.body.refresh_token).not.toBe(pair.refreshToken);
    const again = await answer(await fetch(q(pair.refreshToken)));
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});

describe("faults", () => {
  it("refuses past the bucket with 503 QUERY_LIMIT_EXCEEDED", async () => {
    double.setRateLimit({ capacity: 3, drainPerSecond: 1 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get("server.time")).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503]);
    expect(double.stats.rateLimited).toBe(2);
  });

  it("blocks a method past its operating-time budget, and only that method", async () => {
    double.setOperatingLimit({ budgetSeconds: 1, costSeconds: 1, windowMs: 60_000 });
    const list = () => get(`crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}&select[]=id`);
    const first = await list();
    expect(first.body.time).toMatchObject({ operating: 1 });
    expect((await list()).body.time).toMatchObject({ operating: 2 });
    expect(await list()).toMatchObject({ status: 429, body: { error: "OPERATION_TIME_LIMIT" } });
    expect((await get("server.time")).status).toBe(200);
    const inBatch = await postJson("batch", { cmd: { l: "crm.item.list?entityTypeId=1220" } });
    const errors = (inBatch.body.result as Record<string, unknown>).result_error;
    expect(errors).toMatchObject({ l: { error: "OPERATION_TIME_LIMIT" } });
  });

  it("serves HTML error pages and one-shot faults, then recovers", async () => {
    double.injectFault({ kind: "html", status: 502 });
    double.injectFault({ kind: "operation-time-limit", methods: ["crm.item.list"] });
    const html = await get("server.time");
    expect(html.status).toBe(502);
    expect(html.type).toContain("text/html");
    const limited = await get(`crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}`);
    expect(limited).toMatchObject({ status: 429, body: { error: "OPERATION_TIME_LIMIT" } });
    expect((await get(`crm.item.list?entityTypeId=${CONTRACT_TYPE_ID}`)).status).toBe(200);
  });
});
