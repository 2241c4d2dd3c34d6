/** When the client tries again, and which calls may be repeated safely. */

export interface RetryOptions {
  /** Attempts after the first one (default 4). */
  retries: number;
  /** First backoff step for 503 and 5xx, grown ×1.5 per attempt (default 1000 ms). */
  baseDelayMs: number;
  /** Longest single wait (default 30 s). */
  maxDelayMs: number;
  /** Wait after 429 OPERATION_TIME_LIMIT (default 10 s). */
  operationLimitDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  operationLimitDelayMs: 10_000,
};

/** Share of the operating budget from which a method slows down (as the SDK does). */
export const SLOW_FROM = 0.8;

const READ_SUFFIXES = new Set(["list", "get", "fields", "current", "time", "getbyentitytypeid"]);

/** Reads can be repeated safely; a write that timed out may already be saved. */
export function isReadMethod(method: string): boolean {
  const name = method.toLowerCase();
  if (name === "profile" || name === "scope") return true;
  return READ_SUFFIXES.has(name.slice(name.lastIndexOf(".") + 1));
}
