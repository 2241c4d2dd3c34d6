/**
 * Workflow templates tests can put on the double: an approval by a lawyer
 * that moves the contract's stage, a request for information with a file
 * field, a task of a type REST cannot complete, and one for deals.
 */
import { CONTRACT_TYPE_ID } from "./catalog";
import type { PortalState } from "./state";
import { DEAL_DOCUMENT, dynamicDocument, type Template } from "./workflow-engine";

export interface SeededTemplates {
  approval: Template;
  request: Template;
  manual: Template;
  deal: Template;
}

/** Adds the four templates; tasks go to the user named by the `Lawyer` parameter. */
export function seedWorkflowTemplates(state: PortalState): SeededTemplates {
  const engine = state.bizproc;
  const contracts = dynamicDocument(CONTRACT_TYPE_ID);
  const approval = engine.addTemplate({
    name: "Validation juridique",
    documentType: contracts,
    parameters: {
      Lawyer: { Name: "Juriste", Type: "user", Required: "Y" },
      Deadline: { Name: "Échéance", Type: "date", Required: "N" },
      Priority: {
        Name: "Priorité",
        Type: "select",
        Required: "Y",
        Options: { low: "Basse", high: "Haute" },
        Default: "low",
      },
      Amount: { Name: "Montant plafond", Type: "double", Required: "N" },
      Copies: { Name: "Exemplaires", Type: "int", Required: "N" },
      Urgent: { Name: "Urgent", Type: "bool", Required: "N", Default: "N" },
      Note: { Name: "Note", Type: "text", Required: "N" },
      Subject: { Name: "Objet", Type: "string", Required: "N" },
    },
    steps: [
      {
        kind: "task",
        activity: "ApproveActivity",
        name: "Valider le contrat",
        description: "Relire et valider le contrat avant signature.",
        assignee: { parameter: "Lawyer" },
        commentRequired: "YR",
        state: "En validation",
      },
      { kind: "setStage", stageId: "DT1220_30:CLIENT", when: "approved" },
      { kind: "setStage", stageId: "DT1220_30:FAIL", when: "rejected" },
    ],
  });
  const request = engine.addTemplate({
    name: "Demande de pièces",
    documentType: contracts,
    parameters: { Lawyer: { Name: "Juriste", Type: "user", Required: "Y" } },
    steps: [
      {
        kind: "task",
        activity: "RequestInformationOptionalActivity",
        name: "Fournir le contrat signé",
        assignee: { parameter: "Lawyer" },
        fields: [
          { Id: "ContractNumber", Type: "string", Name: "Numéro du contrat", Required: true },
          { Id: "SignedPdf", Type: "file", Name: "Contrat (PDF)", Required: true },
        ],
        state: "En attente des pièces",
      },
      { kind: "wait", state: "Archivage" },
    ],
  });
  const manual = engine.addTemplate({
    name: "Signature électronique",
    documentType: contracts,
    parameters: { Lawyer: { Name: "Juriste", Type: "user", Required: "Y" } },
    steps: [
      {
        kind: "task",
        // ○ any activity outside the four documented task types refuses REST
        activity: "SignDocumentActivity",
        name: "Signer dans Bitrix24",
        assignee: { parameter: "Lawyer" },
      },
    ],
  });
  const deal = engine.addTemplate({
    name: "Revue de l'affaire",
    documentType: DEAL_DOCUMENT,
    steps: [
      { kind: "task", activity: "ReviewActivity", name: "Prendre connaissance", assignee: 1 },
    ],
  });
  return { approval, request, manual, deal };
}
