import { useCallback, useEffect, useState } from "react";
import type { Reminder } from "../../../shared/api/reminders";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";

export interface RemindersState {
  reminders: Reminder[] | null;
  error: ApiError | null;
  reload: () => void;
}

/** The reminders due now or within the next `within` days. */
export function useReminders(within: number): RemindersState {
  const [reminders, setReminders] = useState<Reminder[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh fetch.
  useEffect(() => {
    let live = true;
    void pacta.reminders.list({ within }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReminders(r.value);
        setError(null);
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [within, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { reminders, error, reload };
}
