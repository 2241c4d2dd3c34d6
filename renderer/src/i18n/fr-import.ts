/** French messages of the import wizard, and of the API's reason codes. */
import type { Reason } from "../../../shared/api/result";

export const frImport = {
  title: "Importer des contrats",
  stepFile: "Fichier",
  stepFileText: "CSV ou JSON",
  stepMapping: "Correspondance",
  stepMappingText: "Colonnes et formats",
  stepImport: "Import",
  stepImportText: "Progression",
  stepReport: "Rapport",
  stepReportText: "Résultat",
  fileLabel: "Fichier à importer (CSV ou JSON)",
  fileHelp:
    "Un fichier CSV (séparé par des virgules ou des points-virgules, UTF-8) ou un " +
    "fichier JSON exporté par Pacta.",
  reading: "Lecture du fichier…",
  fileSummary: "{{name}} : {{rows}} lignes, format {{format}}",
  fileEncoding: "Encodage détecté : {{encoding}}",
  fileTooBig:
    "Ce fichier fait {{size}} Mo : l'assistant lit les fichiers jusqu'à 100 Mo. " +
    "Importez-le avec la commande « pacta import », qui lit les gros fichiers.",
  mappingIntro:
    "Pour chaque champ du contrat, choisissez la colonne du fichier qui le contient. " +
    "Les correspondances proposées viennent des en-têtes du fichier.",
  mappingFile: "Charger une correspondance enregistrée (JSON)",
  saveMapping: "Enregistrer la correspondance",
  mappingFileInvalid: "Ce fichier n'est pas une correspondance valide",
  mappingMissingTitle: "Cette correspondance nomme des colonnes absentes du fichier",
  mappingMissingColumns:
    "Colonnes introuvables, non appliquées : {{columns}}. Choisissez ces champs ci-dessous.",
  defaultCurrency: "Devise par défaut",
  defaultCurrencyHelp: "Pour les montants sans devise dans le fichier",
  defaultCurrencyNone: "Aucune",
  titleRequired: "Choisissez la colonne du titre : chaque contrat a besoin d'un titre.",
  notMapped: "Non importé",
  formats: "Formats",
  dateFormat: "Format des dates",
  delimiter: "Séparateur de colonnes",
  delimiterAuto: "Détection automatique",
  delimiterComma: "Virgule (,)",
  delimiterSemicolon: "Point-virgule (;)",
  delimiterTab: "Tabulation",
  termImpliesAutomatic: "Une durée de renouvellement renseignée signifie une tacite reconduction",
  evergreenWords: "Mots signifiant « durée indéterminée »",
  evergreenPlaceholder: "Ex. : Perpetual, indéterminée",
  sampleTitle: "Aperçu des premières lignes",
  sampleRefreshing: "Mise à jour de l'aperçu…",
  sampleRow: "Ligne",
  sampleFlags: "À vérifier",
  sampleNoFlags: "OK",
  sampleSkipped: "Ignorée : {{error}}",
  dryRun: "Essai à blanc (rien n'est enregistré)",
  back: "Retour",
  start: "Lancer l'import",
  startDryRun: "Lancer l'essai",
  progressLabel: "Progression de l'import",
  progress: "{{done}} / {{total}} lignes",
  failed: "L'import a échoué",
  reportTitle: "Rapport d'import",
  reportDryRun: "Essai à blanc : aucun contrat n'a été enregistré.",
  rows: "Lignes lues",
  created: "Créés",
  updated: "Mis à jour",
  unchanged: "Inchangés",
  skipped: "Ignorés",
  flagged: "À vérifier",
  problemsTitle: "Problèmes",
  noProblems: "Aucun problème : toutes les valeurs ont été lues.",
  problemRow: "Ligne",
  problemColumn: "Colonne",
  problemMessage: "Message",
  problemsMore: "… et {{count, number}} autres problèmes.",
  showNeedsReview: "Voir les contrats à vérifier",
  showRegister: "Voir le registre",
  another: "Importer un autre fichier",
  /** main's import sentences, said again in the UI language (see import/problem-text.ts). */
  problems: {
    date: "« {{raw}} » n'est pas une date lisible au format {{format}}.",
    duration:
      "« {{raw}} » n'est pas une durée lisible " +
      "(par ex. « 1 an », « 30 jours », " +
      "« 6 mois »).",
    currency: "« {{raw}} » n'est pas un code de devise connu.",
    amount: "« {{raw}} » n'est pas un montant lisible en {{currency}}.",
    renewalKind:
      "« {{raw}} » n'est pas un type de renouvellement (aucun, tacite reconduction, sur option " +
      "ou durée indéterminée).",
    stage: "« {{raw}} » n'est pas une étape de ce registre.",
    automaticNoTerm:
      "Une tacite reconduction nécessite une durée de renouvellement : le renouvellement est " +
      "laissé à « aucun ».",
    amountCurrencyUnread: "La devise du montant n'a pas pu être lue.",
    amountNeedsCurrency:
      "Un montant doit avoir une devise : associez une colonne de devise ou choisissez une " +
      "devise par défaut.",
    tooManyParties: "Seules les {{count, number}} premières parties ont été conservées.",
    tooManyTags: "Seules les {{count, number}} premières étiquettes ont été conservées.",
    evergreenRest:
      "Lu comme une durée indéterminée (sans date de fin) ; le reste de « {{raw}} » n'a pas " +
      "été utilisé.",
    expectedText: "Un texte était attendu ici.",
    expectedRenewal: "Un objet {kind, term, notice} était attendu pour le renouvellement.",
    expectedParties: "Une liste de parties était attendue.",
    expectedTags: "Une liste d'étiquettes était attendue.",
    expectedContract: "Un contrat (objet JSON) était attendu ici.",
    sameReference:
      "La référence « {{reference}} » figure aussi à la ligne {{row}} : " +
      "cette ligne a remplacé ce que l'autre avait importé.",
    cellCount:
      "La ligne a {{cells}} cellules mais l'en-tête en a {{headers}} ; il manque sans doute un " +
      "séparateur ou un guillemet, la ligne n'a pas été importée.",
    noTitle: "Pas de titre : la ligne n'a pas été importée.",
    unchecked: "Les valeurs de la ligne n'ont pas pu être vérifiées.",
    noReference:
      "Aucune colonne de référence : " +
      "relancer cet import créerait ces contrats une seconde fois.",
  },
};

/** One message per API reason code: what went wrong, and what to do. */
export const frErrors = {
  title: "Erreur",
  invalid_argument:
    "Certaines valeurs envoyées ne sont pas valides. " +
    "Corrigez les champs signalés puis réessayez.",
  not_found:
    "Cet élément n'existe pas ou a été supprimé. " + "Revenez au registre pour le rechercher.",
  duplicate_reference:
    "Cette référence est déjà prise par un autre contrat : choisissez-en une autre.",
  stale_update:
    "Ce contrat a été modifié ailleurs depuis l'ouverture du formulaire. Rechargez-le " +
    "puis refaites vos modifications.",
  import_unreadable:
    "Ce fichier n'a pas pu être lu. Vérifiez qu'il s'agit d'un CSV ou d'un JSON en UTF-8.",
  database_newer_than_app:
    "Les données ont été créées par une version plus récente de Pacta. Mettez " +
    "l'application à jour pour les ouvrir.",
  database_unreadable:
    "Le fichier de données est illisible ou endommagé. Restaurez une sauvegarde ou " +
    "contactez votre support.",
  unauthorized:
    "La session a expiré ou l'accès est refusé. Rouvrez Pacta depuis l'adresse " +
    "complète affichée au démarrage.",
  not_connected:
    "Pacta n'est pas connecté à un portail Bitrix24. Connectez-le dans les paramètres.",
  portal_unreachable:
    "Le portail Bitrix24 est injoignable. Vos modifications attendent dans la file d'envoi " +
    "et partiront à la prochaine synchronisation.",
  portal_refused:
    "Le portail Bitrix24 a refusé la demande. Vérifiez le webhook, ses droits et les " +
    "correspondances de champs.",
  sign_in_timeout:
    "Le portail n'a pas renvoyé d'autorisation à temps. Recommencez la connexion et " +
    "vérifiez l'adresse de retour enregistrée dans l'application du portail.",
  register_busy:
    "Un autre programme (Pacta dans un terminal, par exemple) écrit dans le registre. Rien " +
    "n'a été modifié : réessayez quand il aura fini.",
  sync_running:
    "Une synchronisation est déjà en cours pour ce registre (dans l'application ou un " +
    "terminal). Réessayez quand elle sera finie.",
  unknown_method:
    "Cette action n'est pas reconnue par cette version de Pacta. Mettez l'application à jour.",
  confirmation_required:
    "Ce déplacement saute des étapes obligatoires. Confirmez-le pour continuer.",
  internal:
    "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, envoyez le " +
    "journal de Pacta à votre support.",
} satisfies Record<Reason | "title", string>;
