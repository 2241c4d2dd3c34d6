import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { alarmFor } from "./ics";
import { createPlain, TestClock, TestFolder } from "./testing";

interface Component {
  name: string;
  props: [string, string][];
  children: Component[];
}

/** Reads iCalendar text back: unfolds lines, nests BEGIN/END, keeps name;params → value. */
function parseIcs(text: string): Component {
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const root: Component = { name: "ROOT", props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const top = stack.at(-1) as Component;
    if (name === "BEGIN") {
      const child: Component = { name: value, props: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === "END") {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else {
      top.props.push([name, value]);
    }
  }
  if (stack.length !== 1) throw new Error("unclosed component");
  return root;
}

const prop = (c: Component, name: string) => c.props.find(([n]) => n === name)?.[1];

let folder: TestFolder;
let clock: TestClock;
beforeEach(() => {
  folder = new TestFolder();
  clock = new TestClock(new Date(2026, 10, 1, 8, 0));
});
afterEach(() => folder.cleanup());

describe("iCalendar export", () => {
  it("writes one all-day event per key date, with an alarm per lead time", async () => {
    const s = folder.open(clock);
    const a = createPlain(s, {
      title: "Maintenance, « ascenseurs »",
      reference: "M-7",
      endDate: "2027-06-30",
      renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    });
    const b = createPlain(s, {
      endDate: "2027-09-30",
      renewal: { kind: "optional", term: "P1Y", notice: "P60D" },
    });
    s.reminders.addCustomDate({ contractId: b, date: "2027-01-20", label: "Garantie bancaire" });
    s.reminders.setContractSettings(b, null, [10, 0]);

    const file = await s.reminders.exportIcs({ language: "en" });
    expect(file.fileName).toBe("pacta-2026-11-01.ics");
    expect(file.events).toBe(5);
    const calendar = parseIcs(file.content).children;
    expect(calendar.map((c) => c.name)).toEqual(["VCALENDAR"]);
    const events = calendar[0]?.children ?? [];
    expect(events.map((e) => e.name)).toEqual(Array(5).fill("VEVENT"));
    const byStart = new Map(events.map((e) => [prop(e, "DTSTART;VALUE=DATE"), e]));
    expect([...byStart.keys()].sort()).toEqual([
      "20270120",
      "20270330",
      "20270630",
      "20270801",
      "20270930",
    ]);
    const notice = byStart.get("20270330") as Component;
    const summary = "Notice deadline — Maintenance\\, « ascenseurs » (M-7)";
    expect(prop(notice, "SUMMARY")).toBe(summary);
    expect(prop(notice, "DTEND;VALUE=DATE")).toBe("20270331");
    expect(prop(notice, "UID")).toBe(`${a}-notice_deadline-2027-03-30@pacta`);
    // 09:00 on the day 90, 30, 7 and 0 days before the all-day event's start.
    expect(notice.children.map((al) => [al.name, prop(al, "TRIGGER")])).toEqual([
      ["VALARM", "-P89DT15H"],
      ["VALARM", "-P29DT15H"],
      ["VALARM", "-P6DT15H"],
      ["VALARM", "PT9H"],
    ]);
    const custom = byStart.get("20270120") as Component;
    expect(prop(custom, "SUMMARY")).toMatch(/^Garantie bancaire — /);
    expect(custom.children.map((al) => prop(al, "TRIGGER"))).toEqual(["-P9DT15H", "PT9H"]);
    expect(prop(byStart.get("20270801") as Component, "SUMMARY")).toMatch(/^Renewal decision/);
  });

  it("exports one contract, in French by default", async () => {
    const s = folder.open(clock);
    const a = createPlain(s, { endDate: "2027-06-30" });
    createPlain(s, { endDate: "2027-07-31" });
    const file = await s.reminders.exportIcs({ contractId: a });
    expect(file.fileName).toBe(`pacta-contract-${a}-2026-11-01.ics`);
    expect(file.events).toBe(1);
    expect(file.content).toContain("SUMMARY:Fin de période — Contrat de test");
    await expect(s.reminders.exportIcs({ contractId: 999 })).rejects.toThrow(/no contract/);
  });

  it("places alarms at the fire time on the lead day", () => {
    expect(alarmFor(1, "18:30", "x").trigger).toEqual({
      days: 0,
      hours: 5,
      minutes: 30,
      before: true,
    });
    expect(alarmFor(0, "00:00", "x").trigger).toEqual({
      days: 0,
      hours: 0,
      minutes: 0,
      before: false,
    });
  });
});
