import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "../../../shared/api/result";
import type { ContractDocument } from "../../../shared/domain/templates";
import { pacta } from "../api/client";

export interface DocumentState {
  /** False until main first answered */
  loaded: boolean;
  /** The contract's text, or null when it has none */
  document: ContractDocument | null;
  error: ApiError | null;
  /** Loads again; settles once the answer is shown */
  reload: () => Promise<void>;
  /** Shows a document main answered with (or the optimistic copy of one) */
  set: (document: ContractDocument | null) => void;
}

/** The contract's text, loaded from main; the latest answer wins. */
export function useDocument(contractId: number): DocumentState {
  const [loaded, setLoaded] = useState(false);
  const [document, setDocument] = useState<ContractDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const call = ++latest.current;
    const r = await pacta.documents.get({ contractId });
    if (call !== latest.current) return;
    if (r.ok) {
      setDocument(r.value);
      setLoaded(true);
      setError(null);
    } else setError(r.error);
  }, [contractId]);

  useEffect(() => {
    void reload();
  }, [reload]);
  return { loaded, document, error, reload, set: setDocument };
}
