/**
 * Request parameters the way a Bitrix24 portal (PHP) reads them: form and
 * query strings in bracket notation (`fields[TITLE]=x`, `select[]=ID`,
 * `filter[>ID]=5`) become nested maps whose leaves are strings; JSON bodies
 * keep their own types. Lists arrive either as arrays or as maps with keys
 * 0..n-1, so readers go through `asList`.
 */

export type Param = string | number | boolean | null | Param[] | { [key: string]: Param };
export type ParamMap = { [key: string]: Param };

export function isMap(value: Param | undefined): value is ParamMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses `a[b][0][c]=1&select[]=ID` into nested maps (PHP's parse_str). */
export function parseQuery(query: string): ParamMap {
  const out: ParamMap = {};
  for (const pair of query.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? "" : pair.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    const path = splitKey(key);
    if (path) assign(out, path, value);
  }
  return out;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    // PHP keeps malformed escapes as they are.
    return text.replace(/\+/g, " ");
  }
}

/** `fields[PHONE][0][VALUE]` → ["fields", "PHONE", "0", "VALUE"]; `[]` → "". */
function splitKey(key: string): string[] | null {
  const open = key.indexOf("[");
  if (open <= 0) return key === "" ? null : [key];
  const path = [key.slice(0, open)];
  let rest = key.slice(open);
  while (rest.startsWith("[")) {
    const close = rest.indexOf("]");
    if (close < 0) break;
    path.push(rest.slice(1, close));
    rest = rest.slice(close + 1);
  }
  return path;
}

function assign(target: ParamMap, path: string[], value: string): void {
  let node: ParamMap = target;
  for (let i = 0; i < path.length; i++) {
    let part = path[i] ?? "";
    if (part === "") part = String(nextIndex(node));
    if (i === path.length - 1) {
      node[part] = value;
      return;
    }
    const child = node[part];
    if (isMap(child)) node = child;
    else {
      const fresh: ParamMap = {};
      node[part] = fresh;
      node = fresh;
    }
  }
}

function nextIndex(node: ParamMap): number {
  let max = -1;
  for (const key of Object.keys(node)) {
    if (/^\d+$/.test(key)) max = Math.max(max, Number(key));
  }
  return max + 1;
}

/** An array, or a map read as a list of its values (PHP arrays are both). */
export function asList(value: Param | undefined): Param[] | null {
  if (Array.isArray(value)) return value;
  if (isMap(value)) return Object.values(value);
  return null;
}

export function asText(value: Param | undefined): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** An integer from a number or a decimal string; otherwise null. */
export function asInt(value: Param | undefined): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Reads a parameter whatever the case of its name (`FILTER`, `filter`). */
export function pick(params: ParamMap, name: string): Param | undefined {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(params)) {
    if (key.toLowerCase() === lower) return value;
  }
  return undefined;
}
