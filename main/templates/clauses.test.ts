import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTempServices } from "../test-support/temp-register";

type Temp = ReturnType<typeof openTempServices>;
let s: Temp;
beforeEach(() => {
  s = openTempServices();
  s.clauses.create({
    name: "Résiliation pour manquement",
    tags: ["résiliation", "standard"],
    body: "<p>En cas de manquement grave non réparé sous 15 jours…</p>",
  });
  s.clauses.create({
    name: "Confidentialité (repli)",
    tags: ["confidentialité"],
    status: "fallback",
    body: "<p>Chaque partie garde secrètes les informations de l’autre.</p>",
  });
  s.clauses.create({
    name: "Limitation of liability",
    tags: ["liability", "Standard"],
    language: "en",
    body: "<p>Liability is capped at the fees paid in the <b>last 12 months</b>.</p>",
  });
});
afterEach(() => s.cleanup());

const names = (list: { name: string }[]) => list.map((c) => c.name);

describe("clause library", () => {
  it("lists clauses by name, with their tags, status and language", () => {
    const all = s.clauses.list();
    expect(names(all)).toEqual([
      "Confidentialité (repli)",
      "Limitation of liability",
      "Résiliation pour manquement",
    ]);
    expect(all[0]).toMatchObject({ id: 2, status: "fallback", language: "fr" });
    expect(all[1]).toMatchObject({ tags: ["liability", "Standard"], language: "en" });
    expect(all[1]?.body).toBe(
      "<p>Liability is capped at the fees paid in the <strong>last 12 months</strong>.</p>",
    );
  });

  it("searches name, tags and text, ignoring accents and case", () => {
    expect(names(s.clauses.list("resiliation"))).toEqual(["Résiliation pour manquement"]);
    expect(names(s.clauses.list("SECRETES"))).toEqual(["Confidentialité (repli)"]);
    expect(names(s.clauses.list("capped 12"))).toEqual(["Limitation of liability"]);
    expect(names(s.clauses.list("liability confidentialite"))).toEqual([]);
    expect(names(s.clauses.list("50%_"))).toEqual([]);
  });

  it("filters by tag", () => {
    expect(names(s.clauses.list("", "standard"))).toEqual([
      "Limitation of liability",
      "Résiliation pour manquement",
    ]);
    expect(names(s.clauses.list("manquement", "standard"))).toEqual([
      "Résiliation pour manquement",
    ]);
  });

  it("updates and removes clauses", () => {
    const updated = s.clauses.update(1, {
      name: "Résiliation",
      tags: ["résiliation"],
      status: "fallback",
      body: "<p>Préavis de {{contract.noticePeriod}}.</p><script>x</script>",
    });
    expect(updated).toMatchObject({
      name: "Résiliation",
      status: "fallback",
      body: "<p>Préavis de {{contract.noticePeriod}}.</p>",
    });
    expect(names(s.clauses.list("preavis"))).toEqual(["Résiliation"]);
    expect(s.clauses.remove(1)).toEqual({ id: 1 });
    expect(names(s.clauses.list())).not.toContain("Résiliation");
    expect(() => s.clauses.remove(1)).toThrow(/there is no clause #1/);
  });
});
