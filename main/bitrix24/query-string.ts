/**
 * PHP bracket notation for `batch` commands: `{filter: {">id": 5}}` →
 * `filter%5B%3Eid%5D=5`. Keys and values are percent-encoded (UTF-8), so
 * `&`, `#`, accents and Cyrillic arrive intact; `$result[…]` references are
 * encoded too and the portal decodes them before substituting.
 */

export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | QueryValue[]
  | { [key: string]: QueryValue };

export function toQueryString(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  const walk = (key: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (value === null) {
      parts.push(`${encodeURIComponent(key)}=`);
    } else if (Array.isArray(value)) {
      if (value.length === 0) parts.push(`${encodeURIComponent(key)}=`);
      for (const [i, v] of value.entries()) walk(`${key}[${i}]`, v);
    } else if (typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    } else {
      const text = typeof value === "boolean" ? (value ? "Y" : "N") : String(value);
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return parts.join("&");
}
