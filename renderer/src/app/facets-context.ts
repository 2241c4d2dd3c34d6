import { createContext } from "react";
import type { Facets } from "../../../shared/api/contract";
import { DEFAULT_STAGES } from "../../../shared/domain/stages";

export interface FacetsState {
  facets: Facets;
  /** Asks main again, after something may have added a type, tag or stage. */
  refresh: () => void;
}

export const EMPTY_FACETS: Facets = {
  stages: [...DEFAULT_STAGES],
  types: [],
  tags: [],
  currencies: [],
};

export const FacetsContext = createContext<FacetsState>({
  facets: EMPTY_FACETS,
  refresh: () => undefined,
});
