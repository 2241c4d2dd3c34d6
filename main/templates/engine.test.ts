/**
 * Rendering and checking templates: escaping, missing fields, conditional
 * sections, French and English formats, syntax errors with their place.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Contract, contractInputSchema } from "../../shared/domain/contract";
import {
  type TemplateContent,
  type TemplateContentInput,
  templateContentSchema,
} from "../../shared/domain/templates";
import { sampleContract } from "./catalog";
import { checkTemplate } from "./check";
import { renderTemplate } from "./engine";

const now = new Date("2026-05-04T10:00:00Z");
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function template(input: Partial<TemplateContentInput>): TemplateContent {
  return templateContentSchema.parse({
    name: "Test",
    sections: [{ id: "s1", title: "Objet", body: "<p>x</p>" }],
    ...input,
  });
}

function contract(overrides: Partial<Contract> = {}): Contract {
  const fields = contractInputSchema.parse({
    reference: "C-2026-001",
    title: "Contrat de prestation",
    parties: [
      { name: "Cabinet Martin", role: "Prestataire", signatory: "Claire Martin", internal: true },
      { name: "Dupont & Fils <SA>", role: "Client", signatory: "Jean Dupont" },
      { name: "Banque Œuvre", role: "garant" },
    ],
    value: 12500,
    currency: "EUR",
    effectiveDate: "2026-03-01",
    endDate: "2027-02-28",
    renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    governingLaw: "droit français",
    tags: ["informatique", "prestations"],
  });
  return {
    ...sampleContract("fr", now),
    ...fields,
    counterparty: "Dupont & Fils <SA>",
    ...overrides,
  };
}

function render(content: TemplateContent, values: Record<string, string> = {}, c = contract()) {
  return renderTemplate({ content, contract: c, values, now });
}

const body = (text: string) => [{ id: "s1", title: "Objet", body: text }];

describe("rendering", () => {
  it("fills contract data, parties by role and the firm's own side", () => {
    const t = template({
      sections: body(
        "<p>Entre {{company.name}}, représentée par {{company.signatory}}, et " +
          "{{party.client.name}} ({{contract.reference}}), garanti par {{party.garant.name}}.</p>",
      ),
    });
    const r = render(t);
    expect(r.sections[0]?.body).toBe(
      "<p>Entre Cabinet Martin, représentée par Claire Martin, et Dupont &amp; Fils &lt;SA&gt; " +
        "(C-2026-001), garanti par Banque Œuvre.</p>",
    );
    expect(r.missing).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it("escapes HTML in values, typed or from the contract", () => {
    const t = template({
      fields: [{ key: "x.note", label: "Note" }],
      sections: body("<p>{{x.note}} / {{party.client.name}}</p>"),
    });
    const r = render(t, { "x.note": '<script>alert("x")</script><b>gras</b>' });
    const html = r.sections[0]?.body ?? "";
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Dupont &amp; Fils &lt;SA&gt;");
    // The unescaped form is refused: it renders nothing at all.
    const raw = render(template({ fields: t.fields, sections: body("<p>{{{x.note}}}</p>") }), {
      "x.note": '<img src=x onerror="alert(1)"><strong>ok</strong>',
    });
    expect(raw.sections[0]?.body).toBe("");
  });

  it("renders missing fields empty and names them", () => {
    const t = template({
      fields: [
        { key: "cgv.start_date", label: "Début", type: "date" },
        { key: "cgv.penalty", label: "Pénalité", required: true },
        { key: "cgv.unused", label: "Jamais utilisé" },
      ],
      sections: body("<p>À compter du {{cgv.start_date}}, {{party.fournisseur.name}}.</p>"),
    });
    const r = render(t);
    expect(r.sections[0]?.body).toBe("<p>À compter du , .</p>");
    expect(r.missing).toEqual(["cgv.penalty", "cgv.start_date", "party.fournisseur.name"]);
  });

  it("formats dates, amounts, durations and lists in French", () => {
    const t = template({
      sections: body(
        "<p>{{contract.effectiveDate}} – {{contract.endDate}}; {{contract.value}}; " +
          "{{contract.renewalKind}} de {{contract.renewalTerm}}, " +
          "préavis {{contract.noticePeriod}}; {{parties}}; {{contract.tags}}</p>",
      ),
    });
    expect(spaced(render(t).sections[0]?.body ?? "")).toBe(
      "<p>1er mars 2026 – 28 février 2027; 12 500,00 €; " +
        "renouvellement par tacite reconduction de 1 an, préavis 3 mois; " +
        "Cabinet Martin, Dupont &amp; Fils &lt;SA&gt; et Banque Œuvre; " +
        "informatique et prestations</p>",
    );
  });

  it("formats the same fields in English for an English template", () => {
    const t = template({
      language: "en",
      sections: body(
        "<p>{{contract.effectiveDate}}; {{contract.value}}; " +
          "{{contract.noticePeriod}}; {{parties}}</p>",
      ),
    });
    expect(render(t).sections[0]?.body).toBe(
      "<p>1 March 2026; €12,500.00; 3 months; Cabinet Martin, Dupont &amp; Fils &lt;SA&gt; " +
        "and Banque Œuvre</p>",
    );
  });

  it("formats typed values by their declared type", () => {
    const fields = [
      { key: "deal.signed", label: "Signé le", type: "date" as const },
      { key: "deal.price", label: "Prix", type: "amount" as const },
      { key: "deal.hours", label: "Heures", type: "number" as const },
      { key: "deal.sites", label: "Sites", type: "list" as const },
      { key: "deal.terms", label: "Conditions", type: "longText" as const },
    ];
    const text =
      "<p>{{deal.signed}} | {{deal.price}} | {{deal.hours}} | {{deal.sites}} | {{deal.terms}}</p>";
    const values = {
      "deal.signed": "2026-04-01",
      "deal.price": "1500.5",
      "deal.hours": "1234.5",
      "deal.sites": "Paris\nLyon\nLille",
      "deal.terms": "ligne 1\nligne <2>",
    };
    const fr = render(template({ fields, sections: body(text) }), values);
    expect(spaced(fr.sections[0]?.body ?? "")).toBe(
      "<p>1er avril 2026 | 1 500,50 € | 1 234,5 | Paris, Lyon et Lille | " +
        "ligne 1<br />ligne &lt;2&gt;</p>",
    );
    const en = render(template({ language: "en", fields, sections: body(text) }), values);
    expect(en.sections[0]?.body).toBe(
      "<p>1 April 2026 | €1,500.50 | 1,234.5 | Paris, Lyon and Lille | " +
        "ligne 1<br />ligne &lt;2&gt;</p>",
    );
  });

  it("lets typed values override the contract's, and iterates lists", () => {
    const t = template({
      fields: [{ key: "contract.endDate", label: "Fin", type: "date" }],
      sections: body(
        "<p>{{contract.endDate}}</p><ul>{{#each contract.tags}}<li>{{this}}</li>{{/each}}</ul>",
      ),
    });
    expect(render(t, { "contract.endDate": "2030-01-31" }).sections[0]?.body).toBe(
      "<p>31 janvier 2030</p><ul><li>informatique</li><li>prestations</li></ul>",
    );
  });

  it("shows conditional sections when a field is present, absent or equals a value", () => {
    const t = template({
      fields: [{ key: "deal.option", label: "Option" }],
      sections: [
        { id: "a", title: "Toujours", body: "<p>a</p>" },
        {
          id: "b",
          title: "Avec option",
          body: "<p>b</p>",
          condition: { field: "deal.option", op: "present" },
        },
        {
          id: "c",
          title: "Sans option",
          body: "<p>c</p>",
          condition: { field: "deal.option", op: "absent" },
        },
        {
          id: "d",
          title: "Option premium",
          body: "<p>d</p>",
          condition: { field: "deal.option", op: "equals", value: " premium " },
        },
        {
          id: "e",
          title: "Renouvellement",
          body: "<p>e</p>",
          condition: { field: "contract.renewalKind", op: "equals", value: "automatic" },
        },
      ],
    });
    const titles = (values: Record<string, string>) =>
      render(t, values).sections.map((s) => s.title);
    expect(titles({})).toEqual(["Toujours", "Sans option", "Renouvellement"]);
    expect(titles({ "deal.option": "basic" })).toEqual([
      "Toujours",
      "Avec option",
      "Renouvellement",
    ]);
    expect(titles({ "deal.option": "premium" })).toEqual([
      "Toujours",
      "Avec option",
      "Option premium",
      "Renouvellement",
    ]);
    const none = contract({ renewal: { kind: "none", term: null, notice: null } });
    expect(render(t, {}, none).sections.map((s) => s.title)).toEqual(["Toujours", "Sans option"]);
  });

  it("handles inline {{#if}} blocks, else branches and helpers", () => {
    const t = template({
      fields: [
        { key: "deal.deposit", label: "Acompte", type: "amount" },
        { key: "deal.kind", label: "Nature" },
      ],
      sections: body(
        "<p>Prix : {{contract.value}}.{{#if deal.deposit}} Acompte : {{deal.deposit}}.{{/if}}</p>" +
          '{{#if (eq deal.kind "forfait")}}<p>Au forfait.</p>{{else}}<p>En régie.</p>{{/if}}' +
          "<p>{{upper party.client.signatory}}</p>",
      ),
    });
    const without = render(t);
    expect(spaced(without.sections[0]?.body ?? "")).toBe(
      "<p>Prix : 12 500,00 €.</p><p>En régie.</p><p>JEAN DUPONT</p>",
    );
    // A field only tested by {{#if}} and left empty is not missing: it chose a variant.
    expect(without.missing).toEqual([]);
    const withDeposit = render(t, { "deal.deposit": "3000", "deal.kind": "forfait" });
    expect(spaced(withDeposit.sections[0]?.body ?? "")).toBe(
      "<p>Prix : 12 500,00 €. Acompte : 3 000,00 €.</p><p>Au forfait.</p><p>JEAN DUPONT</p>",
    );
  });

  it("reads a missing field as empty in {{#with}} and {{#each}}", () => {
    const t = template({
      fields: [{ key: "deal.sites", label: "Sites", type: "list" }],
      sections: body(
        "<p>{{#with party.client}}{{name}}{{/with}}{{#with party.absent}}x{{else}}none{{/with}}" +
          "{{#each deal.sites}}[{{this}}]{{else}}no sites{{/each}}</p>",
      ),
    });
    expect(render(t).sections[0]?.body).toBe("<p>Dupont &amp; Fils &lt;SA&gt;noneno sites</p>");
    expect(render(t, { "deal.sites": "A; B" }).sections[0]?.body).toBe(
      "<p>Dupont &amp; Fils &lt;SA&gt;none[A][B]</p>",
    );
  });

  it("drops blocks a false condition left empty", () => {
    const t = template({
      fields: [{ key: "deal.extra", label: "Extra" }],
      sections: body("<p>{{#if deal.extra}}Extra : {{deal.extra}}{{/if}}</p><p>Fin.</p>"),
    });
    expect(render(t).sections[0]?.body).toBe("<p>Fin.</p>");
  });

  it("renders merge fields in section titles as plain text", () => {
    const t = template({
      sections: [{ id: "s1", title: "Obligations de {{party.client.name}}", body: "<p>x</p>" }],
    });
    expect(render(t).sections[0]?.title).toBe("Obligations de Dupont & Fils <SA>");
  });

  it("never throws on broken input: the broken section shows its template text", () => {
    const t = template({
      sections: [
        { id: "ok", title: "Bon", body: "<p>{{contract.title}}</p>" },
        { id: "ko", title: "Cassé", body: "<p>{{#if contract.title}}jamais fermé</p>" },
        { id: "p", title: "Partiel", body: "<p>{{> autre}}</p>" },
        { id: "h", title: "Aide", body: "<p>{{inconnu contract.title}}</p>" },
        { id: "t", title: "This", body: "<p>{{this}}</p>" },
      ],
    });
    const r = render(t);
    expect(r.sections.map((s) => s.body)).toEqual(["<p>Contrat de prestation</p>", "", "", "", ""]);
    expect(r.problems.map((p) => [p.sectionId, p.kind])).toEqual([
      ["ko", "syntax"],
      ["p", "syntax"],
      ["h", "syntax"],
      ["t", "syntax"],
    ]);
  });

  it("renders with sample data when there is no contract", () => {
    const t = template({ sections: body("<p>{{party.client.name}}, {{contract.value}}</p>") });
    const r = renderTemplate({ content: t, contract: null, values: {}, now });
    expect(r.sections[0]?.body).toBe("<p>, </p>");
    expect(r.missing).toEqual(["contract.value", "party.client.name"]);
  });
});

describe("check", () => {
  it("reports a syntax error with its 1-based line and column", () => {
    const t = template({
      sections: [
        { id: "s1", title: "Bon", body: "<p>{{contract.title}}</p>" },
        { id: "s2", title: "Prix", body: "<p>Prix :\n  {{contract.value}</p>" },
      ],
    });
    const problems = checkTemplate(t);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sectionId: "s2", line: 2, column: 19, kind: "syntax" });
    expect(problems[0]?.message).toMatch(/unexpected “}”/);
  });

  it("reports mismatched blocks and unclosed blocks where they are", () => {
    const mismatched = checkTemplate(
      template({ sections: body("<p>a</p>\n<p>{{#if contract.title}}x{{/each}}</p>") }),
    );
    // The place of the block that does not match: the `if` of {{#if.
    expect(mismatched[0]).toMatchObject({ line: 2, column: 7, kind: "syntax" });
    expect(mismatched[0]?.message).toBe("if doesn't match each");
    const unclosed = checkTemplate(
      template({ sections: body("<p>{{#if contract.title}}\nx</p>") }),
    );
    expect(unclosed[0]).toMatchObject({ line: 2, kind: "syntax" });
    expect(unclosed[0]?.message).toMatch(/is missing/);
  });

  it("reports unknown fields where they are used, not declared or built-in ones", () => {
    const t = template({
      fields: [{ key: "deal.price", label: "Prix" }],
      sections: body(
        "<p>{{deal.price}} {{party.any_role.email}} {{company.name}}</p>\n" +
          "<p>{{#if deal.prise}}{{contract.titel}}{{/if}} {{contract}}</p>",
      ),
    });
    const problems = checkTemplate(t);
    expect(problems.map((p) => [p.kind, p.line, p.column, p.message])).toEqual([
      ["unknown_field", 2, 10, expect.stringContaining("“deal.prise”")],
      ["unknown_field", 2, 24, expect.stringContaining("“contract.titel”")],
      ["unknown_field", 2, 50, expect.stringContaining("is a group of fields")],
    ]);
  });

  it("reports invalid conditions and declared fields", () => {
    const t = template({
      fields: [
        { key: "a.b", label: "B" },
        { key: "a.b", label: "B again" },
        { key: "a.b.c", label: "C" },
      ],
      sections: [
        { id: "s1", title: "Un", body: "<p>1</p>", condition: { field: "nope", op: "present" } },
        { id: "s2", title: "Deux", body: "<p>2</p>", condition: { field: "a.b", op: "equals" } },
      ],
    });
    expect(checkTemplate(t).map((p) => [p.sectionId, p.kind])).toEqual([
      [null, "invalid_field"],
      [null, "invalid_field"],
      ["s1", "condition"],
      ["s2", "condition"],
    ]);
  });

  it("reports merge fields in titles without a position", () => {
    const t = template({ sections: [{ id: "s1", title: "De {{x.y}}", body: "<p>1</p>" }] });
    expect(checkTemplate(t)).toEqual([
      {
        sectionId: "s1",
        line: null,
        column: null,
        kind: "unknown_field",
        message: expect.stringMatching(/^in the title: unknown field “x.y”/),
      },
    ]);
  });
});

describe("what templates may not do", () => {
  const problemsOf = (text: string) =>
    checkTemplate(template({ sections: body(text) })).map((p) => [p.kind, p.message]);

  it("refuses Handlebars helpers we do not provide, and never prints template code", () => {
    for (const text of [
      '<p>{{lookup contract "title"}}</p>',
      "<p>{{lookup}}</p>",
      "<p>{{#lookup contract}}x{{/lookup}}</p>",
      "<p>{{log contract.title}}</p>",
      "<p>{{blockHelperMissing}}</p>",
      "<p>{{#blockHelperMissing}}x{{/blockHelperMissing}}</p>",
      "<p>{{helperMissing contract.title}}</p>",
      "<p>{{inconnu contract.title}}</p>",
    ]) {
      const problems = problemsOf(text);
      expect(
        problems.map(([kind]) => kind),
        text,
      ).toContain("syntax");
      const r = render(template({ sections: body(text) }));
      expect(r.sections[0]?.body, text).toBe("");
      expect(
        r.problems.some((p) => p.kind === "syntax" && p.sectionId === "s1"),
        text,
      ).toBe(true);
    }
    const notAvailable = /^“lookup” is not available in templates \(helpers: if/;
    expect(problemsOf('<p>{{lookup contract "title"}}</p>')).toEqual([
      ["syntax", expect.stringMatching(notAvailable)],
    ]);
  });

  it("refuses triple braces and {{& …}}: values are always escaped", () => {
    for (const text of ["<p>{{{contract.title}}}</p>", "<p>{{&amp; contract.title}}</p>"]) {
      expect(problemsOf(text), text).toEqual([
        ["syntax", expect.stringContaining("values are always escaped: write {{field}}")],
      ]);
      const t = template({ sections: body(text) });
      const r = render(t, {}, contract({ title: "<b>gras</b>" }));
      expect(r.sections[0]?.body).toBe("");
    }
  });

  it("reads merge fields as typed, so partials and comparisons get a clear message", () => {
    expect(problemsOf("<p>{{&gt; autre}}</p>")).toEqual([
      ["syntax", "partials ({{> …}}) are not supported in templates"],
    ]);
    expect(problemsOf("<p>{{#if contract.value &gt; 1}}x{{/if}}</p>")).toEqual([
      ["syntax", "unexpected “>” in a merge field"],
    ]);
    // Entities in literals compare as typed; outside merge fields nothing changes.
    const t = template({
      sections: body('<p>A &amp; B{{#if (eq contract.title "A &amp; B")}} oui{{/if}}</p>'),
    });
    expect(render(t, {}, contract({ title: "A & B" })).sections[0]?.body).toBe(
      "<p>A &amp; B oui</p>",
    );
  });

  it("treats names every object inherits as unknown fields, silently", () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const t = template({
        sections: body("<p>{{toString}}{{valueOf}}{{hasOwnProperty}}{{contract.constructor}}</p>"),
      });
      const r = render(t);
      expect(r.problems.map((p) => p.kind)).toEqual([
        "unknown_field",
        "unknown_field",
        "unknown_field",
        "unknown_field",
      ]);
      expect(r.missing).toEqual([]);
      expect(r.sections[0]?.body).toBe("");
    } finally {
      process.stderr.write = original;
    }
    expect(written.join("")).not.toMatch(/Access has been denied/);
  });
});

describe("robustness", () => {
  it("never throws, whatever the body, and never lets a tag outside the subset through", () => {
    const pieces = fc.constantFrom(
      "{{",
      "}}",
      "{{{",
      "}}}",
      "{{#if contract.title}}",
      "{{/if}}",
      "{{else}}",
      "{{#each parties}}",
      "{{/each}}",
      "{{> p}}",
      "{{!--",
      "--}}",
      "{{this}}",
      "{{../x}}",
      "{{@root.contract.title}}",
      "{{eq a}}",
      "(",
      '"',
      "<p>",
      "</p>",
      "<script>",
      "<img src=x onerror=alert(1)>",
      "party.client.name",
      "texte",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const t = template({ sections: body(parts.join("")) });
        const r = render(t);
        expect(Array.isArray(checkTemplate(t))).toBe(true);
        for (const s of r.sections) {
          expect(s.body).not.toMatch(/<(script|img)\b/i);
        }
      }),
      { numRuns: 500 },
    );
  });
});
