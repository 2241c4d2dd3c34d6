/** French messages of the desktop shell: backups, logs, the recovery screen. */
export const frShell = {
  backups: {
    title: "Sauvegardes",
    intro:
      "Pacta copie le registre chaque jour dans le dossier des sauvegardes. " +
      "Une restauration vérifie d'abord la sauvegarde et conserve le registre actuel à part.",
    folder: "Dossier des sauvegardes",
    keepDays: "Conserver les sauvegardes quotidiennes (jours)",
    keepDaysInvalid: "Saisissez un nombre entier de jours entre 1 et 3650.",
    saveSettings: "Enregistrer la durée",
    settingsSaved: "Durée de conservation enregistrée.",
    backupNow: "Sauvegarder maintenant",
    backedUp: "Sauvegarde enregistrée : {{name}}",
    caption: "Sauvegardes du registre, de la plus récente à la plus ancienne",
    empty: "Aucune sauvegarde pour l'instant.",
    created: "Date",
    kind: "Type",
    size: "Taille",
    name: "Fichier",
    actions: "Actions",
    kinds: {
      daily: "Quotidienne",
      manual: "Manuelle",
      "before-restore": "Avant restauration",
    },
    restore: "Restaurer la sauvegarde du {{date}} ({{kind}})",
    restoreShort: "Restaurer",
    confirmTitle: "Restaurer cette sauvegarde ?",
    confirmText:
      "Le registre sera remplacé par la sauvegarde du {{date}}. Le registre actuel est " +
      "conservé comme sauvegarde « avant restauration » et peut être restauré à son tour.",
    confirm: "Restaurer",
    restored: "Sauvegarde restaurée. Le registre actuel a été conservé à part.",
    kb: "{{count}} Ko",
    mb: "{{count}} Mo",
  },
  crash: {
    title: "Pacta a rencontré un problème",
    text:
      "Cet écran n'a pas pu s'afficher. Vos données enregistrées ne sont pas touchées. " +
      "Rechargez la page ; si le problème revient, le dossier des journaux aide le support.",
    reload: "Recharger",
    backups: "Aller aux sauvegardes",
  },
  logs: {
    title: "Journaux",
    text:
      "Les journaux aident le support à comprendre un problème ; les secrets " +
      "n'y figurent jamais.",
    folder: "Dossier des journaux",
    open: "Ouvrir le dossier des journaux",
    notOpened: "Ouvrez ce dossier dans votre gestionnaire de fichiers : {{folder}}",
  },
  recovery: {
    title: "Le registre ne peut pas être ouvert",
    corrupt:
      "Le fichier du registre est endommagé (la vérification d'intégrité a échoué). " +
      "Vos données n'ont pas été modifiées.",
    newer_schema:
      "Le registre a été enregistré par une version plus récente de Pacta. " +
      "Mettez Pacta à jour, ou restaurez une sauvegarde.",
    unreadable: "Le fichier du registre ne peut pas être lu.",
    file: "Fichier : {{file}}",
    detail: "Détail technique",
    choose: "Que voulez-vous faire ?",
    exportTitle: "Récupérer ce qui peut l'être",
    exportText:
      "Lit le registre endommagé sans le modifier et enregistre tout ce qui est lisible " +
      "dans un fichier JSON.",
    export: "Exporter en lecture seule",
    exported: "{{count}} table(s) exportée(s).",
    restoreTitle: "Restaurer une sauvegarde",
    restoreText: "Le registre endommagé est mis de côté, jamais supprimé.",
    noBackups: "Aucune sauvegarde n'est disponible dans le dossier des sauvegardes.",
    freshTitle: "Repartir d'un registre vide",
    freshText:
      "Le fichier endommagé est conservé à part sous un autre nom ; un registre vide " +
      "est créé.",
    fresh: "Démarrer un registre vide",
    freshConfirmTitle: "Démarrer un registre vide ?",
    freshConfirmText:
      "Le registre endommagé sera renommé et conservé dans le dossier des données. " +
      "Pacta démarrera avec un registre vide.",
    freshDone: "Registre vide créé. L'ancien fichier est conservé : {{file}}",
    reopen: "Ouvrir Pacta",
  },
};
