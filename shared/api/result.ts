/**
 * What every API call answers: a value, or a reason code the UI and the CLI
 * turn into words (see `shared/i18n`). Expected failures never throw across
 * a door.
 */

export const REASONS = [
  "invalid_argument",
  "not_found",
  "duplicate_reference",
  "stale_update",
  /** The action needs the person's go-ahead (a move that skips required stages): ask, resend. */
  "confirmation_required",
  "import_unreadable",
  "database_newer_than_app",
  "database_unreadable",
  "unauthorized",
  "unknown_method",
  /** Bitrix24: no portal connected yet. */
  "not_connected",
  /** Bitrix24: the portal could not be reached (offline, down, timed out). */
  "portal_unreachable",
  /** Bitrix24: the portal refused (wrong webhook, rights, scope, bad value). */
  "portal_refused",
  /** Bitrix24: another process is syncing this register now. */
  "sync_running",
  /** Bitrix24 OAuth: the portal's sign-in page sent nothing back in time (or it was cancelled). */
  "sign_in_timeout",
  /** Another program (the app, a terminal) kept writing to the register past the wait: retry. */
  "register_busy",
  "internal",
] as const;
export type Reason = (typeof REASONS)[number];

/** One thing wrong with an argument: where (a path into it) and what. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ApiError {
  reason: Reason;
  /** Extra words for a person, in English, naming what and where. */
  detail?: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

export function fail(reason: Reason, detail?: string, issues?: FieldIssue[]): ApiResult<never> {
  const error: ApiError = { reason };
  if (detail !== undefined) error.detail = detail;
  if (issues !== undefined) error.issues = issues;
  return { ok: false, error };
}

/** An expected failure raised inside a service, turned into a result at the door. */
export class PactaError extends Error {
  constructor(
    readonly reason: Reason,
    detail: string,
    readonly issues?: FieldIssue[],
  ) {
    super(detail);
    this.name = "PactaError";
  }
}
