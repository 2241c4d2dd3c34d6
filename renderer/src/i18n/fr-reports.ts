/** French messages of the reports screen and the KPI digests. */
import { REPORT_HEADINGS } from "../../../shared/domain/report-headings";
export const frReports = {
  ...REPORT_HEADINGS.fr,
  title: "Rapports",
  filters: "Filtres",
  type: "Type",
  anyType: "Tous les types",
  tag: "Étiquette",
  anyTag: "Toutes les étiquettes",
  responsible: "Responsable",
  anyone: "Tout le monde",
  from: "Du",
  to: "Au",
  periodError: "La période se termine avant de commencer.",
  asOf: "Au {{date}}",
  export: "Exporter",
  exportCsv: "CSV (virgules)",
  exportCsvFr: "CSV pour Excel (points-virgules, virgule décimale)",
  exportPdf: "PDF",
  exported: "Rapport exporté : {{file}}",
  chartOf: "Graphique : {{title}} (les mêmes chiffres sont dans le tableau)",
  empty: "Rien à montrer pour ces filtres.",
  window: "Sous {{days}} jours",
  byStageIn: "Valeur par étape en {{currency}}",
};

export const frDigests = {
  title: "Synthèses des indicateurs",
  intro:
    "Chaque responsable peut recevoir chaque jour, à l'heure choisie, la synthèse de ce qui " +
    "est en retard et de ce qui arrive dans les 30 jours : une notification sur ce poste et, " +
    "si Pacta est connecté à Bitrix24 et la personne a un identifiant du portail, une " +
    "notification Bitrix24.",
  person: "Personne",
  enabled: "Synthèse quotidienne",
  enabledFor: "Synthèse quotidienne pour {{name}}",
  time: "Heure",
  timeFor: "Heure de la synthèse pour {{name}}",
  portal: "Bitrix24",
  portalYes: "utilisateur {{id}}",
  portalNo: "aucun identifiant",
  saved: "Réglage de synthèse enregistré.",
  none: "Ajoutez d'abord des personnes ci-dessus.",
  noticeTitle: "Synthèse Pacta pour {{name}}",
  noticeLate: "(en retard)",
};
