/**
 * A register with known content for the report tests: twelve live
 * contracts and one archived, built on 2026-05-01 with a clock the test
 * moves, stage visits of known lengths, late stages held by known people.
 * The figures they give as of 2026-06-01 are in `EXPECTED` below, worked
 * out by hand from the definitions in `shared/domain/reports.ts`.
 */
import type { ContractInput } from "../../shared/domain/contract";
import type { PactaServices } from "../app/services";
import { contract, DAY, TestClock } from "../reminders/testing";

export interface KnownRegister {
  alice: number;
  bob: number;
  ids: Record<string, number>;
}

function add(s: PactaServices, input: ContractInput): number {
  return s.register.create(contract(input)).id;
}

/** Builds the register; leaves the clock at 2026-06-01 09:00 local. */
export function buildKnownRegister(s: PactaServices, clock: TestClock): KnownRegister {
  clock.set(2026, 5, 1, 9, 0);
  const alice = s.lifecycle.people.save({
    name: "Alice Martin",
    email: "alice@example.test",
    role: "lawyer",
    bitrixUserId: "7",
  }).id;
  const bob = s.lifecycle.people.save({
    name: "Bob Éloi",
    email: "bob@example.test",
    role: "manager",
    bitrixUserId: null,
  }).id;
  const ids: Record<string, number> = {};
  ids.A = add(s, {
    title: "A — services",
    type: "Services",
    tags: ["it"],
    stage: "active",
    value: 1000.5,
    currency: "EUR",
    effectiveDate: "2026-01-01",
    endDate: "2026-06-21",
  });
  ids.B = add(s, {
    title: "B — hosting",
    type: "Services",
    stage: "active",
    value: 200,
    currency: "USD",
    effectiveDate: "2024-07-15",
    endDate: "2025-07-15",
    renewal: { kind: "automatic", term: "P1Y", notice: "P1M" },
  });
  ids.C = add(s, {
    title: "C — supply",
    type: "Supply",
    tags: ["it"],
    stage: "negotiation",
    value: 300,
    currency: "EUR",
    endDate: "2026-08-20",
    renewal: { kind: "optional", term: null, notice: "P2M" },
  });
  ids.D = add(s, { title: "D — ended early", stage: "active", value: 50, currency: "EUR" });
  ids.E = add(s, {
    title: "E — lapsed",
    stage: "active",
    value: 99.99,
    currency: "EUR",
    effectiveDate: "2025-03-01",
    endDate: "2026-03-01",
  });
  ids.F = add(s, { title: "F — draft held by Alice", stage: "draft" });
  ids.G = add(s, { title: "G — review held by Bob", stage: "legal_review" });
  ids.H = add(s, { title: "H — draft held by nobody", stage: "draft" });
  ids.I = add(s, { title: "I — archived", stage: "active", value: 5000, currency: "EUR" });
  ids.J = add(s, { title: "J — yen", stage: "active", value: 1500, currency: "JPY" });
  ids.K1 = add(s, { title: "K1", stage: "draft" });
  ids.K2 = add(s, { title: "K2", stage: "draft" });
  ids.K3 = add(s, { title: "K3", stage: "draft" });
  s.register.archive(ids.I);
  // Known due dates: none, except the late ones below.
  for (const key of ["C", "F", "G", "H", "K1", "K2", "K3"]) {
    s.lifecycle.assign({ contractId: ids[key] as number, dueDate: null });
  }
  s.lifecycle.assign({ contractId: ids.F as number, responsibleId: alice, dueDate: "2026-05-20" });
  s.lifecycle.assign({ contractId: ids.G as number, responsibleId: bob, dueDate: "2026-05-01" });
  s.lifecycle.assign({ contractId: ids.H as number, dueDate: "2026-05-25" });
  // Draft visits of 2, 4 and 10 days; an active visit of 1 day.
  const moveAfter = (key: string, days: number, to: string) => {
    clock.set(2026, 5, 1 + days, 9, 0);
    const contractId = ids[key] as number;
    s.lifecycle.move({ contractId, to, comment: null, confirmSkip: true });
    s.lifecycle.assign({ contractId, dueDate: null });
  };
  moveAfter("D", 1, "terminated");
  moveAfter("K1", 2, "legal_review");
  moveAfter("K2", 4, "legal_review");
  moveAfter("K3", 10, "legal_review");
  clock.set(2026, 6, 1, 9, 0);
  return { alice, bob, ids };
}

/** The figures of the known register on 2026-06-01, no filters. */
export const EXPECTED = {
  today: "2026-06-01",
  contracts: 12,
  active: 3,
  endingWithin: { "30": 1, "60": 2, "90": 3 },
  noticeDueWithin: { "30": 2, "60": 2, "90": 2 },
  valueByStage: [
    { stage: "negotiation", currency: "EUR", total: 300, totalMinor: "30000", count: 1 },
    { stage: "active", currency: "EUR", total: 1100.49, totalMinor: "110049", count: 2 },
    { stage: "active", currency: "JPY", total: 1500, totalMinor: "1500", count: 1 },
    { stage: "active", currency: "USD", total: 200, totalMinor: "20000", count: 1 },
    { stage: "terminated", currency: "EUR", total: 50, totalMinor: "5000", count: 1 },
  ],
  valueByCurrency: [
    { currency: "EUR", total: 1450.49, totalMinor: "145049", count: 4 },
    { currency: "JPY", total: 1500, totalMinor: "1500", count: 1 },
    { currency: "USD", total: 200, totalMinor: "20000", count: 1 },
  ],
  stageTimes: [
    { stage: "draft", visits: 3, medianDays: 4, p90Days: 8.8 },
    { stage: "active", visits: 1, medianDays: 1, p90Days: 1 },
  ],
  renewalOutcomes: { renewed: 1, terminated: 1, lapsed: 1 },
};

export { DAY, TestClock };
