/**
 * The default contract pipeline. The lifecycle work makes it configurable;
 * until then every register starts with these stages, in this order.
 */

export interface StageDefinition {
  key: string;
  /** Names shown to people, per UI language. */
  names: { fr: string; en: string };
  /** A stage a contract ends in (terminated, expired). */
  terminal: boolean;
}

export const DEFAULT_STAGES: readonly StageDefinition[] = [
  { key: "draft", names: { fr: "Brouillon", en: "Draft" }, terminal: false },
  { key: "legal_review", names: { fr: "Revue juridique", en: "Legal review" }, terminal: false },
  { key: "negotiation", names: { fr: "Négociation", en: "Negotiation" }, terminal: false },
  { key: "approval", names: { fr: "Approbation", en: "Approval" }, terminal: false },
  { key: "signature", names: { fr: "Signature", en: "Signature" }, terminal: false },
  { key: "active", names: { fr: "En vigueur", en: "Active" }, terminal: false },
  { key: "renewal", names: { fr: "Renouvellement", en: "Renewal" }, terminal: false },
  { key: "terminated", names: { fr: "Résilié", en: "Terminated" }, terminal: true },
  { key: "expired", names: { fr: "Expiré", en: "Expired" }, terminal: true },
];

export const DEFAULT_STAGE_KEY = "draft";
