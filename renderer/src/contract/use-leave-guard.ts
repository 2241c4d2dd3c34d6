import { useEffect, useState } from "react";

export interface LeaveGuard {
  /** The address a click wanted to open while there were changes, or null */
  pending: string | null;
  /** Forgets the click and stays */
  stay: () => void;
  /** Goes where the click wanted to go */
  leave: () => void;
}

function isPlainClick(event: MouseEvent): boolean {
  const modified = event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
  return !event.defaultPrevented && event.button === 0 && !modified;
}

/**
 * While `dirty`, holds back clicks on links in this tab (so the page can ask
 * first) and asks the browser to warn before the page is unloaded. Links
 * opened in a new tab go through: they lose nothing here.
 */
export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!dirty) return;
    const onClick = (event: MouseEvent) => {
      if (!isPlainClick(event) || !(event.target instanceof Element)) return;
      const link = event.target.closest("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.download) return;
      event.preventDefault();
      setPending(link.href);
    };
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onUnload);
    };
  }, [dirty]);

  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      setPending(null);
      if (pending) window.location.assign(pending);
    },
  };
}
