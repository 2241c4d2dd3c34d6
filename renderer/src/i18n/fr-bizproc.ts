/** Messages français des processus d'entreprise Bitrix24 (tâches et workflows). */
export const frBizproc = {
  inboxTitle: "Tâches Bitrix24",
  inboxIntro:
    "Les tâches des processus d'entreprise qui vous attendent sur les contrats liés " +
    "au portail. Vos réponses partent à la prochaine synchronisation " +
    "si le portail ne répond pas.",
  empty: "Aucune tâche en attente. Une synchronisation apporte les tâches du portail.",
  notConnected:
    "Connectez Pacta à un portail Bitrix24 dans les paramètres " + "pour voir vos tâches.",
  noScope:
    "Le webhook connecté ne donne pas accès aux processus d'entreprise : cochez son " +
    "autorisation « bizproc » sur le portail.",
  contract: "Contrat",
  contractLabel: "Contrat :",
  since: "Depuis le {{date}}",
  workflow: "Processus : {{name}}",
  state: "État : {{state}}",
  types: {
    approve: "Approbation",
    review: "Prise de connaissance",
    request: "Demande d'informations",
    requestOptional: "Demande d'informations",
    other: "Autre tâche",
  },
  answerStates: {
    pending: "En attente d'envoi",
    sent: "Envoyée",
    dropped: "Réponse abandonnée",
    failed: "Refusée par le portail",
  },
  pendingHint: "Votre réponse est enregistrée ; elle partira à la prochaine synchronisation.",
  openInPortal: "Ouvrir dans Bitrix24",
  notAnswerable: "Cette tâche ne peut pas recevoir de réponse depuis Pacta.",
  comment: "Commentaire",
  commentRequired: "Commentaire (obligatoire)",
  approve: "Approuver",
  reject: "Refuser",
  answer: "Envoyer la réponse",
  decline: "Décliner",
  attachPdf: "Joindre le PDF de ce contrat",
  attachPdfHint: "Pacta exporte le contrat en PDF et l'envoie dans ce champ.",
  fieldRequired: "Ce champ est obligatoire.",
  commentMissing: "Un commentaire est obligatoire pour cette réponse.",
  dismiss: "Masquer",
  answeredSent: "Réponse envoyée au portail.",
  answeredPending: "Réponse enregistrée : elle partira à la prochaine synchronisation.",
  answeredDropped: "Tâche déjà traitée sur le portail : votre réponse n'a pas été envoyée.",
  answeredFailed: "Le portail a refusé la réponse.",
  droppedText:
    "Cette tâche a été traitée sur le portail entre-temps : " +
    "votre réponse n'a pas été envoyée.",
  panelTitle: "Processus d'entreprise",
  panelNotLinked:
    "Ce contrat n'est pas encore sur le portail : synchronisez-le pour lancer un processus.",
  running: "Processus en cours",
  noneRunning: "Aucun processus en cours sur ce contrat.",
  startedOn: "lancé le {{date}}",
  unknownState: "en cours",
  templates: "Modèles de processus",
  noTemplates: "Aucun modèle de processus ne s'applique à ce contrat.",
  start: "Lancer",
  startTitle: "Lancer « {{name}} »",
  startSubmit: "Lancer le processus",
  started: "Processus lancé.",
  tasks: "Tâches",
  offlineNotice: "Liste du portail indisponible : {{notice}}",
  yes: "Oui",
  no: "Non",
  pickUser: "Choisir un utilisateur",
  pickOption: "Choisir une valeur",
};
