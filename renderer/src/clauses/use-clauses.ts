import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../../shared/api/result";
import type { Clause } from "../../../shared/domain/templates";
import { pacta } from "../api/client";

export interface ClauseList {
  clauses: Clause[] | null;
  error: ApiError | null;
  reload: () => void;
}

/** The clauses a search and a tag select, reloaded when either changes (the last answer wins). */
export function useClauses(search: string, tag: string | null): ClauseList {
  const [clauses, setClauses] = useState<Clause[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void generation; // only asks for a reload
    let current = true;
    const timer = setTimeout(() => {
      void pacta.clauses.list({ search, tag }).then((r) => {
        if (!current) return;
        if (r.ok) {
          setClauses(r.value);
          setError(null);
        } else setError(r.error);
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search, tag, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { clauses, error, reload };
}
