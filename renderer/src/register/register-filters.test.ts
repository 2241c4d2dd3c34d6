import { describe, expect, it } from "vitest";
import {
  clearFilters,
  DEFAULT_FILTERS,
  isFiltered,
  toggleSort,
  toRegisterQuery,
} from "./register-filters";

describe("register filters", () => {
  it("turns the choices into a list query", () => {
    const filters = {
      ...DEFAULT_FILTERS,
      stage: "active",
      ending: "60" as const,
      needsReview: true,
    };
    expect(toRegisterQuery(filters, "  zoé ")).toEqual({
      search: "zoé",
      stage: "active",
      type: null,
      tag: null,
      endingWithinDays: 60,
      archived: "exclude",
      needsReview: true,
      sort: "updatedAt",
      direction: "desc",
    });
    const custom = { ...DEFAULT_FILTERS, ending: "custom" as const, customDays: 15 };
    expect(toRegisterQuery(custom, "").endingWithinDays).toBe(15);
  });

  it("sorts by a column, then flips the direction", () => {
    const byTitle = toggleSort(DEFAULT_FILTERS, "title");
    expect([byTitle.sort, byTitle.direction]).toEqual(["title", "asc"]);
    expect(toggleSort(byTitle, "title").direction).toBe("desc");
  });

  it("knows when the view is narrowed, and clears it keeping the sort", () => {
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
    const narrowed = { ...toggleSort(DEFAULT_FILTERS, "endDate"), archived: "only" as const };
    expect(isFiltered(narrowed)).toBe(true);
    expect(clearFilters(narrowed)).toEqual({
      ...DEFAULT_FILTERS,
      sort: "endDate",
      direction: "asc",
    });
  });
});
