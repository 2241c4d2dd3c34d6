/**
 * Reads what the portal POSTs to the relay: form-urlencoded bodies in PHP
 * bracket notation (`properties[RenewalDate]=…`, `auth[application_token]=…`,
 * `document_id[2]=DEAL_3`) into nested maps of strings, then checks them.
 */
import { z } from "zod";

export type FormValue = string | FormMap;
export interface FormMap {
  [key: string]: FormValue;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text.replace(/\+/g, " ");
  }
}

function keyPath(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const path = [key.slice(0, open)];
  for (const m of key.slice(open).matchAll(/\[([^\]]*)\]/g)) path.push(m[1] ?? "");
  return path;
}

/** Bracket notation into nested maps; `a[]` appends with the next numeric key. */
export function parseForm(body: string): FormMap {
  const out: FormMap = {};
  for (const pair of body.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1));
    if (key === "") continue;
    let node = out;
    const path = keyPath(key);
    path.forEach((raw, i) => {
      const part = raw === "" ? String(Object.keys(node).length) : raw;
      // Prototype keys never become properties.
      if (part === "__proto__" || part === "constructor" || part === "prototype") return;
      if (i === path.length - 1) node[part] = value;
      else {
        const child = node[part];
        const next: FormMap = typeof child === "object" ? child : {};
        node[part] = next;
        node = next;
      }
    });
  }
  return out;
}

/** A map 0..n-1 (how PHP sends a list) as an array of its strings. */
const listOf = z
  .record(z.string(), z.unknown())
  .transform((m) => Object.values(m).map((v) => (typeof v === "string" ? v : "")));

export const actionCallSchema = z.object({
  workflow_id: z.string().min(1).max(200),
  code: z.string().min(1).max(200),
  document_id: listOf.refine((l) => l.length === 3, "expected 3 parts"),
  document_type: listOf.optional(),
  event_token: z.string().min(1).max(1000),
  properties: z.record(z.string(), z.string()).default({}),
  auth: z.object({
    application_token: z.string().min(1).max(200),
    member_id: z.string().max(200).optional(),
    domain: z.string().max(300).optional(),
  }),
});
export type ActionCall = z.output<typeof actionCallSchema>;

export const installEventSchema = z.object({
  event: z.string().optional(),
  auth: z.object({
    access_token: z.string().min(1).max(2000),
    refresh_token: z.string().min(1).max(2000),
    client_endpoint: z.string().min(1).max(2000),
    application_token: z.string().min(1).max(200),
    member_id: z.string().max(200).optional(),
  }),
});
export type InstallEvent = z.output<typeof installEventSchema>;
