/**
 * `pacta reminders`, `pacta export-ics` and the key dates of `list`/`show`
 * through the real binary and a real data folder.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openServices } from "../app/services";
import { runPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  return runPacta(dataDir, ...args);
}

/** Years from now, so the dates stay ahead whenever the test runs. */
const year = new Date().getFullYear() + 3;

function importRegister(): void {
  const csv = [
    "Reference,Title,End date,Renewal,Renewal term,Notice period",
    "R-1,Maintenance ascenseurs,2027-06-30,automatic,P1Y,P3M",
    "R-2,Bail commercial,2027-04-15,none,,",
    `R-3,Licence logiciel,${year}-06-30,automatic,P1Y,P3M`,
    `R-4,Option de rachat,${year}-09-30,optional,P1Y,P60D`,
  ].join("\n");
  const file = path.join(dataDir, "register.csv");
  fs.writeFileSync(file, csv);
  const r = pacta("import", file, "--json");
  expect(r.status, r.stderr).toBe(0);
}

const local = (y: number, m: number, d: number, hh = 9) =>
  new Date(y, m - 1, d, hh, 0).toISOString();

describe("pacta reminders", () => {
  it("prints what is due at --now or within --within days, and writes nothing", () => {
    importRegister();
    const r = pacta("reminders", "--now", "2027-03-01T10:00", "--within", "30", "--json");
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const picked = rows.map((x) => ({
      contractId: x.contractId,
      kind: x.kind,
      dueDate: x.dueDate,
      fireAt: x.fireAt,
      state: x.state,
    }));
    // notice due 2027-03-30 (2027-06-30 − 3 months). Due at --now: the 90-day (2026-12-30)
    // and 30-day (2027-02-28) reminders, the 30-day one replacing the other; within 30 days
    // the 7-day (03-23) and the day itself (03-30). R-2 ends 2027-04-15: 90 days before is
    // 2027-01-15 (due), 30 days before is 2027-03-16 (within).
    expect(picked).toEqual([
      {
        contractId: 1,
        kind: "notice_deadline",
        dueDate: "2027-03-30",
        fireAt: local(2027, 3, 30),
        state: "pending",
      },
      {
        contractId: 1,
        kind: "notice_deadline",
        dueDate: "2027-03-30",
        fireAt: local(2027, 3, 23),
        state: "pending",
      },
      {
        contractId: 1,
        kind: "notice_deadline",
        dueDate: "2027-03-30",
        fireAt: local(2027, 2, 28),
        state: "pending",
      },
      {
        contractId: 2,
        kind: "term_end",
        dueDate: "2027-04-15",
        fireAt: local(2027, 3, 16),
        state: "pending",
      },
      {
        contractId: 2,
        kind: "term_end",
        dueDate: "2027-04-15",
        fireAt: local(2027, 1, 15),
        state: "pending",
      },
    ]);
    const db = new Database(path.join(dataDir, "pacta.sqlite"), { readonly: true });
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM reminder_schedule) AS schedule,
                (SELECT count(*) FROM reminder_state) AS state`,
      )
      .get();
    db.close();
    expect(counts).toEqual({ schedule: 0, state: 0 });
  });

  it("shows the state the scheduler left: fired, dismissed", () => {
    importRegister();
    const s = openServices({ dataDir, now: () => new Date(2027, 0, 20, 9, 30) });
    const fired = s.reminders.check();
    const r2 = fired.find((f) => f.contractId === 2);
    expect(r2).toMatchObject({ kind: "term_end", leadDays: 90, late: true });
    s.reminders.dismiss(r2?.key ?? "", "lease renewed by letter");
    s.close();
    const r = pacta("reminders", "--now", "2027-01-20T10:00", "--json");
    const states = (JSON.parse(r.stdout) as { contractId: number; state: string }[]).map((x) => [
      x.contractId,
      x.state,
    ]);
    expect(states).toEqual([
      [1, "fired"],
      [2, "dismissed"],
    ]);
    const text = pacta("reminders", "--now", "2027-01-20T10:00");
    expect(text.stdout).toMatch(/notice_deadline +90 d .*fired \(late\).*#1 R-1 Maintenance/);
  });

  it("exits 2 with one line on a bad --now or --within", () => {
    for (const args of [
      ["--now", "yesterday"],
      ["--now", "2027-02-30"],
      ["--within", "-3"],
      ["--within", "ten"],
    ]) {
      const r = pacta("reminders", ...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    }
    expect(pacta("reminders", "--now", "tomorrow").stderr).toMatch(/^pacta: --now takes/);
  });
});

describe("pacta export-ics", () => {
  it("writes the register's dates, or one contract's, as iCalendar", () => {
    importRegister();
    const file = path.join(dataDir, "dates.ics");
    const r = pacta("export-ics", file, "--contract", "3", "--language", "en");
    expect(r.status, r.stderr).toBe(0);
    const text = fs.readFileSync(file, "utf8");
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    // Term end and notice deadline; an imported contract has no stage due date.
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain(`DTSTART;VALUE=DATE:${year}0330`);
    expect(text.match(/BEGIN:VALARM/g)).toHaveLength(8);
    expect(pacta("export-ics", file, "--contract", "x").status).toBe(2);
  });
});

describe("key dates in list and show", () => {
  it("adds currentTermEnd and noticeDeadline to each contract", () => {
    importRegister();
    const list = JSON.parse(pacta("list", "--json").stdout) as Record<string, unknown>[];
    const byRef = new Map(list.map((c) => [c.reference, c]));
    expect(byRef.get("R-3")).toMatchObject({
      currentTermEnd: `${year}-06-30`,
      noticeDeadline: `${year}-03-30`,
    });
    // An optional renewal has a decision date (a reminder), not a notice deadline.
    expect(byRef.get("R-4")).toMatchObject({
      currentTermEnd: `${year}-09-30`,
      noticeDeadline: null,
    });
    const shown = JSON.parse(pacta("show", String(byRef.get("R-3")?.id), "--json").stdout);
    expect(shown).toMatchObject({
      currentTermEnd: `${year}-06-30`,
      noticeDeadline: `${year}-03-30`,
    });
  });
});
