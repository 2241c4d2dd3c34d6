/**
 * Markdown import: our own small fixtures, then the three real templates
 * read in place from ../shared/data/templates (skipped when absent).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { sampleContract } from "./catalog";
import { checkTemplate } from "./check";
import { renderTemplate } from "./engine";
import { htmlToText } from "./html";
import { importMarkdown } from "./markdown";

const now = new Date("2026-05-04T10:00:00Z");
const repoRoot = path.resolve(__dirname, "../..");
const sharedDir = path.resolve(repoRoot, "../shared/data/templates");
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function shared(name: string): { file: string; text: string | null; reason: string } {
  const file = path.join(sharedDir, name);
  const present = fs.existsSync(file);
  return {
    file,
    text: present ? fs.readFileSync(file, "utf8") : null,
    reason: present ? "" : ` (skipped: ${file} is not on this machine)`,
  };
}

const contract = {
  ...sampleContract("fr", now),
  ...contractInputSchema.parse({
    title: "Développement du site",
    parties: [
      { name: "Agence Lumière", role: "prestataire", internal: true },
      { name: "Boulangerie Ærø & Cie", role: "client" },
    ],
    value: 48000,
    currency: "EUR",
    effectiveDate: "2026-06-01",
    endDate: "2027-05-31",
    renewal: { kind: "none" },
  }),
};

describe("markdown import (fixtures)", () => {
  it("makes sections of ## headings, h3/h4 of deeper ones, fields of {{tokens}}", () => {
    const t = importMarkdown({
      fileName: "prestation.fr.md",
      content: fixture("prestation.fr.md"),
    });
    expect(t.name).toBe("Contrat de prestation de services");
    expect(t.language).toBe("fr");
    expect(t.sections.map((s) => [s.id, s.title])).toEqual([
      ["s1", "Préambule"],
      ["s2", "Objet"],
      ["s3", "Prix"],
      ["s4", "Durée"],
    ]);
    expect(t.sections[1]?.body).toContain("<h3>Livrables</h3>");
    expect(t.sections[1]?.body).toContain("<ul>\n<li>les spécifications ;</li>");
    expect(t.sections[3]?.body).toContain("<h4>Résiliation anticipée</h4>");
    // Links print as "text (address)", the address a field like any other.
    expect(t.sections[1]?.body).toContain("le catalogue ({{presta.catalogue_url}})");
    expect(t.fields.map((f) => [f.key, f.type, f.label])).toEqual([
      ["company.name", "text", "Notre société : nom"],
      ["party.client.name", "text", "Partie « client » : nom"],
      ["presta.catalogue_url", "text", "Presta catalogue url"],
      ["contract.value", "amount", "Montant"],
      ["presta.acompte", "text", "Presta acompte"],
      ["presta.penalites", "text", "Presta penalites"],
      ["contract.effectiveDate", "date", "Date d’effet"],
      ["contract.endDate", "date", "Date de fin"],
      ["contract.noticePeriod", "text", "Préavis"],
    ]);
    expect(t.fields.every((f) => !f.required)).toBe(true);
    expect(checkTemplate(t)).toEqual([]);
  });

  it("keeps {{#if}}…{{else}}…{{/if}} blocks intact across paragraphs", () => {
    const t = importMarkdown({
      fileName: "prestation.fr.md",
      content: fixture("prestation.fr.md"),
    });
    const prix = t.sections[2]?.body ?? "";
    expect(prix).toContain("{{#if presta.acompte}}");
    expect(prix).toContain("{{else}}");
    expect(prix).toContain(
      "<p>{{#if presta.acompte}}\nUn acompte de {{presta.acompte}} est versé à la signature." +
        "\n{{else}}\nAucun acompte n’est demandé.\n{{/if}}</p>",
    );
    // A paragraph of block tags alone is no paragraph: nothing empty is left behind.
    expect(prix).toContain("{{#if presta.penalites}}\n<p>Des pénalités");
    expect(prix).not.toMatch(/<p>\{\{#if presta.penalites\}\}<\/p>/);
    const render = (values: Record<string, string>) =>
      renderTemplate({ content: t, contract, values, now }).sections[2]?.body ?? "";
    expect(spaced(htmlToText(render({})))).toBe(
      "Le prix est de 48 000,00 € hors taxes.\nAucun acompte n’est demandé.",
    );
    expect(
      spaced(htmlToText(render({ "presta.acompte": "5 000 €", "presta.penalites": "100 €" }))),
    ).toBe(
      "Le prix est de 48 000,00 € hors taxes.\n" +
        "Un acompte de 5 000 € est versé à la signature.\n" +
        "Des pénalités de retard de 100 € par jour s’appliquent.",
    );
  });

  it("makes sections of a numbered list's items when there are no ## headings", () => {
    const t = importMarkdown({ fileName: "services.en.md", content: fixture("services.en.md") });
    expect(t.language).toBe("en");
    expect(t.name).toBe("Mutual Services Terms");
    expect(t.sections.map((s) => s.title)).toEqual([
      "Definitions",
      "Payment & Invoices",
      "Governing law",
    ]);
    expect(t.sections[0]?.body).toMatch(/^<ol>\n<li>"Agreement" means these terms between/);
    expect(t.sections[2]?.body).toBe("<p>Governing law: {{contract.governingLaw}}.</p>");
    expect(t.fields.map((f) => f.key)).toEqual([
      "company.name",
      "party.customer.name",
      "terms.fees",
      "terms.payment_days",
      "contract.governingLaw",
    ]);
  });

  it("names the template after the file without a # title, and refuses an empty file", () => {
    const t = importMarkdown({ fileName: "notes.md", content: "Just {{one.field}} here." });
    expect(t.name).toBe("notes");
    expect(t.sections).toEqual([
      { id: "s1", title: "notes", body: "<p>Just {{one.field}} here.</p>", condition: null },
    ]);
    expect(() => importMarkdown({ fileName: "empty.md", content: "\n\n" })).toThrow(
      /empty.md has no text/,
    );
  });
});

describe("markdown import (../shared/data/templates)", () => {
  const cgv = shared("cgv.fr.md");
  it.skipIf(!cgv.text)(`imports and renders cgv.fr.md${cgv.reason}`, () => {
    const t = importMarkdown({ fileName: "cgv.fr.md", content: cgv.text ?? "" });
    expect(t.language).toBe("fr");
    expect(t.name).toBe("Conditions Générales de vente de … (applicables à compter du …)");
    expect(t.sections).toHaveLength(16);
    expect(t.sections[0]?.title).toBe("Article 1. Champ d’application");
    expect(t.sections[15]?.title).toBe("Article 16. Loi applicable et juridiction compétente");
    expect(t.sections[3]?.body).toContain("<h3>4.1. Obligations de {{company.name}}</h3>");
    expect(t.sections[3]?.body).toContain("<h4>4.2.1. Information du Client</h4>");
    const keys = t.fields.map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "company.name",
        "company.legal_structure",
        "company.capital",
        "company.rcs_city",
        "company.url",
        "company.url_nice",
        "cgv.non_solicitation_years",
      ]),
    );
    expect(checkTemplate(t)).toEqual([]);
    const values = {
      "company.legal_structure": "SAS",
      "company.capital": "10 000",
      "company.rcs_city": "Lyon",
      "cgv.non_solicitation_years": "2",
    };
    const r = renderTemplate({ content: t, contract, values, now });
    expect(r.problems).toEqual([]);
    expect(r.sections).toHaveLength(16);
    const text = r.sections.map((s) => htmlToText(s.body)).join("\n");
    expect(text).toContain("applicables entre Agence Lumière,\nSAS au capital de 10 000 €");
    expect(text).toContain("RCS de Lyon");
    expect(text).toContain("jusqu’à\n2 ans après la réception du Livrable");
    expect(text).not.toContain("{{");
    expect(r.missing).toEqual(
      expect.arrayContaining(["company.address", "company.rcs_number", "company.url"]),
    );
    expect(r.missing).not.toContain("company.name");
  });

  const cession = shared("cession-parts.fr.md");
  it.skipIf(!cession.text)(`imports and renders cession-parts.fr.md${cession.reason}`, () => {
    const t = importMarkdown({ fileName: "cession-parts.fr.md", content: cession.text ?? "" });
    expect(t.name).toBe("Contrat de développement d’application web");
    expect(t.sections.map((s) => s.title)).toEqual([
      "Préambule",
      "Propriété intellectuelle",
      "Prix - Paiement",
      "Conditions spécifiques",
      "Confidentialité à la charge du Client",
    ]);
    // Fields only tested by {{#if}} are declared too.
    expect(t.fields.map((f) => f.key)).toEqual(
      expect.arrayContaining(["contract.prepayment_novat", "contract.prepayment_vat"]),
    );
    expect(checkTemplate(t)).toEqual([]);
    const render = (values: Record<string, string>) =>
      renderTemplate({ content: t, contract, values, now });
    const without = htmlToText(render({}).sections[2]?.body ?? "");
    expect(without).not.toContain("avant l'intervention");
    const withPrepayment = render({
      "contract.prepayment_novat": "1 000",
      "contract.prepayment_vat": "1 200",
      "company.hourly_rate": "90 €",
      "company.hourly_rate_legend": "HT",
    });
    const prix = htmlToText(withPrepayment.sections[2]?.body ?? "");
    expect(prix).toContain("Le taux horaire de Agence Lumière s'élève à 90 €\nHT.");
    expect(prix).toContain("payer\n1 000 € HT soit\n1 200 € TTC avant l'intervention.");
    expect(withPrepayment.problems).toEqual([]);
  });

  const csa = shared("commonpaper-csa.en.md");
  it.skipIf(!csa.text)(`imports commonpaper-csa.en.md as sections${csa.reason}`, () => {
    const t = importMarkdown({ fileName: "commonpaper-csa.en.md", content: csa.text ?? "" });
    expect(t.name).toBe("Cloud Service Agreement");
    expect(t.language).toBe("en");
    expect(t.sections.map((s) => s.title)).toEqual([
      "Service",
      "Restrictions & Obligations",
      "Privacy & Security",
      "Payment & Taxes",
      "Term & Termination",
      "Representations & Warranties",
      "Disclaimer of Warranties",
      "Limitation of Liability",
      "Indemnification",
      "Confidentiality",
      "Reservation of Rights",
      "General Terms",
      "Definitions",
    ]);
    expect(t.fields).toEqual([]);
    // The spans are gone, their words kept; every clause is a list item.
    expect(t.sections[0]?.body).not.toContain("<span");
    expect(t.sections[0]?.body).toMatch(/^<ol>\n<li>Access and Use\. {2}During the Subscription/);
    const r = renderTemplate({ content: t, contract: null, values: {}, now });
    expect(r.problems).toEqual([]);
    expect(r.sections).toHaveLength(13);
  });
});

describe("files that are not templates", () => {
  it("refuses text over 2 MB before parsing it, and text that is not text", () => {
    const started = Date.now();
    expect(() =>
      importMarkdown({ fileName: "gros.md", content: `## A\n\n${"é".repeat(1_100_000)}` }),
    ).toThrow("gros.md is 2.1 MB: a template file may be 2 MB at most");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(() => importMarkdown({ fileName: "x.md", content: "## A\n\u0000\u0001" })).toThrow(
      "x.md is not a text file",
    );
  });
});

describe("limits, said in words", () => {
  it("names the number of sections and fields a template may have", () => {
    const sections = Array.from({ length: 501 }, (_, i) => `## S${i}\n\nx\n`).join("\n");
    expect(() => importMarkdown({ fileName: "long.md", content: sections })).toThrow(
      "long.md cannot be a template: more than 500 sections (one per ## heading)",
    );
    const fields = Array.from({ length: 501 }, (_, i) => `{{f.k${i}}}`).join(" ");
    expect(() => importMarkdown({ fileName: "champs.md", content: `## A\n\n${fields}` })).toThrow(
      "champs.md cannot be a template: more than 500 different merge fields",
    );
  });
});

describe("links", () => {
  it("prints safe links as text (address) and unsafe ones as their text only", () => {
    const t = importMarkdown({
      fileName: "liens.md",
      content:
        "## Liens\n\n[cliquez](javascript:alert(1)) [image](data:text/html;base64,PHA+) " +
        "[site](https://exemple.fr/a?b=1) [écrire](mailto:juriste@exemple.fr) " +
        "[fichier](file:///etc/passwd) [JS](JavaScript:void(0))\n",
    });
    const body = t.sections[0]?.body ?? "";
    expect(htmlToText(body)).toBe(
      "cliquez image site (https://exemple.fr/a?b=1) écrire (juriste@exemple.fr) fichier JS",
    );
    expect(body).not.toMatch(/javascript|data:|file:/i);
  });
});
