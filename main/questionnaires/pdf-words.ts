/** Every word the questionnaire PDF prints, in French and English. */

export interface FormWords {
  kind: string;
  contract: string;
  party: string;
  respondentName: string;
  respondentEmail: string;
  instructions: string;
  requiredNote: string;
  yes: string;
  no: string;
  dateHint: string;
  /** The Acrobat date format matching the hint. */
  dateFormat: string;
  scaleLow: string;
  scaleHigh: string;
  footer: (questionnaireId: number, version: number, attachmentId: number) => string;
  page: (n: number, of: number) => string;
}

export const FORM_WORDS: Record<"fr" | "en", FormWords> = {
  fr: {
    kind: "Questionnaire",
    contract: "Contrat",
    party: "Destinataire",
    respondentName: "Votre nom",
    respondentEmail: "Votre adresse e-mail",
    instructions:
      "Remplissez ce formulaire dans un lecteur PDF (Adobe Acrobat Reader, Aperçu, " +
      "Firefox…), enregistrez-le sans l’aplatir ni l’imprimer en PDF, puis renvoyez-le.",
    requiredNote: "* réponse obligatoire",
    yes: "Oui",
    no: "Non",
    dateHint: "JJ/MM/AAAA",
    dateFormat: "dd/mm/yyyy",
    scaleLow: "1 = pas du tout",
    scaleHigh: "5 = tout à fait",
    footer: (q, v, a) => `Pacta — questionnaire n° ${q}, version ${v}, envoi n° ${a}`,
    page: (n, of) => `Page ${n} / ${of}`,
  },
  en: {
    kind: "Questionnaire",
    contract: "Contract",
    party: "For",
    respondentName: "Your name",
    respondentEmail: "Your email address",
    instructions:
      "Fill in this form in a PDF reader (Adobe Acrobat Reader, Preview, Firefox…), save it " +
      "without flattening it or printing it to PDF, then send it back.",
    requiredNote: "* required answer",
    yes: "Yes",
    no: "No",
    dateHint: "DD/MM/YYYY",
    dateFormat: "dd/mm/yyyy",
    scaleLow: "1 = not at all",
    scaleHigh: "5 = completely",
    footer: (q, v, a) => `Pacta — questionnaire #${q}, version ${v}, attachment #${a}`,
    page: (n, of) => `Page ${n} / ${of}`,
  },
};
