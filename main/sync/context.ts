/** What the pull and push steps of one sync share. */
import type { SyncProgress, SyncRun, SyncSettings } from "../../shared/api/sync";
import type { Bitrix24Client } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import type { Lifecycle } from "../lifecycle/lifecycle";
import type { ContractRegister } from "../register/register";
import type { PortalDeletions } from "./portal-deletions";
import type { SyncStore } from "./store";

export interface SyncContext {
  client: Bitrix24Client;
  store: SyncStore;
  /** What deleting a linked contract does on the portal. */
  deletions: PortalDeletions;
  register: ContractRegister;
  lifecycle: Lifecycle;
  settings: SyncSettings;
  /** The run being written: counts and problems grow as the sync goes. */
  run: SyncRun;
  progress(p: SyncProgress): void;
  /** Runs a write that comes from the portal: it must not go back out through the outbox. */
  fromPortal<T>(write: () => T): T;
}

/** Errors that mean the portal is out of reach or busy, not that our data is wrong. */
const UNREACHABLE = new Set<Bitrix24Error["kind"]>([
  "network",
  "timeout",
  "server",
  "overload",
  "rate-limit",
  "operation-limit",
  "bad-response",
]);

export function isUnreachable(error: unknown): boolean {
  return error instanceof Bitrix24Error && UNREACHABLE.has(error.kind);
}

export function problem(ctx: SyncContext, where: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  ctx.run.errors += 1;
  // Keep the run's record small: the first 100 problems say enough.
  if (ctx.run.detail.problems.length < 100) ctx.run.detail.problems.push({ where, message });
}
