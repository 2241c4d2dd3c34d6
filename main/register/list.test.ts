/**
 * A search pages its matches one of two ways: from their ids when they are
 * few, along a sort order's index when they are many. Both must give the
 * same pages and totals, whatever the query.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SORT_KEYS } from "../../shared/api/contract";
import { contractInputSchema } from "../../shared/domain/contract";
import { openTempServices } from "../test-support/temp-register";
import { ContractList } from "./list";

let s: ReturnType<typeof openTempServices>;
let fromIds: ContractList;
let alongIndex: ContractList;

const WORDS = ["bail", "licence", "cession", "maintenance"];
const NAMES = ["Dupont", "Dupuis", "Martin", "Marchand", "Иванов"];

beforeAll(() => {
  s = openTempServices();
  // Every search is "few" for one list and "many" for the other.
  fromIds = new ContractList(s.db, { fewMatches: Number.MAX_SAFE_INTEGER });
  alongIndex = new ContractList(s.db, { fewMatches: 0 });
  for (let i = 0; i < 60; i += 1) {
    const c = s.register.create(
      contractInputSchema.parse({
        reference: i % 7 === 0 ? null : `REF-${String(i).padStart(3, "0")}`,
        title: `${WORDS[i % 4]} ${i}`,
        type: i % 3 === 0 ? "NDA" : "Services",
        parties: [{ name: `${NAMES[i % 5]} SA`, role: "client" }],
        value: i % 5 === 0 ? null : i * 10,
        currency: i % 5 === 0 ? null : "EUR",
        endDate: i % 6 === 0 ? null : `2027-0${(i % 9) + 1}-1${i % 10}`,
        tags: i % 2 ? ["rh"] : ["achats"],
        notes: i % 4 === 0 ? "résiliation anticipée" : "",
      }),
    );
    if (i % 11 === 0) s.register.archive(c.id);
    if (i % 13 === 0) s.register.remove(c.id);
  }
});
afterAll(() => s.cleanup());

describe("searching a few matches or many", () => {
  const searches = ["dup", "mar", "bail", "ref-01", "résil", "иван", "rh", "zzz", "sa"];

  it("gives the same pages and totals either way", () => {
    let compared = 0;
    for (const search of searches) {
      for (const archived of ["exclude", "include", "only"] as const) {
        for (const sort of SORT_KEYS) {
          for (const direction of ["asc", "desc"] as const) {
            const query = { search, archived, sort, direction, limit: 7, offset: 3 };
            const a = fromIds.list(query);
            expect(alongIndex.list(query)).toEqual(a);
            compared += a.rows.length;
          }
        }
      }
      const filtered = { search, type: "NDA", tag: "rh", limit: 5 };
      expect(alongIndex.list(filtered)).toEqual(fromIds.list(filtered));
      const ending = { search, endingWithinDays: 400, sort: "endDate" as const };
      expect(alongIndex.list(ending, "2027-01-01")).toEqual(fromIds.list(ending, "2027-01-01"));
    }
    // The pages compared were not all empty.
    expect(compared).toBeGreaterThan(500);
  });

  it("counts what it matches, archived and deleted kept apart", () => {
    const all = s.list.list({ limit: 1000, archived: "include" }).rows;
    const expected = all.filter((r) => !r.archived && /dup/i.test(`${r.counterparty}`)).length;
    for (const list of [fromIds, alongIndex, s.list]) {
      expect(list.list({ search: "dup" }).total).toBe(expected);
      expect(list.list({ search: "dup", limit: 1000 }).rows).toHaveLength(expected);
    }
    expect(expected).toBeGreaterThan(5);
  });
});
