/**
 * Rendering templates: escaping, missing fields, conditional
 * sections, French and English formats.
 * Checks, what templates may not do and robustness are in engine-check.test.ts.
 */
import { describe, expect, it } from "vitest";
import { renderTemplate } from "./engine";
import { body, contract, now, render, spaced, template } from "./engine-test-setup";

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
