import { useEffect, useRef, useState } from "react";
import { guardHashMoves } from "../app/use-hash-route";

export interface LeaveGuard {
  /** The address a click or Back wanted to open while there were changes, or null */
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
 * While `dirty`, holds back clicks on links in this tab and moves of the
 * address's #/ part (Back, Forward, a typed address), so the page can ask
 * first, and asks the browser to warn before the page is unloaded. Links
 * opened in a new tab go through: they lose nothing here.
 */
export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const [pending, setPending] = useState<string | null>(null);
  /** Set once the person chose to leave: the next move goes through. */
  const leaving = useRef(false);

  useEffect(() => {
    if (!dirty) return;
    leaving.current = false;
    const onClick = (event: MouseEvent) => {
      if (!isPlainClick(event) || !(event.target instanceof Element)) return;
      const link = event.target.closest("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.download) return;
      event.preventDefault();
      setPending(link.href);
    };
    // The address has already moved when this runs, but the router has not
    // followed yet: the old address is put back and the person is asked.
    const unguard = guardHashMoves((event) => {
      if (leaving.current) return false;
      window.history.pushState(window.history.state, "", event.oldURL);
      setPending(event.newURL);
      return true;
    });
    const onUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      unguard();
      window.removeEventListener("beforeunload", onUnload);
    };
  }, [dirty]);

  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      setPending(null);
      if (!pending) return;
      leaving.current = true;
      window.location.assign(pending);
    },
  };
}
