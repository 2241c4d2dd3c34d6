/**
 * The Bitrix24 part of `npm run bench`: HTTP requests and time to pull
 * 10,000 smart-process items from the test double (portal rate limit on:
 * burst 50, 2 per second) with our client, beside the official JS SDK's
 * list helper pointed at the same double in the same run.
 * Target: ≤ ⌈N/2500⌉ + 3 requests. `PACTA_BENCH_B24_COUNT` sets N.
 */
import { performance } from "node:perf_hooks";
import { B24Hook } from "@bitrix24/b24jssdk";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double, DEFAULT_WEBHOOK } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import { Bitrix24Client } from "../bitrix24/client";
import { readAll } from "../bitrix24/read-all";

const COUNT = Number(process.env.PACTA_BENCH_B24_COUNT ?? 10_000);
const SELECT = ["id", "title", "stageId", "updatedTime"];

type Results = Record<string, number | string>;

async function withDouble(work: (double: Bitrix24Double) => Promise<void>): Promise<void> {
  const double = await Bitrix24Double.start({ rateLimit: true });
  seedContracts(double.state, COUNT);
  double.resetStats();
  try {
    await work(double);
  } finally {
    await double.close();
  }
}

async function ours(results: Results): Promise<void> {
  await withDouble(async (double) => {
    const client = new Bitrix24Client({ auth: { kind: "webhook", url: double.webhookUrl() } });
    const start = performance.now();
    let rows = 0;
    for await (const page of readAll(client, "crm.item.list", {
      params: { entityTypeId: CONTRACT_TYPE_ID, select: SELECT },
    })) {
      rows += page.length;
    }
    results.oursSeconds = Number(((performance.now() - start) / 1000).toFixed(2));
    results.oursRows = rows;
    results.oursRequests = double.stats.requests;
    results.oursRefused503 = double.stats.rateLimited;
  });
}

/**
 * The SDK's `fetchList` (keyset walk, one list call per request). The SDK
 * accepts only https webhook URLs and rewrites any origin to https://, so
 * against a plain-HTTP double on 127.0.0.1 it cannot run unpatched: the run
 * records why instead of working around it.
 */
async function sdk(results: Results): Promise<void> {
  await withDouble(async (double) => {
    try {
      B24Hook.fromWebhookUrl(double.webhookUrl());
      results.sdkWebhookUrl = "accepted";
    } catch (error) {
      results.sdkWebhookUrl = `refused: ${reason(error)}`;
    }
    const hook = new B24Hook(
      { b24Url: double.origin, userId: DEFAULT_WEBHOOK.userId, secret: DEFAULT_WEBHOOK.secret },
      { restrictionParams: { maxRetries: 0 } },
    );
    hook.offClientSideWarning();
    results.sdkTarget = hook.getTargetOrigin();
    const start = performance.now();
    let rows = 0;
    try {
      for await (const page of hook.actions.v2.fetchList.make<{ id: number }>({
        method: "crm.item.list",
        params: { entityTypeId: CONTRACT_TYPE_ID, select: SELECT },
        idKey: "id",
        customKeyForResult: "items",
      })) {
        rows += page.length;
      }
      results.sdkSeconds = Number(((performance.now() - start) / 1000).toFixed(2));
    } catch (error) {
      results.sdkSeconds = "not run";
      results.sdkError = reason(error);
    }
    results.sdkRows = rows;
    results.sdkRequests = double.stats.requests;
  });
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const text = error instanceof Error ? error.message : String(error);
  return `${typeof code === "string" ? `${code}: ` : ""}${text}`.slice(0, 160);
}

export async function benchBitrix24(): Promise<Results> {
  const results: Results = { items: COUNT, targetRequests: Math.ceil(COUNT / 2500) + 3 };
  await ours(results);
  await sdk(results);
  const rows = Object.entries(results).map(([k, v]) => `${k.padEnd(20)} ${v}`);
  process.stdout.write(`${rows.join("\n")}\n`);
  process.stdout.write(`${JSON.stringify({ bitrix24: results })}\n`);
  return results;
}
