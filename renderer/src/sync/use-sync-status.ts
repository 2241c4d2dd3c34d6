import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError, ApiResult } from "../../../shared/api/result";
import type { SyncStatus } from "../../../shared/api/sync";
import { pacta } from "../api/client";

/** Sent on `window` when the connection changed, so every status view reloads at once. */
export const SYNC_CHANGED = "pacta:sync-changed";

export function announceSyncChange(): void {
  window.dispatchEvent(new Event(SYNC_CHANGED));
}

export interface SyncStatusState {
  status: SyncStatus | null;
  error: ApiError | null;
  reload: () => void;
  /** Starts a sync (false: one was already running); the status then follows its progress. */
  start: () => Promise<ApiResult<{ started: boolean }>>;
}

/** The sync's status, asked for every second while a sync runs and every 15 s otherwise. */
export function useSyncStatus(): SyncStatusState {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    void pacta.sync.status({}).then((r) => {
      if (!alive.current) return;
      if (r.ok) {
        setStatus(r.value);
        setError(null);
      } else setError(r.error);
      const running = r.ok && r.value.running;
      timer.current = setTimeout(reload, running ? 1000 : 15_000);
    });
  }, []);

  useEffect(() => {
    alive.current = true;
    reload();
    window.addEventListener(SYNC_CHANGED, reload);
    return () => {
      alive.current = false;
      window.removeEventListener(SYNC_CHANGED, reload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);

  const start = useCallback(async () => {
    const r = await pacta.sync.start({});
    reload();
    return r;
  }, [reload]);

  return { status, error, reload, start };
}
