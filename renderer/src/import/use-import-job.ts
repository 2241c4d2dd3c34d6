import { useEffect, useState } from "react";
import type { ImportJob } from "../../../shared/api/contract";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";

const POLL_MS = 200;

export interface ImportJobState {
  job: ImportJob | null;
  error: ApiError | null;
}

/** Follows a running import, asking for its status every 200 ms until it ends. */
export function useImportJob(jobId: string | null): ImportJobState {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (jobId === null) return;
    let live = true;
    let timer = 0;
    setJob(null);
    setError(null);
    const poll = () => {
      void pacta.imports.status({ jobId }).then((r) => {
        if (!live) return;
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setJob(r.value);
        if (r.value.state === "running") timer = window.setTimeout(poll, POLL_MS);
      });
    };
    poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [jobId]);

  return { job, error };
}
