/**
 * Runs one API call from any door: looks the channel up in the contract,
 * parses the untrusted argument with its schema, calls the handler, and
 * turns every outcome into a result.
 */
import type { z } from "zod";
import { type ApiHandlers, endpointFor } from "../../shared/api/contract";
import { type ApiResult, type FieldIssue, fail, ok, PactaError } from "../../shared/api/result";
import { busyError } from "../db/open";
import { createLogger } from "../logging/logger";

const log = createLogger("api");

type AnyHandler = (args: unknown) => unknown;

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== "symbol"),
    message: i.message,
  }));
}

export function describeIssues(issues: FieldIssue[]): string {
  return issues.map((i) => `${i.path.join(".") || "argument"}: ${i.message}`).join("; ");
}

export async function dispatch(
  handlers: ApiHandlers,
  channel: string,
  rawArgs: unknown,
): Promise<ApiResult<unknown>> {
  const endpoint = endpointFor(channel);
  if (!endpoint) return fail("unknown_method", `there is no API method "${channel}"`);
  const parsed = endpoint.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return fail("invalid_argument", describeIssues(issues), issues);
  }
  const [group, method] = channel.split(".") as [keyof ApiHandlers, string];
  const handler = (handlers[group] as Record<string, AnyHandler>)[method];
  if (!handler) return fail("unknown_method", `"${channel}" has no handler`);
  try {
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof PactaError) {
      return fail(error.reason, error.message, error.issues);
    }
    const busy = busyError(error);
    if (busy) return fail(busy.reason, busy.message);
    log.error({ channel, err: error }, "unexpected failure");
    return fail("internal", error instanceof Error ? error.message : String(error));
  }
}
