/**
 * What the REST client's test files share: fast retries and rate bucket,
 * clients on the Bitrix24 double (webhook or OAuth), and catching the typed
 * error a call fails with.
 */
import { type Bitrix24Double, DEFAULT_APP } from "../../e2e/bitrix24-double/server";
import type { OAuthTokens } from "./auth";
import { Bitrix24Client, type Bitrix24ClientOptions } from "./client";
import { Bitrix24Error } from "./errors";

export const FAST_RETRY = { baseDelayMs: 20, operationLimitDelayMs: 40, maxDelayMs: 200 };
/** A bucket that drains fast, so that a 503 (which fills it) costs the tests little time. */
export const FAST_BUCKET = { capacity: 50, drainPerSecond: 100 };

export function webhookClient(
  double: Bitrix24Double,
  extra: Partial<Bitrix24ClientOptions> = {},
): Bitrix24Client {
  return new Bitrix24Client({
    auth: { kind: "webhook", url: double.webhookUrl() },
    retry: FAST_RETRY,
    rateLimit: FAST_BUCKET,
    ...extra,
  });
}

export function oauthClient(
  double: Bitrix24Double,
  tokens: OAuthTokens,
  onTokens: (t: OAuthTokens) => void,
): Bitrix24Client {
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

export async function failure(work: Promise<unknown>): Promise<Bitrix24Error> {
  try {
    await work;
  } catch (error) {
    if (error instanceof Bitrix24Error) return error;
    throw error;
  }
  throw new Error("expected a Bitrix24Error");
}
