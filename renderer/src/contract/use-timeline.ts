import { useCallback, useEffect, useState } from "react";
import type { Timeline } from "../../../shared/api/lifecycle";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";

export interface TimelineState {
  timeline: Timeline | null;
  error: ApiError | null;
  reload: () => void;
  /** Replaces the shown timeline with one a move returned. */
  setTimeline: (timeline: Timeline) => void;
}

/** Loads a contract's stage timeline. */
export function useTimeline(contractId: number): TimelineState {
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh fetch.
  useEffect(() => {
    let live = true;
    void pacta.lifecycle.timeline({ contractId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setTimeline(r.value);
        setError(null);
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [contractId, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { timeline, error, reload, setTimeline };
}
