import { useCallback, useEffect } from "react";
import type { PortalUserOption, WorkflowTaskView } from "../../../shared/api/bizproc";
import { pacta } from "../api/client";
import { type Loaded, useLoad } from "../settings/use-load";

/** Tasks in the inbox (or one contract's), read again every few seconds: a sync may change them. */
export function useTasks(contractId?: number): Loaded<WorkflowTaskView[]> {
  const load = useCallback(
    () => pacta.bizproc.tasks(contractId === undefined ? {} : { contractId }),
    [contractId],
  );
  const tasks = useLoad(load);
  const { reload } = tasks;
  useEffect(() => {
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [reload]);
  return tasks;
}

const loadUsers = () => pacta.bizproc.users({});

/** The portal's users, as the last sync saw them. */
export function usePortalUsers(): PortalUserOption[] {
  return useLoad(loadUsers).value ?? [];
}
