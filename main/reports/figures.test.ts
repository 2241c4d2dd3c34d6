/**
 * The report's figures on a register with known content: every figure,
 * each filter, and the CLI's `report --json` giving the same numbers.
 */
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PactaServices } from "../app/services";
import { TestFolder } from "../reminders/testing";
import { runPacta } from "../test-support/cli";
import { buildKnownRegister, EXPECTED, type KnownRegister, TestClock } from "./known-register";

let folder: TestFolder;
let s: PactaServices;
let known: KnownRegister;
const clock = new TestClock(new Date(2026, 4, 1, 9, 0));

beforeEach(() => {
  folder = new TestFolder();
  s = folder.open(clock);
  known = buildKnownRegister(s, clock);
});

afterEach(() => folder.cleanup());

describe("report figures on a known register", () => {
  it("gives every figure as worked out by hand", () => {
    const r = s.reports.report();
    expect(r).toMatchObject(EXPECTED);
    expect(r.lateStages).toEqual([
      { responsible: "Alice Martin", responsibleId: known.alice, count: 1 },
      { responsible: "Bob Éloi", responsibleId: known.bob, count: 1 },
      { responsible: null, responsibleId: null, count: 1 },
    ]);
    expect(r.stages.map((st) => st.key)).toContain("legal_review");
  });

  it("filters by type, tag and responsible person", () => {
    const services = s.reports.report({ type: "Services" });
    expect(services.contracts).toBe(2);
    expect(services.active).toBe(2);
    expect(services.endingWithin).toEqual({ "30": 1, "60": 2, "90": 2 });
    expect(services.noticeDueWithin).toEqual({ "30": 1, "60": 1, "90": 1 });
    expect(services.valueByCurrency.map((v) => [v.currency, v.total])).toEqual([
      ["EUR", 1000.5],
      ["USD", 200],
    ]);
    expect(services.renewalOutcomes).toEqual({ renewed: 1, terminated: 0, lapsed: 0 });

    const it_ = s.reports.report({ tag: "it" });
    expect(it_.contracts).toBe(2);
    expect(it_.endingWithin).toEqual({ "30": 1, "60": 1, "90": 2 });
    expect(it_.noticeDueWithin).toEqual({ "30": 1, "60": 1, "90": 1 });

    const alice = s.reports.report({ responsible: known.alice });
    expect(alice.contracts).toBe(1);
    expect(alice.lateStages).toEqual([
      { responsible: "Alice Martin", responsibleId: known.alice, count: 1 },
    ]);
    expect(alice.stageTimes).toEqual([]);
  });

  it("limits contracts to those overlapping the period, and events to those in it", () => {
    const winter = s.reports.report({ from: "2026-01-01", to: "2026-02-28" });
    // A (from 2026-01-01), B (automatic, since 2024) and E (until 2026-03-01).
    expect(winter.contracts).toBe(3);
    expect(winter.stageTimes).toEqual([]);
    expect(winter.renewalOutcomes).toEqual({ renewed: 0, terminated: 0, lapsed: 0 });

    const spring = s.reports.report({ from: "2026-03-01", to: "2026-05-31" });
    expect(spring.contracts).toBe(12);
    expect(spring.stageTimes).toEqual(EXPECTED.stageTimes);
    expect(spring.renewalOutcomes).toEqual({ renewed: 0, terminated: 1, lapsed: 1 });
  });

  it("refuses a period that ends before it starts", () => {
    expect(() => s.reports.report({ from: "2026-02-01", to: "2026-01-01" })).toThrow(
      /ends before it starts/,
    );
  });

  it("prints the same figures with pacta report --json, and filters from flags", () => {
    s.close();
    const all = runPacta(folder.dir, "report", "--json");
    expect(all.stderr).toBe("");
    expect(all.status).toBe(0);
    const json = JSON.parse(all.stdout);
    // The CLI judges on the real today, so only the dateless figures are compared.
    expect(json.contracts).toBe(EXPECTED.contracts);
    expect(json.valueByStage).toEqual(
      EXPECTED.valueByStage.map(({ stage, currency, total, totalMinor, count }) => ({
        stage,
        currency,
        total,
        totalMinor,
        count,
      })),
    );
    for (const key of ["30", "60", "90"]) {
      expect(typeof json.endingWithin[key]).toBe("number");
      expect(typeof json.noticeDueWithin[key]).toBe("number");
    }
    expect(json.lateStages.map((l: { responsible: string | null }) => l.responsible)).toEqual([
      "Alice Martin",
      "Bob Éloi",
      null,
    ]);

    const bob = runPacta(folder.dir, "report", "--json", "--responsible", "bob@example.test");
    expect(JSON.parse(bob.stdout).lateStages).toEqual([
      { responsible: "Bob Éloi", responsibleId: known.bob, count: 1 },
    ]);
    const text = runPacta(folder.dir, "report", "--type", "Services");
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Value by stage/);
    expect(text.stdout).toMatch(/Active\s+EUR\s+1000\.50\s+1/);
  });

  it("says what is wrong with a bad flag, and changes nothing", () => {
    s.close();
    const before = fs.statSync(`${folder.dir}/pacta.sqlite`).size;
    const bad = runPacta(folder.dir, "report", "--from", "2026-13-01");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--from takes a date written YYYY-MM-DD, not "2026-13-01"/);
    const nobody = runPacta(folder.dir, "report", "--responsible", "Zoé");
    expect(nobody.status).toBe(2);
    expect(nobody.stderr).toMatch(/there is no person "Zoé"/);
    const sep = runPacta(folder.dir, "report", "--separator", ";");
    expect(sep.stderr).toMatch(/--separator goes with --csv FILE/);
    expect(fs.statSync(`${folder.dir}/pacta.sqlite`).size).toBe(before);
  });
});
