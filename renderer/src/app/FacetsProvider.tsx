import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Facets } from "../../../shared/api/contract";
import { pacta } from "../api/client";
import { EMPTY_FACETS, FacetsContext } from "./facets-context";
import { useApiError } from "./use-api-error";

export interface FacetsProviderProps {
  /** The part of the app that reads stages, types and tags */
  children: ReactNode;
}

/** Loads the register's stages, types, tags and currencies once, and on request. */
export function FacetsProvider({ children }: FacetsProviderProps) {
  const [facets, setFacets] = useState<Facets>(EMPTY_FACETS);
  const showError = useApiError();
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const call = ++latest.current;
    void pacta.contracts.facets({}).then((r) => {
      if (call !== latest.current) return;
      if (r.ok) setFacets(r.value);
      else showError(r.error);
    });
  }, [showError]);

  useEffect(refresh, [refresh]);

  const value = useMemo(() => ({ facets, refresh }), [facets, refresh]);
  return <FacetsContext.Provider value={value}>{children}</FacetsContext.Provider>;
}
