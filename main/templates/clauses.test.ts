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

describe("what a clause must have", () => {
  it("refuses a second clause with the same name and language, whatever the case", () => {
    const again = () =>
      s.clauses.create({ name: "RÉSILIATION POUR MANQUEMENT", body: "<p>Autre texte.</p>" });
    expect(again).toThrow(
      "the library already has a clause named “Résiliation pour manquement” (#1) in French",
    );
    // Another language may share the name; renaming onto another clause is refused too.
    const en = s.clauses.create({
      name: "Résiliation pour manquement",
      language: "en",
      body: "<p>Termination.</p>",
    });
    expect(en.id).toBe(4);
    expect(() =>
      s.clauses.update(2, { name: "résiliation pour manquement", body: "<p>x</p>" }),
    ).toThrow(/already has a clause named “Résiliation pour manquement” \(#1\)/);
    // A clause keeps its own name when edited.
    expect(s.clauses.update(1, { name: "Résiliation pour manquement", body: "<p>y</p>" }).id).toBe(
      1,
    );
  });

  it("refuses a clause with no text, or no name, in plain words", () => {
    expect(() => s.clauses.create({ name: "Vide", body: "<p> </p><p><br></p>" })).toThrow(
      "the clause has no text: write the clause before saving it",
    );
    const r = s.clauses.list().length;
    let message = "";
    try {
      s.clauses.create({ name: "  ", body: "<p>Texte</p>" });
    } catch (error) {
      message = (error as { issues?: { message: string }[] }).issues?.[0]?.message ?? "";
    }
    expect(message).toBe("the clause needs a name");
    expect(s.clauses.list()).toHaveLength(r);
  });
});
