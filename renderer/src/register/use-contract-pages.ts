/**
 * The register's rows, fetched in pages by offset as the table scrolls.
 * A new query replaces the rows only when its first page arrives, and a
 * response to an older query is dropped, so typing fast never shows stale
 * results.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../../../shared/api/result";
import type { ContractSummary } from "../../../shared/domain/contract";
import { pacta } from "../api/client";
import type { RegisterQuery } from "./register-filters";

export const PAGE_SIZE = 200;

interface PagesState {
  /** Which request generation these rows belong to. */
  generation: number;
  total: number | null;
  pages: ReadonlyMap<number, ContractSummary[]>;
  error: ApiError | null;
}

export interface ContractPages {
  /** Matching contracts in all, or null before the first answer. */
  total: number | null;
  /** True while a new query's first page is on its way. */
  pending: boolean;
  error: ApiError | null;
  /** Counts up each time the query changes and its first page has arrived. */
  generation: number;
  /** The row at an index, or undefined while its page is loading. */
  rowAt: (index: number) => ContractSummary | undefined;
  /** Loads the pages covering rows `start` to `end` (inclusive), if not loaded yet. */
  ensureRange: (start: number, end: number) => void;
  reload: () => void;
}

export function useContractPages(query: RegisterQuery): ContractPages {
  const key = JSON.stringify(query);
  const [state, setState] = useState<PagesState>({
    generation: 0,
    total: null,
    pages: new Map(),
    error: null,
  });
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const [reloads, setReloads] = useState(0);
  const [wanted, setWanted] = useState(0);

  const fetchPage = useCallback((queryKey: string, gen: number, page: number) => {
    requested.current.add(page);
    const q = JSON.parse(queryKey) as RegisterQuery;
    void pacta.contracts.list({ ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => {
      if (gen !== generation.current) return;
      if (!r.ok) {
        requested.current.delete(page);
        setState((s) => ({
          generation: gen,
          total: s.generation === gen ? s.total : null,
          pages: s.generation === gen ? s.pages : new Map(),
          error: r.error,
        }));
        return;
      }
      setState((s) => {
        const pages = new Map(s.generation === gen ? s.pages : []);
        pages.set(page, r.value.rows);
        return { generation: gen, total: r.value.total, pages, error: null };
      });
    });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh fetch.
  useEffect(() => {
    const gen = ++generation.current;
    requested.current = new Set();
    setWanted(gen);
    fetchPage(key, gen, 0);
  }, [key, reloads, fetchPage]);

  const current = state.generation === wanted;

  const ensureRange = useCallback(
    (start: number, end: number) => {
      if (!current || state.total === null) return;
      const last = Math.min(end, state.total - 1);
      for (let page = Math.floor(start / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
        if (!state.pages.has(page) && !requested.current.has(page)) {
          fetchPage(key, state.generation, page);
        }
      }
    },
    [current, state, key, fetchPage],
  );

  const rowAt = useCallback(
    (index: number) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [state.pages],
  );

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return {
    total: state.total,
    pending: !current,
    error: state.error,
    generation: state.generation,
    rowAt,
    ensureRange,
    reload,
  };
}
