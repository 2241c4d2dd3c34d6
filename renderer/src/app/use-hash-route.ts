import { useMemo, useSyncExternalStore } from "react";
import { parseRoute, type Route, takeOwnMove } from "./routes";

/** Looks at a move of the #/ address first; true when it held the move back. */
export type HashMoveGuard = (event: HashChangeEvent) => boolean;

const guards = new Set<HashMoveGuard>();

/**
 * Lets a page with unsaved changes see a hash move before the router does
 * (listeners on window run in the order they were added, whatever the
 * phase, so the router's own listener would always come first). The app's
 * own `navigate()` (after a save) is never held back; `followLink()` is.
 */
export function guardHashMoves(guard: HashMoveGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

const routers = new Set<() => void>();

/** One listener for the whole app: guards first, once per move, then the routers. */
function onHashChange(event: HashChangeEvent): void {
  if (!takeOwnMove(event.newURL)) {
    for (const guard of guards) if (guard(event)) return;
  }
  for (const router of routers) router();
}

function subscribe(onChange: () => void): () => void {
  if (routers.size === 0) window.addEventListener("hashchange", onHashChange);
  routers.add(onChange);
  return () => {
    routers.delete(onChange);
    if (routers.size === 0) window.removeEventListener("hashchange", onHashChange);
  };
}

function currentHash(): string {
  return window.location.hash;
}

/** The page the location hash names; follows back/forward and links. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return useMemo(() => parseRoute(hash), [hash]);
}
