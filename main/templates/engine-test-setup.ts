/**
 * What the template engine's test files share: a fixed clock, a template
 * from a few fields, a French service contract with three parties, and
 * rendering with them.
 */
import { type Contract, contractInputSchema } from "../../shared/domain/contract";
import {
  type TemplateContent,
  type TemplateContentInput,
  templateContentSchema,
} from "../../shared/domain/templates";
import { sampleContract } from "./catalog";
import { renderTemplate } from "./engine";

export const now = new Date("2026-05-04T10:00:00Z");
export const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

export function template(input: Partial<TemplateContentInput>): TemplateContent {
  return templateContentSchema.parse({
    name: "Test",
    sections: [{ id: "s1", title: "Objet", body: "<p>x</p>" }],
    ...input,
  });
}

export function contract(overrides: Partial<Contract> = {}): Contract {
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

export function render(
  content: TemplateContent,
  values: Record<string, string> = {},
  c = contract(),
) {
  return renderTemplate({ content, contract: c, values, now });
}

export const body = (text: string) => [{ id: "s1", title: "Objet", body: text }];
