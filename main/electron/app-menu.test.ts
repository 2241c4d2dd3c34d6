import { describe, expect, it } from "vitest";
import {
  flattenMenu,
  MENU_WORDS,
  type MenuCommand,
  menuTemplate,
  routeOfCommand,
} from "./app-menu";
import { pactaFileArg } from "./file-open";

const PLATFORMS = ["darwin", "win32", "linux"] as const;
const LANGUAGES = ["fr", "en"] as const;

describe("application menu", () => {
  it("has File, Edit, View and Help everywhere, plus the app and Window menus on macOS", () => {
    expect(menuTemplate("linux", "en").map((m) => m.label)).toEqual([
      "File",
      "Edit",
      "View",
      "Help",
    ]);
    expect(menuTemplate("win32", "fr").map((m) => m.label)).toEqual([
      "Fichier",
      "Édition",
      "Affichage",
      "Aide",
    ]);
    expect(menuTemplate("darwin", "en").map((m) => m.label)).toEqual([
      "Pacta",
      "File",
      "Edit",
      "View",
      "Window",
      "Help",
    ]);
  });

  it("offers every command the issue asks for, with shortcuts for the frequent ones", () => {
    for (const platform of PLATFORMS) {
      for (const language of LANGUAGES) {
        const items = flattenMenu(menuTemplate(platform, language));
        const byCommand = new Map(items.filter((i) => i.command).map((i) => [i.command, i]));
        const wanted: MenuCommand[] = [
          "newContract",
          "import",
          "export",
          "backupNow",
          "restore",
          "editRoles",
          "openLogFolder",
          "about",
          "settings",
        ];
        for (const c of wanted) expect(byCommand.has(c), `${platform} ${language} ${c}`).toBe(true);
        expect(byCommand.get("newContract")?.accelerator).toBe("CmdOrCtrl+N");
        expect(byCommand.get("import")?.accelerator).toBe("CmdOrCtrl+O");
        expect(byCommand.get("export")?.accelerator).toBe("CmdOrCtrl+E");
        expect(byCommand.get("backupNow")?.accelerator).toBe("CmdOrCtrl+Shift+B");
        expect(byCommand.get("settings")?.accelerator).toBe("CmdOrCtrl+,");
        // Help holds the log folder.
        const help = menuTemplate(platform, language).at(-1);
        expect(help?.submenu?.some((i) => i.command === "openLogFolder")).toBe(true);
      }
    }
  });

  it("never gives one shortcut to two items, and labels every item", () => {
    for (const platform of PLATFORMS) {
      for (const language of LANGUAGES) {
        const items = flattenMenu(menuTemplate(platform, language, { devTools: true }));
        const keys = items.flatMap((i) => (i.accelerator ? [i.accelerator.toLowerCase()] : []));
        expect(new Set(keys).size, `${platform} ${language}`).toBe(keys.length);
        for (const i of items) if (i.type !== "separator") expect(i.label).toBeTruthy();
      }
    }
  });

  it("puts Quit and Settings where each platform expects them", () => {
    const mac = menuTemplate("darwin", "fr");
    expect(mac[0]?.submenu?.some((i) => i.role === "quit" && i.accelerator === "Cmd+Q")).toBe(true);
    expect(mac[1]?.submenu?.some((i) => i.role === "quit")).toBe(false);
    const linux = menuTemplate("linux", "fr");
    const file = linux[0]?.submenu ?? [];
    expect(file.find((i) => i.role === "quit")).toMatchObject({
      label: "Quitter Pacta",
      accelerator: "Ctrl+Q",
    });
    expect(file.some((i) => i.command === "settings")).toBe(true);
  });

  it("shows the developer tools only when asked (unpackaged runs)", () => {
    const roles = (devTools: boolean) =>
      flattenMenu(menuTemplate("linux", "en", { devTools })).map((i) => i.role);
    expect(roles(false)).not.toContain("toggleDevTools");
    expect(roles(true)).toContain("toggleDevTools");
  });

  it("has the same words in French and English", () => {
    expect(Object.keys(MENU_WORDS.en).sort()).toEqual(Object.keys(MENU_WORDS.fr).sort());
    for (const [key, fr] of Object.entries(MENU_WORDS.fr)) {
      expect(fr, key).not.toBe("");
      expect(MENU_WORDS.en[key as keyof typeof MENU_WORDS.en], key).not.toBe("");
    }
  });

  it("sends navigation commands to the page's routes", () => {
    expect(routeOfCommand("newContract")).toBe("#/contracts/new");
    expect(routeOfCommand("import")).toBe("#/import");
    expect(routeOfCommand("editRoles")).toBe("#/settings");
    expect(routeOfCommand("backupNow")).toBeNull();
  });
});

describe("opening a .pacta file", () => {
  it("finds the backup on a command line, whatever comes before it", () => {
    expect(pactaFileArg(["/opt/Pacta/pacta", "/home/a/b.pacta"])).toBe("/home/a/b.pacta");
    expect(pactaFileArg(["electron", ".", "--hidden", "x.PACTA"], "/work")).toBe("/work/x.PACTA");
    expect(pactaFileArg(["pacta.pacta"])).toBeNull();
    expect(pactaFileArg(["/opt/Pacta/pacta", "--hidden"])).toBeNull();
    expect(pactaFileArg(["/opt/Pacta/pacta", "--file=x.pacta"])).toBeNull();
  });
});
