/** The double's app actions: who may register them, validation, and one-time event tokens. */
import axios from "axios";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bizprocActionsOf } from "./bizproc-actions";
import { Bitrix24Double, DEFAULT_APP } from "./server";

let double: Bitrix24Double;
beforeEach(async () => {
  double = await Bitrix24Double.start();
});
afterEach(async () => {
  await double.close();
});

async function call(url: string, body: object) {
  const r = await axios.post(url, body, { validateStatus: () => true });
  return { status: r.status, data: r.data as { result?: unknown; error?: string } };
}

const add = {
  CODE: "pacta_test",
  HANDLER: "https://relay.example/bizproc",
  NAME: { fr: "Test", en: "Test" },
  PROPERTIES: { Stage: { Name: "Stage", Type: "string" } },
};

describe("bizproc.activity.* and bizproc.event.send", () => {
  it("needs application context and an administrator", async () => {
    const hook = await call(`${double.webhookUrl()}bizproc.activity.add`, add);
    expect(hook).toMatchObject({ status: 403, data: { error: "ACCESS_DENIED" } });
    const user2 = double.issueTokens(2).accessToken;
    const notAdmin = await call(`${double.restUrl}bizproc.activity.add?auth=${user2}`, add);
    expect(notAdmin).toMatchObject({ status: 403, data: { error: "ACCESS_DENIED" } });
  });

  it("adds, refuses duplicates and bad input, lists, updates and deletes", async () => {
    const auth = `?auth=${double.issueTokens(1).accessToken}`;
    const url = (m: string) => `${double.restUrl}${m}${auth}`;
    expect((await call(url("bizproc.activity.add"), add)).data.result).toBe(true);
    expect((await call(url("bizproc.activity.add"), add)).data.error).toBe(
      "ERROR_ACTIVITY_ALREADY_INSTALLED",
    );
    const badKey = { ...add, CODE: "x", PROPERTIES: { "1x": { Name: "n" } } };
    expect((await call(url("bizproc.activity.add"), badKey)).data.error).toBe(
      "ERROR_ACTIVITY_VALIDATION_FAILURE",
    );
    const ftp = { ...add, CODE: "y", HANDLER: "ftp://relay.example/" };
    expect((await call(url("bizproc.activity.add"), ftp)).data.error).toBe(
      "ERROR_UNSUPPORTED_PROTOCOL",
    );
    expect((await call(url("bizproc.activity.list"), {})).data.result).toEqual(["pacta_test"]);
    const moved = { CODE: "pacta_test", FIELDS: { HANDLER: "https://other.example/h" } };
    expect((await call(url("bizproc.activity.update"), moved)).data.result).toBe(true);
    const stored = bizprocActionsOf(double.state).appActivities(DEFAULT_APP.clientId);
    expect(stored.get("pacta_test")?.handler).toBe("https://other.example/h");
    expect((await call(url("bizproc.activity.delete"), { CODE: "pacta_test" })).status).toBe(200);
    expect((await call(url("bizproc.activity.delete"), { CODE: "pacta_test" })).data.error).toBe(
      "ERROR_ACTIVITY_NOT_FOUND",
    );
  });

  it("accepts an event token once", async () => {
    const auth = `?auth=${double.issueTokens(1).accessToken}`;
    const run = bizprocActionsOf(double.state).startRun(DEFAULT_APP.clientId, "c", [], {});
    const send = () =>
      call(`${double.restUrl}bizproc.event.send${auth}`, {
        EVENT_TOKEN: run.eventToken,
        RETURN_VALUES: { Stage: "active" },
      });
    expect((await send()).data.result).toBe(true);
    expect(run).toMatchObject({ state: "resumed", returnValues: { Stage: "active" } });
    expect(await send()).toMatchObject({ status: 403, data: { error: "ACCESS_DENIED" } });
  });
});
