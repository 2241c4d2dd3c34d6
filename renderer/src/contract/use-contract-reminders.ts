import { useCallback, useEffect, useState } from "react";
import type { ContractReminderSettings, CustomDate } from "../../../shared/api/reminders";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";

export interface ContractRemindersState {
  /** The contract's own options and what applies; null while loading. */
  settings: ContractReminderSettings | null;
  customDates: CustomDate[];
  error: ApiError | null;
  reload: () => void;
  setSettings: (settings: ContractReminderSettings) => void;
}

/** Loads a contract's reminder options and custom dates. */
export function useContractReminders(contractId: number): ContractRemindersState {
  const [settings, setSettings] = useState<ContractReminderSettings | null>(null);
  const [customDates, setCustomDates] = useState<CustomDate[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh fetch.
  useEffect(() => {
    let live = true;
    void Promise.all([
      pacta.reminders.getContractSettings({ contractId }),
      pacta.reminders.listCustomDates({ contractId }),
    ]).then(([s, d]) => {
      if (!live) return;
      if (!s.ok) return setError(s.error);
      if (!d.ok) return setError(d.error);
      setSettings(s.value);
      setCustomDates(d.value);
      setError(null);
    });
    return () => {
      live = false;
    };
  }, [contractId, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { settings, customDates, error, reload, setSettings };
}
