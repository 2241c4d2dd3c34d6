import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../../shared/api/result";
import type { Contract } from "../../../shared/domain/contract";
import { pacta } from "../api/client";

export interface ContractState {
  contract: Contract | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replaces the shown contract with one an action returned. */
  setContract: (contract: Contract) => void;
}

/** Loads one contract; `null` id loads nothing (a new contract). */
export function useContract(id: number | null): ContractState {
  const [contract, setContract] = useState<Contract | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(id !== null);
  const [reloads, setReloads] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reloads` asks for a fresh fetch.
  useEffect(() => {
    if (id === null) return;
    let live = true;
    setLoading(true);
    void pacta.contracts.get({ id }).then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) {
        setContract(r.value);
        setError(null);
      } else {
        setError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [id, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { contract, error, loading, reload, setContract };
}
