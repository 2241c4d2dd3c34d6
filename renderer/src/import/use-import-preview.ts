import { useEffect, useRef, useState } from "react";
import type { ImportPreview } from "../../../shared/api/contract";
import type { ApiError } from "../../../shared/api/result";
import type { ImportMapping } from "../../../shared/domain/import-mapping";
import { pacta } from "../api/client";
import { type ImportSource, mappingKey } from "./import-source";

export interface ImportPreviewState {
  preview: ImportPreview;
  /** True while a preview for a changed mapping is on its way. */
  refreshing: boolean;
  error: ApiError | null;
}

/**
 * Keeps the preview in step with the mapping: each change asks main again
 * (debounced), and only the answer to the latest mapping is kept.
 */
export function useImportPreview(
  source: ImportSource,
  mapping: ImportMapping,
  first: ImportPreview,
): ImportPreviewState {
  const [preview, setPreview] = useState(first);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const key = mappingKey(mapping);
  const shownKey = useRef(mappingKey(first.suggestedMapping));
  const latest = useRef(0);

  useEffect(() => {
    if (key === shownKey.current) {
      latest.current++;
      setRefreshing(false);
      return;
    }
    const call = ++latest.current;
    setRefreshing(true);
    const timer = window.setTimeout(() => {
      const next = JSON.parse(key) as ImportMapping;
      void pacta.imports.preview({ ...source, mapping: next }).then((r) => {
        if (call !== latest.current) return;
        setRefreshing(false);
        if (r.ok) {
          shownKey.current = key;
          setPreview(r.value);
          setError(null);
        } else {
          setError(r.error);
        }
      });
    }, 300);
    return () => window.clearTimeout(timer);
  }, [key, source]);

  return { preview, refreshing, error };
}
