/**
 * The Bitrix24 part of `npm run bench`: HTTP requests and time to pull
 * 10,000 smart-process items from the test double (portal rate limit on:
 * burst 50, 2 per second; served over TLS on 127.0.0.1) with our client,
 * beside the official JS SDK's `fetchList` pointed at the same kind of
 * double in the same run. Target for ours: ≤ ⌈N/2500⌉ + 3 requests.
 * `PACTA_BENCH_B24_COUNT` sets N.
 */
import { loopbackCertificate } from "../../e2e/bitrix24-double/tls";
import { measurePull, type PullFigures } from "./bitrix24-pull";

const COUNT = Number(process.env.PACTA_BENCH_B24_COUNT ?? 10_000);

type Results = Record<string, number | string>;

function record(results: Results, prefix: string, figures: PullFigures): void {
  results[`${prefix}Requests`] = figures.requests;
  results[`${prefix}Seconds`] = figures.seconds;
  results[`${prefix}Rows`] = figures.rows;
  results[`${prefix}Refused503`] = figures.refused503;
}

export async function benchBitrix24(): Promise<Results> {
  const target = Math.ceil(COUNT / 2500) + 3;
  const results: Results = { items: COUNT, targetRequests: target };
  const tls = await loopbackCertificate();
  const ours = await measurePull("ours", COUNT, tls);
  record(results, "ours", ours);
  results.oursWithinTarget = ours.requests <= target ? "yes" : "no";
  try {
    record(results, "sdk", await measurePull("sdk", COUNT, tls));
  } catch (error) {
    // Reported with its reason, and the bench fails: a comparison is what it is for.
    results.sdkRequests = "not run";
    results.sdkError = error instanceof Error ? error.message.slice(0, 160) : String(error);
    process.exitCode = 1;
  }
  results.transport = ours.origin.startsWith("https:") ? "https 127.0.0.1" : ours.origin;
  const rows = Object.entries(results).map(([k, v]) => `${k.padEnd(20)} ${v}`);
  process.stdout.write(`${rows.join("\n")}\n`);
  process.stdout.write(`${JSON.stringify({ bitrix24: results })}\n`);
  return results;
}
