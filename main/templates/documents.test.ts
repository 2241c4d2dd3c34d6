/**
 * A contract's text: fields prefilled from the contract, generation from a
 * template's newest version, edits, and the hash-chained history.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PactaError } from "../../shared/api/result";
import { type ContractInput, contractInputSchema } from "../../shared/domain/contract";
import { templateContentSchema } from "../../shared/domain/templates";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openTempServices } from "../test-support/temp-register";
import { textHash } from "./documents";

type Temp = ReturnType<typeof openTempServices>;
let s: Temp;
beforeEach(() => {
  // A clock that moves a second per reading: saves get distinct, ordered times.
  let t = Date.parse("2026-05-04T10:00:00Z");
  s = openTempServices(() => {
    t += 1000;
    return new Date(t);
  });
  s.register.create(contractInputSchema.parse(supply));
  s.templates.create(
    templateContentSchema.parse({
      name: "Prestation",
      fields: [
        { key: "party.client.name", label: "Client" },
        { key: "contract.endDate", label: "Fin", type: "date" },
        { key: "presta.acompte", label: "Acompte", type: "amount" },
        { key: "presta.lieu", label: "Lieu", required: true },
      ],
      sections: [
        {
          id: "parties",
          title: "Parties",
          body: "<p>Entre {{company.name}} et {{party.client.name}}.</p>",
        },
        {
          id: "prix",
          title: "Prix",
          body:
            "<p>{{contract.value}}{{#if presta.acompte}}, acompte {{presta.acompte}}{{/if}}" +
            ".</p>",
        },
        {
          id: "fin",
          title: "Durée",
          body: "<p>Jusqu’au {{contract.endDate}}, à {{presta.lieu}}.</p>",
        },
        {
          id: "sans",
          title: "Sans acompte",
          body: "<p>Aucun acompte.</p>",
          condition: { field: "presta.acompte", op: "absent" },
        },
      ],
    }),
  );
});
afterEach(() => s.cleanup());

const supply: ContractInput = {
  reference: "C-2026-001",
  title: "Refonte du site",
  parties: [
    { name: "Agence Lumière", role: "prestataire", internal: true },
    { name: "Boulangerie Dupont", role: "Client", signatory: "Jean Dupont" },
  ],
  value: 12500,
  currency: "EUR",
  effectiveDate: "2026-06-01",
  endDate: "2027-05-31",
};

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("documents", () => {
  it("has no text until one is generated", () => {
    expect(s.documents.get(1)).toBeNull();
    expect(() => s.documents.get(2)).toThrow(/there is no contract #2/);
  });

  it("prefills declared fields from the contract and its parties", () => {
    expect(s.documents.fields(1, 1).map((f) => [f.field.key, f.value, f.source])).toEqual([
      ["party.client.name", "Boulangerie Dupont", "party"],
      ["contract.endDate", "2027-05-31", "contract"],
      ["presta.acompte", "", "empty"],
      ["presta.lieu", "", "empty"],
    ]);
  });

  it("generates the text, stores it with the template version, and names what is missing", () => {
    const { document, missing } = s.documents.generate(1, 1, {
      "party.client.name": "Boulangerie Dupont",
      "contract.endDate": "2027-05-31",
      "presta.acompte": "",
    });
    expect(missing).toEqual(["presta.lieu"]);
    expect(document).toMatchObject({
      contractId: 1,
      templateId: 1,
      templateName: "Prestation",
      templateVersion: 1,
      values: {},
    });
    expect(document.generatedAt).toBe(document.updatedAt);
    expect(document.sections.map((x) => [x.title, spaced(x.body)])).toEqual([
      ["Parties", "<p>Entre Agence Lumière et Boulangerie Dupont.</p>"],
      ["Prix", "<p>12 500,00 €.</p>"],
      ["Durée", "<p>Jusqu’au 31 mai 2027, à .</p>"],
      ["Sans acompte", "<p>Aucun acompte.</p>"],
    ]);
    expect(s.documents.get(1)).toEqual(document);
    const entry = s.register.get(1).history.at(-1);
    expect(entry).toMatchObject({
      action: "document",
      actor: "tester",
      changes: {
        template: [null, "Prestation (v1)"],
        sections: [null, 4],
        text: [null, textHash(document.sections)],
      },
    });
    expect(s.lifecycle.verify()).toMatchObject({ ok: true });
  });

  it("refuses a value that does not read as its field's type, naming the field", () => {
    const refused = (values: Record<string, string>) => {
      try {
        s.documents.generate(1, 1, values);
      } catch (error) {
        return error as PactaError;
      }
      throw new Error("generate took the values");
    };
    const amount = refused({ "presta.acompte": "abc", "presta.lieu": "Lyon" });
    expect(amount.reason).toBe("invalid_argument");
    expect(amount.message).toBe(
      "“Acompte” (presta.acompte) takes an amount such as 12500, 12 500,50 or 12 500 €, " +
        "not “abc”",
    );
    expect(amount.issues).toEqual([
      { path: ["values", "presta.acompte"], message: expect.stringContaining("Acompte") },
    ]);
    const date = refused({ "contract.endDate": "31 févr. bientôt", "presta.lieu": "Lyon" });
    expect(date.issues?.[0]?.path).toEqual(["values", "contract.endDate"]);
    expect(date.message).toContain("takes a date such as 2026-03-01 or 01/03/2026");
    expect(s.documents.get(1)).toBeNull();
    // Readable forms pass, and print in the template's language.
    const { document } = s.documents.generate(1, 1, {
      "presta.acompte": "5 000 €",
      "contract.endDate": "30/06/2027",
      "presta.lieu": "Lyon",
    });
    expect(document.sections.map((x) => x.body).join("")).toContain("acompte 5");
  });

  it("replaces the text when a save carries no stamp, as the API says", () => {
    const { document } = s.documents.generate(1, 1, { "presta.lieu": "Lyon" });
    s.documents.save(1, [{ title: "Autre", body: "<p>Ailleurs.</p>" }], document.updatedAt);
    const replaced = s.documents.save(1, [{ title: "Seul", body: "<p>Tout.</p>" }]);
    expect(replaced.sections).toEqual([{ title: "Seul", body: "<p>Tout.</p>" }]);
  });

  it("says which required fields are still empty, apart from optional ones", () => {
    const r = s.documents.generate(1, 1, {});
    expect(r.requiredMissing).toEqual(["presta.lieu"]);
    expect(r.missing).toContain("presta.lieu");
  });

  it("keeps typed values, lets contract data follow the contract, uses the newest version", () => {
    s.documents.generate(1, 1, { "presta.acompte": "3000", "presta.lieu": "Lyon" });
    expect(s.documents.fields(1, 1).map((f) => [f.field.key, f.value, f.source])).toEqual([
      ["party.client.name", "Boulangerie Dupont", "party"],
      ["contract.endDate", "2027-05-31", "contract"],
      ["presta.acompte", "3000", "entered"],
      ["presta.lieu", "Lyon", "entered"],
    ]);
    const c = s.register.get(1);
    s.register.update(
      1,
      contractInputSchema.parse({ ...supply, endDate: "2028-05-31" }),
      c.updatedAt,
    );
    const t = s.templates.get(1);
    s.templates.save(
      1,
      { ...t.content, sections: t.content.sections.filter((x) => x.id !== "parties") },
      1,
    );
    const { document, missing } = s.documents.generate(1, 1, { "presta.lieu": "Lille" });
    expect(missing).toEqual([]);
    expect(document.templateVersion).toBe(2);
    expect(document.values).toEqual({ "presta.acompte": "3000", "presta.lieu": "Lille" });
    expect(document.sections.map((x) => spaced(x.body))).toEqual([
      "<p>12 500,00 €, acompte 3 000,00 €.</p>",
      "<p>Jusqu’au 31 mai 2028, à Lille.</p>",
    ]);
    expect(s.register.get(1).history.at(-1)?.changes.template).toEqual([
      "Prestation (v1)",
      "Prestation (v2)",
    ]);
  });

  it("flags a typed value that no longer reads as its field's new type", () => {
    s.documents.generate(1, 1, { "presta.lieu": "Lyon" });
    const t = s.templates.get(1);
    const fields = t.content.fields.map((f) =>
      f.key === "presta.lieu" ? { ...f, type: "date" as const } : f,
    );
    s.templates.save(1, { ...t.content, fields }, 1);
    const lieu = s.documents.fields(1, 1).find((f) => f.field.key === "presta.lieu");
    expect(lieu).toMatchObject({ value: "Lyon", source: "entered", unreadable: true });
    const acompte = s.documents.fields(1, 1).find((f) => f.field.key === "presta.acompte");
    expect(acompte?.unreadable).toBeUndefined();
    expect(() => s.documents.generate(1, 1, {})).toThrow(/“Lieu” \(presta.lieu\) takes a date/);
  });

  it("saves edited sections, sanitized, with an optimistic check", () => {
    const { document } = s.documents.generate(1, 1, {});
    const edited = [
      { title: "Parties", body: '<p onclick="x">Entre nous.</p><script>alert(1)</script>' },
      { title: "  Clause  ajoutée ", body: "<p>Texte <b>libre</b>.</p><img src=x>" },
    ];
    const saved = s.documents.save(1, edited, document.updatedAt);
    expect(saved.sections).toEqual([
      { title: "Parties", body: "<p>Entre nous.</p>" },
      { title: "Clause ajoutée", body: "<p>Texte <strong>libre</strong>.</p>" },
    ]);
    expect(saved).toMatchObject({ templateId: 1, templateVersion: 1 });
    expect(saved.generatedAt).toBe(document.generatedAt);
    expect(saved.updatedAt > document.updatedAt).toBe(true);
    expect(() => s.documents.save(1, edited, document.updatedAt)).toThrow(/was changed at/);
    const history = s.register.get(1).history;
    expect(history.at(-1)).toMatchObject({
      action: "document",
      changes: { sections: [4, 2], text: [textHash(document.sections), textHash(saved.sections)] },
    });
    // Saving the same text again changes nothing and records nothing.
    expect(s.documents.save(1, saved.sections, saved.updatedAt)).toEqual(saved);
    expect(s.register.get(1).history).toHaveLength(history.length);
    expect(s.lifecycle.verify()).toMatchObject({ ok: true, entries: history.length });
  });

  it("writes a contract's text from scratch, without a template", () => {
    const saved = s.documents.save(1, [{ title: "Objet", body: "<p>Libre.</p>" }]);
    expect(saved).toMatchObject({ templateId: null, templateName: null, generatedAt: null });
  });

  it("refuses an archived template", () => {
    s.templates.archive(1, true);
    expect(() => s.documents.generate(1, 1, {})).toThrow(/archived: unarchive it/);
  });
});

describe("documents through the API", () => {
  it("generates, reads and saves", async () => {
    const h = createHandlers(s, { door: "headless", version: "test" });
    const call = (channel: string, args: unknown) => dispatch(h, channel, args);
    const generated = await call("documents.generate", {
      contractId: 1,
      templateId: 1,
      values: { "presta.lieu": "Lyon" },
    });
    expect(generated).toMatchObject({ ok: true, value: { missing: [] } });
    const got = await call("documents.get", { contractId: 1 });
    expect(got).toMatchObject({ ok: true, value: { templateName: "Prestation" } });
    const stale = await call("documents.save", {
      contractId: 1,
      sections: [{ title: "A", body: "<p>b</p>" }],
      expectedUpdatedAt: "2000-01-01T00:00:00.000Z",
    });
    expect(stale).toMatchObject({ ok: false, error: { reason: "stale_update" } });
    const bad = await call("documents.generate", {
      contractId: 1,
      templateId: 1,
      values: { "not a key": "x" },
    });
    expect(bad).toMatchObject({ ok: false, error: { reason: "invalid_argument" } });
  });
});
