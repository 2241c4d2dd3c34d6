/**
 * Slowing a method down before its operating-time budget runs out, from
 * the `time.operating` the portal reports, against the double's budget.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { Bitrix24Client } from "./client";

let double: Bitrix24Double;

beforeEach(async () => {
  double = await Bitrix24Double.start({ seed: false });
  // Ten seconds of budget, one second a call, a window of two seconds.
  double.setOperatingLimit({ budgetSeconds: 10, costSeconds: 1, windowMs: 2000 });
});

afterEach(async () => {
  await double.close();
});

const client = (operatingBudgetSeconds?: number) =>
  new Bitrix24Client({
    auth: { kind: "webhook", url: double.webhookUrl() },
    rateLimit: { capacity: 50, drainPerSecond: 100 },
    retry: { baseDelayMs: 20, operationLimitDelayMs: 2500, maxDelayMs: 3000 },
    ...(operatingBudgetSeconds === undefined ? {} : { operatingBudgetSeconds }),
  });

async function calls(c: Bitrix24Client, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await c.call("server.time");
}

describe("time.operating", () => {
  it("slows a method from 80 % of its budget, so the portal never blocks it", async () => {
    await calls(client(10), 16);
    expect(double.stats.byStatus[429] ?? 0).toBe(0);
    expect(double.stats.byMethod["server.time"]).toBe(16);
  });

  it("without knowing the budget, meets the 429 and waits after it", async () => {
    await calls(client(), 16);
    expect(double.stats.byStatus[429] ?? 0).toBeGreaterThanOrEqual(1);
  });
});
