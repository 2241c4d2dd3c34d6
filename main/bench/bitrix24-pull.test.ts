/**
 * The bench's side-by-side pull works on a small list: the TLS double on
 * 127.0.0.1 answers both our client and the official SDK's `fetchList`,
 * counts their requests the same way, with the portal's rate limit on.
 */
import { describe, expect, it } from "vitest";
import { loopbackCertificate } from "../../e2e/bitrix24-double/tls";
import { measurePull } from "./bitrix24-pull";

const N = 300;

describe("bench: pulling from the TLS double", () => {
  it("reads every row with our client in ⌈N/2500⌉ + 3 requests or fewer", async () => {
    const figures = await measurePull("ours", N);
    expect(figures.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(figures.rows).toBe(N);
    expect(figures.requests).toBeLessThanOrEqual(Math.ceil(N / 2500) + 3);
    expect(figures.refused503).toBe(0);
  });

  it("reads every row with the SDK's fetchList, one request per 50 rows", async () => {
    const tls = await loopbackCertificate();
    const figures = await measurePull("sdk", N, tls);
    expect(figures.rows).toBe(N);
    // 6 full pages, then an empty one that tells the SDK the list is over.
    expect(figures.requests).toBeGreaterThanOrEqual(N / 50);
    expect(figures.requests).toBeLessThanOrEqual(N / 50 + 1);
    expect(figures.refused503).toBe(0);
  });

  it("refuses a client that does not trust the run-time certificate", async () => {
    const tls = await loopbackCertificate();
    const other = await loopbackCertificate();
    await expect(measurePull("ours", 10, tls, other.cert)).rejects.toThrow(
      /could not reach the portal: \w*CERT/,
    );
  });
});
