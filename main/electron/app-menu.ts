/**
 * The application menu as a pure function of (platform, language), tested
 * without Electron: labels, keyboard shortcuts and the command each item
 * runs. `menu-setup.ts` turns it into Electron's menu.
 */
import type { DoorLanguage } from "./reminder-door";

export type MenuCommand =
  | "newContract"
  | "import"
  | "export"
  | "backupNow"
  | "backupSaveAs"
  | "restore"
  | "settings"
  | "editRoles"
  | "register"
  | "reminders"
  | "templates"
  | "openLogFolder"
  | "about";

/** Electron's built-in roles used here. */
export type MenuRole =
  | "appMenu"
  | "services"
  | "hide"
  | "hideOthers"
  | "unhide"
  | "quit"
  | "undo"
  | "redo"
  | "cut"
  | "copy"
  | "paste"
  | "selectAll"
  | "reload"
  | "toggleDevTools"
  | "resetZoom"
  | "zoomIn"
  | "zoomOut"
  | "togglefullscreen"
  | "minimize"
  | "close"
  | "front";

export interface MenuSpec {
  label?: string;
  type?: "separator";
  role?: MenuRole;
  command?: MenuCommand;
  accelerator?: string;
  submenu?: MenuSpec[];
}

const WORDS = {
  fr: {
    file: "Fichier",
    newContract: "Nouveau contrat",
    import: "Importer des contrats…",
    export: "Exporter le registre…",
    backupNow: "Sauvegarder maintenant",
    backupSaveAs: "Enregistrer une sauvegarde sous…",
    restore: "Restaurer une sauvegarde…",
    settings: "Paramètres",
    quit: "Quitter Pacta",
    edit: "Édition",
    undo: "Annuler",
    redo: "Rétablir",
    cut: "Couper",
    copy: "Copier",
    paste: "Coller",
    selectAll: "Tout sélectionner",
    editRoles: "Rôles et personnes…",
    view: "Affichage",
    register: "Registre",
    reminders: "Rappels",
    templates: "Modèles",
    reload: "Recharger",
    devTools: "Outils de développement",
    resetZoom: "Taille réelle",
    zoomIn: "Zoom avant",
    zoomOut: "Zoom arrière",
    fullScreen: "Plein écran",
    window: "Fenêtre",
    minimize: "Réduire",
    close: "Fermer la fenêtre",
    front: "Tout ramener au premier plan",
    help: "Aide",
    openLogFolder: "Ouvrir le dossier des journaux",
    about: "À propos de Pacta",
    hide: "Masquer Pacta",
    hideOthers: "Masquer les autres",
    unhide: "Tout afficher",
    services: "Services",
  },
  en: {
    file: "File",
    newContract: "New contract",
    import: "Import contracts…",
    export: "Export the register…",
    backupNow: "Back up now",
    backupSaveAs: "Save a backup as…",
    restore: "Restore a backup…",
    settings: "Settings",
    quit: "Quit Pacta",
    edit: "Edit",
    undo: "Undo",
    redo: "Redo",
    cut: "Cut",
    copy: "Copy",
    paste: "Paste",
    selectAll: "Select all",
    editRoles: "Roles and people…",
    view: "View",
    register: "Register",
    reminders: "Reminders",
    templates: "Templates",
    reload: "Reload",
    devTools: "Developer tools",
    resetZoom: "Actual size",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    fullScreen: "Full screen",
    window: "Window",
    minimize: "Minimise",
    close: "Close window",
    front: "Bring all to front",
    help: "Help",
    openLogFolder: "Open the log folder",
    about: "About Pacta",
    hide: "Hide Pacta",
    hideOthers: "Hide others",
    unhide: "Show all",
    services: "Services",
  },
} as const;

export type MenuWords = { [K in keyof (typeof WORDS)["fr"]]: string };
export const MENU_WORDS: Record<DoorLanguage, MenuWords> = WORDS;

const SEPARATOR: MenuSpec = { type: "separator" };

export interface MenuOptions {
  /** Developer tools in the View menu (unpackaged runs only). */
  devTools: boolean;
}

/** The whole menu bar for a platform, in a language. */
export function menuTemplate(
  platform: NodeJS.Platform,
  language: DoorLanguage,
  options: MenuOptions = { devTools: false },
): MenuSpec[] {
  const w = WORDS[language];
  const mac = platform === "darwin";
  const settings: MenuSpec = { label: w.settings, command: "settings", accelerator: "CmdOrCtrl+," };
  const about: MenuSpec = { label: w.about, command: "about" };
  const file: MenuSpec = {
    label: w.file,
    submenu: [
      { label: w.newContract, command: "newContract", accelerator: "CmdOrCtrl+N" },
      { label: w.import, command: "import", accelerator: "CmdOrCtrl+O" },
      { label: w.export, command: "export", accelerator: "CmdOrCtrl+E" },
      SEPARATOR,
      { label: w.backupNow, command: "backupNow", accelerator: "CmdOrCtrl+Shift+B" },
      { label: w.backupSaveAs, command: "backupSaveAs", accelerator: "CmdOrCtrl+Shift+S" },
      { label: w.restore, command: "restore", accelerator: "CmdOrCtrl+Shift+R" },
      ...(mac
        ? [SEPARATOR, { label: w.close, role: "close" as const }]
        : [
            SEPARATOR,
            settings,
            SEPARATOR,
            { label: w.quit, role: "quit" as const, accelerator: "Ctrl+Q" },
          ]),
    ],
  };
  const edit: MenuSpec = {
    label: w.edit,
    submenu: [
      { label: w.undo, role: "undo", accelerator: "CmdOrCtrl+Z" },
      { label: w.redo, role: "redo", accelerator: mac ? "Shift+Cmd+Z" : "Ctrl+Y" },
      SEPARATOR,
      { label: w.cut, role: "cut", accelerator: "CmdOrCtrl+X" },
      { label: w.copy, role: "copy", accelerator: "CmdOrCtrl+C" },
      { label: w.paste, role: "paste", accelerator: "CmdOrCtrl+V" },
      { label: w.selectAll, role: "selectAll", accelerator: "CmdOrCtrl+A" },
      SEPARATOR,
      { label: w.editRoles, command: "editRoles" },
    ],
  };
  const view: MenuSpec = {
    label: w.view,
    submenu: [
      { label: w.register, command: "register", accelerator: "CmdOrCtrl+1" },
      { label: w.reminders, command: "reminders", accelerator: "CmdOrCtrl+2" },
      { label: w.templates, command: "templates", accelerator: "CmdOrCtrl+3" },
      SEPARATOR,
      { label: w.reload, role: "reload", accelerator: "CmdOrCtrl+R" },
      ...(options.devTools
        ? [{ label: w.devTools, role: "toggleDevTools" as const, accelerator: "CmdOrCtrl+Shift+I" }]
        : []),
      SEPARATOR,
      { label: w.resetZoom, role: "resetZoom", accelerator: "CmdOrCtrl+0" },
      { label: w.zoomIn, role: "zoomIn", accelerator: "CmdOrCtrl+=" },
      { label: w.zoomOut, role: "zoomOut", accelerator: "CmdOrCtrl+-" },
      SEPARATOR,
      { label: w.fullScreen, role: "togglefullscreen", accelerator: mac ? "Ctrl+Cmd+F" : "F11" },
    ],
  };
  const help: MenuSpec = {
    label: w.help,
    submenu: [
      { label: w.openLogFolder, command: "openLogFolder" },
      ...(mac ? [] : [SEPARATOR, about]),
    ],
  };
  if (!mac) return [file, edit, view, help];
  const appMenu: MenuSpec = {
    label: "Pacta",
    submenu: [
      about,
      SEPARATOR,
      settings,
      SEPARATOR,
      { label: w.services, role: "services" },
      SEPARATOR,
      { label: w.hide, role: "hide", accelerator: "Cmd+H" },
      { label: w.hideOthers, role: "hideOthers", accelerator: "Cmd+Alt+H" },
      { label: w.unhide, role: "unhide" },
      SEPARATOR,
      { label: w.quit, role: "quit", accelerator: "Cmd+Q" },
    ],
  };
  const windowMenu: MenuSpec = {
    label: w.window,
    submenu: [
      { label: w.minimize, role: "minimize", accelerator: "Cmd+M" },
      { label: w.close, role: "close", accelerator: "Cmd+W" },
      SEPARATOR,
      { label: w.front, role: "front" },
    ],
  };
  return [appMenu, file, edit, view, windowMenu, help];
}

/** Every item of a menu, depth first (for checks and look-ups). */
export function flattenMenu(items: readonly MenuSpec[]): MenuSpec[] {
  return items.flatMap((i) => [i, ...(i.submenu ? flattenMenu(i.submenu) : [])]);
}

/** The hash route a navigation command opens, or null for other commands. */
export function routeOfCommand(command: MenuCommand): string | null {
  switch (command) {
    case "newContract":
      return "#/contracts/new";
    case "import":
      // TODO(shell): File → Import opens the import page, whose file field shows the native
      // open dialog; a dialog in main handing the file straight to the wizard would save a click.
      return "#/import";
    case "register":
      return "#/";
    case "reminders":
      return "#/reminders";
    case "templates":
      return "#/templates";
    case "settings":
    case "editRoles":
      return "#/settings";
    default:
      return null;
  }
}
