/** What the register shows: search, filters and sort, as the person set them. */
import type { ListQuery, SortKey } from "../../../shared/api/contract";

export type EndingChoice = "any" | "30" | "60" | "90" | "custom";
export type ArchivedChoice = "exclude" | "include" | "only";
export type SortDirection = "asc" | "desc";

export interface RegisterFilters {
  search: string;
  stage: string | null;
  type: string | null;
  tag: string | null;
  ending: EndingChoice;
  /** Days for the "custom" ending choice. */
  customDays: number | null;
  archived: ArchivedChoice;
  needsReview: boolean;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_FILTERS: RegisterFilters = {
  search: "",
  stage: null,
  type: null,
  tag: null,
  ending: "any",
  customDays: null,
  archived: "exclude",
  needsReview: false,
  sort: "updatedAt",
  direction: "desc",
};

/** The list query without paging; `search` is passed in already debounced. */
export type RegisterQuery = Omit<ListQuery, "offset" | "limit">;

function endingDays(filters: RegisterFilters): number | null {
  if (filters.ending === "any") return null;
  if (filters.ending === "custom") return filters.customDays;
  return Number(filters.ending);
}

export function toRegisterQuery(filters: RegisterFilters, search: string): RegisterQuery {
  return {
    search: search.trim(),
    stage: filters.stage,
    type: filters.type,
    tag: filters.tag,
    endingWithinDays: endingDays(filters),
    archived: filters.archived,
    needsReview: filters.needsReview ? true : null,
    sort: filters.sort,
    direction: filters.direction,
  };
}

/** True when anything narrows the register beyond its default view. */
export function isFiltered(filters: RegisterFilters): boolean {
  return (
    filters.search.trim() !== "" ||
    filters.stage !== null ||
    filters.type !== null ||
    filters.tag !== null ||
    endingDays(filters) !== null ||
    filters.archived !== "exclude" ||
    filters.needsReview
  );
}

/** Clears search and filters, keeping the sort. */
export function clearFilters(filters: RegisterFilters): RegisterFilters {
  return { ...DEFAULT_FILTERS, sort: filters.sort, direction: filters.direction };
}

/** Clicking a header sorts by it; clicking it again flips the direction. */
export function toggleSort(filters: RegisterFilters, key: SortKey): RegisterFilters {
  if (filters.sort === key) {
    return { ...filters, direction: filters.direction === "asc" ? "desc" : "asc" };
  }
  const direction = key === "updatedAt" || key === "value" ? "desc" : "asc";
  return { ...filters, sort: key, direction };
}
