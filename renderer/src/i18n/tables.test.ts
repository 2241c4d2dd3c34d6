import { describe, expect, it } from "vitest";
import { REASONS } from "../../../shared/api/result";
import { en } from "./en";
import { fr } from "./fr";

/** `{ a: { b: "x" } }` → `[["a.b", "x"]]`; anything not a string or a table is a leaf too. */
function flatten(table: unknown, prefix = ""): [string, unknown][] {
  if (typeof table !== "object" || table === null) return [[prefix, table]];
  return Object.entries(table).flatMap(([key, value]) =>
    flatten(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** The plural suffixes i18next adds to a key (`_one`, `_other`...), taken off. */
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The variables a message interpolates, without their format: `{{count, number}}` → count. */
function variables(message: string): string[] {
  const names = [...message.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}

const FR = new Map(flatten(fr));
const EN = new Map(flatten(en));

describe("message tables", () => {
  it("have the same keys in French and English", () => {
    const onlyFr = [...FR.keys()].filter((k) => !EN.has(k));
    const onlyEn = [...EN.keys()].filter((k) => !FR.has(k));
    expect({ onlyFr, onlyEn }).toEqual({ onlyFr: [], onlyEn: [] });
  });

  it("hold only non-empty strings", () => {
    const bad = [...FR, ...EN]
      .filter(([, v]) => typeof v !== "string" || v.trim() === "")
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it("interpolate the same variables in both languages", () => {
    const differ = [...FR]
      .filter(([k]) => EN.has(k))
      .map(([k, v]) => [k, variables(String(v)), variables(String(EN.get(k)))] as const)
      .filter(([, f, e]) => f.join() !== e.join())
      .map(([k, f, e]) => `${k}: fr {${f.join()}} en {${e.join()}}`);
    expect(differ).toEqual([]);
  });

  it("give every plural form a base key, so no count falls back to French or a key", () => {
    const missing = [...FR.keys(), ...EN.keys()]
      .filter((k) => PLURAL.test(k))
      .map((k) => k.replace(PLURAL, "_other"))
      .filter((k) => !FR.has(k) || !EN.has(k));
    expect([...new Set(missing)]).toEqual([]);
  });

  it("say in both languages what every API reason code means", () => {
    const errors = (table: typeof fr) => table.errors as Record<string, unknown>;
    const missing = REASONS.flatMap((reason) => [
      ...(typeof errors(fr)[reason] === "string" ? [] : [`fr ${reason}`]),
      ...(typeof errors(en)[reason] === "string" ? [] : [`en ${reason}`]),
    ]);
    expect(missing).toEqual([]);
  });

  it("catch a missing key, an extra key and a renamed variable", () => {
    const frKeys = new Set(flatten({ a: { b: "x {{n}}", c: "y" } }).map(([k]) => k));
    const enKeys = new Set(flatten({ a: { b: "x {{m}}" } }).map(([k]) => k));
    expect([...frKeys].filter((k) => !enKeys.has(k))).toEqual(["a.c"]);
    expect(variables("x {{n}}")).not.toEqual(variables("x {{m}}"));
    expect(variables("{{count, number}} of {{ total }}")).toEqual(["count", "total"]);
  });
});
