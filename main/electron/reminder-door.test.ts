import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FiredReminder, UpcomingDate } from "../../shared/api/reminders";
import { readPng } from "../test-support/png";
import {
  doorLanguage,
  loginItemSettings,
  navigationScript,
  planNotifications,
  routeFor,
  startedHidden,
  trayMenu,
  trayTooltip,
} from "./reminder-door";

function fired(over: Partial<FiredReminder> = {}): FiredReminder {
  return {
    key: "12:notice_deadline:2027-03-30:30",
    contractId: 12,
    contractTitle: "Maintenance ascenseurs",
    contractReference: "M-7",
    kind: "notice_deadline",
    label: null,
    dueDate: "2027-03-30",
    leadDays: 30,
    fireAt: "2027-02-28T08:00:00.000Z",
    state: "fired",
    late: false,
    firedAt: "2027-02-28T08:00:10.000Z",
    snoozedUntil: null,
    dismissedReason: null,
    seq: 1,
    ...over,
  };
}

describe("notifications", () => {
  it("says what is due, for which contract, and how soon", () => {
    expect(planNotifications([fired()], "fr", "2027-02-28")).toEqual([
      {
        title: "Préavis de non-renouvellement dans 30 jours",
        body: "Maintenance ascenseurs (M-7) — 30 mars 2027",
        contractId: 12,
      },
    ]);
    const late = fired({ kind: "custom", label: "Garantie", late: true, leadDays: 7 });
    expect(planNotifications([late], "en", "2027-03-27")[0]?.title).toBe(
      "Garantie in 3 days (late)",
    );
    const today = fired({ kind: "stage_due", label: "negotiation", leadDays: 0 });
    expect(planNotifications([today], "en", "2027-03-30")[0]?.title).toBe(
      "Stage due (negotiation) today",
    );
  });

  it("shows one summary instead of a flood", () => {
    const many = [1, 2, 3, 4].map((seq) => fired({ seq }));
    expect(planNotifications(many, "en", "2027-02-28")).toEqual([
      { title: "4 Pacta reminders", body: "Open Pacta to see them.", contractId: null },
    ]);
  });

  it("sends a click to the contract's page, by a script that only sets the hash", () => {
    expect(routeFor(12)).toBe("#/contracts/12");
    expect(routeFor(null)).toBe("#/");
    expect(navigationScript(12)).toBe('window.location.hash = "#/contracts/12";');
  });
});

describe("tray", () => {
  const upcoming: UpcomingDate[] = [
    {
      contractId: 3,
      contractTitle: "Bail",
      contractReference: null,
      kind: "term_end",
      label: null,
      dueDate: "2027-01-31",
    },
  ];

  it("lists the next deadlines between open and quit", () => {
    expect(trayMenu(upcoming, "en")).toEqual([
      { type: "open", label: "Open Pacta" },
      { type: "separator" },
      { type: "heading", label: "Next deadlines" },
      { type: "contract", label: "31 January 2027 · Term ends · Bail", contractId: 3 },
      { type: "separator" },
      { type: "quit", label: "Quit Pacta" },
    ]);
    expect(trayMenu([], "fr")[2]).toEqual({ type: "heading", label: "Aucune échéance à venir" });
    expect(trayTooltip(upcoming, "fr")).toBe("Pacta — 31 janv. 2027 · Fin de période");
  });

  it("ships a 16 px tray icon and its 32 px HiDPI twin, a page on a blue tile", () => {
    for (const [name, size] of [
      ["tray.png", 16],
      ["tray@2x.png", 32],
    ] as const) {
      const png = readPng(path.join(__dirname, "../../assets", name));
      expect(png.width).toBe(size);
      expect(png.height).toBe(size);
      const px = (x: number, y: number) => png.pixel(x, y);
      expect(px(0, 0)[3]).toBe(0); // rounded corner: transparent
      expect(px(size / 2, size / 2)).toEqual([255, 255, 255, 255]); // the page
      expect(px(size / 2, 1)).toEqual([0x1f, 0x6b, 0xc2, 255]); // the blue tile
    }
  });
});

describe("start at login", () => {
  it("starts hidden in the tray when the user chose it", () => {
    expect(loginItemSettings(true)).toEqual({
      openAtLogin: true,
      openAsHidden: true,
      args: ["--hidden"],
    });
    expect(loginItemSettings(false).openAtLogin).toBe(false);
    expect(startedHidden(["/opt/Pacta/pacta", "--hidden"])).toBe(true);
    expect(startedHidden(["/opt/Pacta/pacta"])).toBe(false);
    expect(doorLanguage("fr-FR")).toBe("fr");
    expect(doorLanguage("en-GB")).toBe("en");
  });
});
