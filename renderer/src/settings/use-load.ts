import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError, ApiResult } from "../../../shared/api/result";

export interface Loaded<T> {
  value: T | null;
  error: ApiError | null;
  reload: () => void;
  /** Replaces the value shown, after a change main answered with. */
  set: (value: T) => void;
}

/** Loads something from main now and on `reload`, keeping only the latest answer. */
export function useLoad<T>(load: () => Promise<ApiResult<T>>): Loaded<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(() => {
    const call = ++latest.current;
    void load().then((r) => {
      if (call !== latest.current) return;
      if (r.ok) {
        setValue(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [load]);

  useEffect(reload, [reload]);
  return { value, error, reload, set: setValue };
}
