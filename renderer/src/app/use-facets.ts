import { useContext } from "react";
import { FacetsContext, type FacetsState } from "./facets-context";

/** The register's stages, types, tags and currencies, and a way to reload them. */
export function useFacets(): FacetsState {
  return useContext(FacetsContext);
}
