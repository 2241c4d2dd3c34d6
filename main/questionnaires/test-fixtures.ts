/**
 * A register with a contract and a questionnaire for the questionnaire
 * tests, and a PDF filled the way a PDF reader fills it (pdf-lib: fields
 * set, saved, not flattened).
 */
import { PDFDocument } from "pdf-lib";
import { contractInputSchema } from "../../shared/domain/contract";
import type { QuestionnaireContentInput } from "../../shared/domain/questionnaires";
import type { PactaServices } from "../app/services";
import { answerField } from "./form-fields";

export const FEEDBACK: QuestionnaireContentInput = {
  title: "Retour après signature",
  language: "fr",
  intro: "Merci de nous dire comment s’est passée la négociation.",
  questions: [
    { kind: "text", text: "Qu’avez-vous apprécié ?", required: false },
    {
      kind: "choice",
      text: "Comment nous avez-vous connus ?",
      required: true,
      options: ["Bouche-à-oreille", "Salon « Droit & Tech »", "Recherche"],
    },
    { kind: "scale", text: "Satisfaction générale", required: true },
    { kind: "date", text: "Date de la prochaine revue", required: false },
    { kind: "yesno", text: "Nous recommanderiez-vous ?", required: true },
  ],
};

export function seedContract(s: PactaServices): number {
  return s.register.create(
    contractInputSchema.parse({
      reference: "C-2026-042",
      title: "Prestation de conseil",
      parties: [
        { name: "Cabinet Durand", role: "prestataire", internal: true },
        { name: "ООО «Ромашка»", role: "client", email: "ivan@romashka.example" },
      ],
    }),
  ).id;
}

export interface Filling {
  text?: Record<string, string>;
  radio?: Record<string, string>;
  respondentName?: string;
  /**
   * false leaves the appearances to the reader (NeedAppearances): pdf-lib
   * redraws text fields in Helvetica, which has no Cyrillic.
   */
  updateAppearances?: boolean;
}

/** Fills the PDF's fields the way a person does in a PDF reader, then saves it. */
export async function fillPdf(bytes: Uint8Array, f: Filling): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const form = doc.getForm();
  for (const [qid, value] of Object.entries(f.text ?? {})) {
    form.getTextField(answerField(qid)).setText(value);
  }
  for (const [qid, state] of Object.entries(f.radio ?? {})) {
    form.getRadioGroup(answerField(qid)).select(state);
  }
  if (f.respondentName !== undefined) {
    form.getTextField("pacta.respondent.name").setText(f.respondentName);
  }
  return doc.save({ updateFieldAppearances: f.updateAppearances ?? true });
}
