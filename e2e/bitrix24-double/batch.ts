/**
 * `batch`: up to 50 sub-calls `"method?query"` run in order in one HTTP
 * request. Later calls may use earlier results through
 * `$result[cmd][path]…`; failures land in `result_error` and, with `halt`,
 * stop the rest. The answer is always 200.
 */
import type { Json } from "./fields";
import { type CallContext, callMethod } from "./methods";
import { asText, isMap, type Param, type ParamMap, parseQuery, pick } from "./params";
import { PortalError } from "./portal-error";

export const MAX_BATCH = 50;

const REF = /\$result\[([^\]]+)\]((?:\[[^\]]*\])*)/g;

function resolve(results: Map<string, Json>, key: string, path: string): Json | undefined {
  let node: Json | undefined = results.get(key);
  for (const part of path
    .slice(1, -1)
    .split("][")
    .filter((p) => p !== "")) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (node !== null && typeof node === "object") node = node[part];
    else return undefined;
  }
  return node;
}

/** Replaces `$result[...]` references; an unresolved one becomes an empty string (○). */
function substitute(value: Param, results: Map<string, Json>): Param {
  if (typeof value === "string") {
    const whole = /^\$result\[([^\]]+)\]((?:\[[^\]]*\])*)$/.exec(value);
    if (whole) {
      const found = resolve(results, whole[1] ?? "", whole[2] ?? "");
      if (found === undefined || found === null) return "";
      return typeof found === "object" ? (found as Param) : String(found);
    }
    return value.replace(REF, (_m, key: string, path: string) => {
      const found = resolve(results, key, path);
      return found === undefined || found === null || typeof found === "object"
        ? ""
        : String(found);
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, results));
  if (isMap(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, results)]));
  }
  return value;
}

function truthy(value: Param | undefined): boolean {
  const text = asText(value)?.toLowerCase();
  return text === "1" || text === "true" || text === "y";
}

/** PHP writes a map with keys 0..n-1 as a JSON array. */
function phpArray(map: Map<string, Json>): Json {
  const keys = [...map.keys()];
  if (keys.every((k, i) => k === String(i))) return [...map.values()];
  return Object.fromEntries(map);
}

export type SubCallTime = (startMs: number, method: string) => Json;

function commandsOf(params: ParamMap): [string, Param][] {
  const cmd = pick(params, "cmd");
  return Array.isArray(cmd)
    ? cmd.map((c, i) => [String(i), c])
    : isMap(cmd)
      ? Object.entries(cmd)
      : [];
}

/** The lower-case methods a batch request calls, for matching faults. */
export function innerMethods(params: ParamMap): string[] {
  return commandsOf(params).map(
    ([, c]) => (typeof c === "string" ? c : "").split("?")[0]?.trim().toLowerCase() ?? "",
  );
}

export function runBatch(params: ParamMap, ctx: CallContext, timeOf: SubCallTime): Json {
  const entries = commandsOf(params);
  if (entries.length === 0) throw new PortalError(400, "ERROR_BATCH_EMPTY", "Empty batch");
  if (entries.length > MAX_BATCH) {
    throw new PortalError(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
  }
  const halt = truthy(pick(params, "halt"));
  const results = new Map<string, Json>();
  const errors = new Map<string, Json>();
  const totals = new Map<string, Json>();
  const nexts = new Map<string, Json>();
  const times = new Map<string, Json>();
  for (const [key, raw] of entries) {
    const started = Date.now();
    const text = asText(raw) ?? "";
    const q = text.indexOf("?");
    const method = (q < 0 ? text : text.slice(0, q)).trim();
    try {
      if (method.toLowerCase() === "batch") {
        throw new PortalError(
          405,
          "ERROR_BATCH_METHOD_NOT_ALLOWED",
          "Method is not allowed for batch usage",
        );
      }
      const sub = substitute(parseQuery(q < 0 ? "" : text.slice(q + 1)), results) as ParamMap;
      const answer = callMethod(method, sub, ctx);
      results.set(key, answer.result);
      if (answer.total !== undefined) totals.set(key, answer.total);
      if (answer.next !== undefined) nexts.set(key, answer.next);
      times.set(key, timeOf(started, method.toLowerCase()));
    } catch (error) {
      if (!(error instanceof PortalError)) throw error;
      errors.set(key, { error: error.code, error_description: error.description });
      if (halt) break;
    }
  }
  return {
    result: phpArray(results),
    result_error: phpArray(errors),
    result_total: phpArray(totals),
    result_next: phpArray(nexts),
    result_time: phpArray(times),
  };
}
