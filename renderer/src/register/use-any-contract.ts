import { useEffect, useState } from "react";
import { pacta } from "../api/client";

/**
 * Whether the register holds any contract at all, archived ones included.
 * Asked only when `enabled` (the default view came back empty); null until known.
 */
export function useAnyContract(enabled: boolean): boolean | null {
  const [any, setAny] = useState<boolean | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void pacta.contracts.list({ archived: "include", limit: 1 }).then((r) => {
      if (live) setAny(r.ok ? r.value.total > 0 : true);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return enabled ? any : true;
}
