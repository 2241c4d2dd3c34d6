/**
 * One whole-list pull of the contract smart process from the test double,
 * measured at the double (HTTP requests it received, 503s it sent) and by
 * the clock: with our client (`readAll`, keyset lists chained in batch) or
 * with the official JS SDK's `fetchList` (keyset, one list call per
 * request). Both run over TLS on 127.0.0.1, because the SDK accepts only
 * https webhooks; both trust the double's run-time certificate.
 */
import https from "node:https";
import { performance } from "node:perf_hooks";
import { rootCertificates } from "node:tls";
import { ApiVersion, B24Hook } from "@bitrix24/b24jssdk";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { seedContracts } from "../../e2e/bitrix24-double/state";
import { loopbackCertificate, type TlsMaterial } from "../../e2e/bitrix24-double/tls";
import { Bitrix24Client } from "../bitrix24/client";
import { readAll } from "../bitrix24/read-all";

export type Puller = "ours" | "sdk";

export interface PullFigures {
  /** Rows read. */
  rows: number;
  /** HTTP requests the double received. */
  requests: number;
  /** Requests the double refused with 503 QUERY_LIMIT_EXCEEDED. */
  refused503: number;
  seconds: number;
  /** Where the requests went (scheme, host, port). */
  origin: string;
}

const SELECT = ["id", "title", "stageId", "updatedTime"];

/**
 * Seeds `count` contracts in a fresh TLS double with the portal's rate limit
 * on, and pulls; the client trusts `trust` (default: the double's certificate).
 */
export async function measurePull(
  who: Puller,
  count: number,
  tls?: TlsMaterial,
  trust?: string,
): Promise<PullFigures> {
  const material = tls ?? (await loopbackCertificate());
  const ca = trust ?? material.cert;
  const double = await Bitrix24Double.start({ rateLimit: true, tls: material });
  try {
    seedContracts(double.state, count);
    double.resetStats();
    const start = performance.now();
    const rows =
      who === "ours"
        ? await pullOurs(double.webhookUrl(), ca)
        : await pullSdk(double.webhookUrl(), ca);
    return {
      rows,
      requests: double.stats.requests,
      refused503: double.stats.rateLimited,
      seconds: Number(((performance.now() - start) / 1000).toFixed(2)),
      origin: double.origin,
    };
  } finally {
    await double.close();
  }
}

async function pullOurs(webhookUrl: string, ca: string): Promise<number> {
  const client = new Bitrix24Client({ auth: { kind: "webhook", url: webhookUrl }, ca });
  let rows = 0;
  for await (const page of readAll(client, "crm.item.list", {
    params: { entityTypeId: CONTRACT_TYPE_ID, select: SELECT },
  })) {
    rows += page.length;
  }
  return rows;
}

/**
 * The SDK as shipped (its own limiter: burst 50, 2 per second), with the
 * double's certificate added to its axios instance, as the SDK's docs show
 * for other axios settings (`getHttpClient(ApiVersion.v2).ajaxClient`).
 */
async function pullSdk(webhookUrl: string, ca: string): Promise<number> {
  const hook = B24Hook.fromWebhookUrl(webhookUrl);
  hook.offClientSideWarning();
  const agent = new https.Agent({ ca: [...rootCertificates, ca] });
  hook.getHttpClient(ApiVersion.v2).ajaxClient.defaults.httpsAgent = agent;
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
  } finally {
    agent.destroy();
  }
  return rows;
}
