/**
 * Typed errors of the Bitrix24 client. Every documented `error` code maps
 * to a kind the sync engine can react to; the message always names the
 * method and never carries a webhook secret or a token.
 */

export type Bitrix24ErrorKind =
  /** 401 `expired_token`: refresh and repeat (done inside the client). */
  | "token-expired"
  /** Wrong webhook, token or OAuth grant: the user must reconnect. */
  | "unauthorized"
  /** Scope missing, rights missing, plan without REST, method refusing this auth type. */
  | "forbidden"
  /** The portal is gone. */
  | "portal-deleted"
  | "method-not-found"
  | "not-found"
  /** A parameter or field value the portal refused. */
  | "invalid-argument"
  /** 503 QUERY_LIMIT_EXCEEDED: too many requests. */
  | "rate-limit"
  /** 429 OPERATION_TIME_LIMIT: this method is blocked for a while. */
  | "operation-limit"
  /** 503 OVERLOAD_LIMIT: the whole API is blocked. */
  | "overload"
  /** Misuse of `batch` (too long, nested, upload inside). */
  | "batch"
  /** 5xx from the portal. */
  | "server"
  /** Any other refusal the portal explained (including empty legacy codes). */
  | "rejected"
  /** Not the JSON envelope: HTML page, truncated or malformed body. */
  | "bad-response"
  /** No answer in time. For a write, the change may have been saved. */
  | "timeout"
  /** The connection failed. */
  | "network";

const KIND_OF_CODE: Record<string, Bitrix24ErrorKind> = {
  expired_token: "token-expired",
  invalid_token: "unauthorized",
  NO_AUTH_FOUND: "unauthorized",
  INVALID_CREDENTIALS: "forbidden",
  invalid_grant: "unauthorized",
  invalid_client: "unauthorized",
  wrong_client: "unauthorized",
  bad_verification_code: "unauthorized",
  invalid_request: "invalid-argument",
  invalid_scope: "forbidden",
  insufficient_scope: "forbidden",
  user_access_error: "forbidden",
  ACCESS_DENIED: "forbidden",
  allowed_only_intranet_user: "forbidden",
  WRONG_AUTH_TYPE: "forbidden",
  PAYMENT_REQUIRED: "forbidden",
  CREATE_DYNAMIC_ITEM_RESTRICTED: "forbidden",
  UPDATE_DYNAMIC_ITEM_RESTRICTED: "forbidden",
  INVALID_REQUEST: "invalid-argument",
  PORTAL_DELETED: "portal-deleted",
  ERROR_METHOD_NOT_FOUND: "method-not-found",
  NOT_FOUND: "not-found",
  INVALID_ARG_VALUE: "invalid-argument",
  CRM_FIELD_ERROR_VALUE_NOT_VALID: "invalid-argument",
  ENTITY_TYPE_NOT_SUPPORTED: "invalid-argument",
  "100": "invalid-argument",
  QUERY_LIMIT_EXCEEDED: "rate-limit",
  OPERATION_TIME_LIMIT: "operation-limit",
  OVERLOAD_LIMIT: "overload",
  INTERNAL_SERVER_ERROR: "server",
  ERROR_BATCH_LENGTH_EXCEEDED: "batch",
  ERROR_BATCH_METHOD_NOT_ALLOWED: "batch",
};

/** The kind of a portal answer; legacy crm errors have no code, only words. */
export function kindOf(code: string, description: string, status: number): Bitrix24ErrorKind {
  const known = KIND_OF_CODE[code];
  if (known) return known;
  if (code === "") {
    const text = description.toLowerCase();
    if (text.includes("not found")) return "not-found";
    if (text.includes("access denied")) return "forbidden";
    if (text.includes("not defined or invalid") || text.includes("must be")) {
      return "invalid-argument";
    }
  }
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "method-not-found";
  if (status === 429) return "operation-limit";
  if (status >= 500) return "server";
  return "rejected";
}

export interface Bitrix24ErrorInit {
  kind: Bitrix24ErrorKind;
  method: string;
  /** The portal's `error` code; "" when the portal gave none. */
  code?: string;
  description?: string;
  /** HTTP status; 0 when no answer came. */
  status?: number;
  /** The batch command this error belongs to. */
  command?: string;
  /** A write that timed out may have been committed: look it up before retrying. */
  maybeCommitted?: boolean;
}

export class Bitrix24Error extends Error {
  readonly kind: Bitrix24ErrorKind;
  readonly method: string;
  readonly code: string;
  readonly description: string;
  readonly status: number;
  readonly command: string | null;
  readonly maybeCommitted: boolean;

  constructor(init: Bitrix24ErrorInit) {
    super(messageOf(init));
    this.name = "Bitrix24Error";
    this.kind = init.kind;
    this.method = init.method;
    this.code = init.code ?? "";
    this.description = init.description ?? "";
    this.status = init.status ?? 0;
    this.command = init.command ?? null;
    this.maybeCommitted = init.maybeCommitted ?? false;
  }
}

function messageOf(init: Bitrix24ErrorInit): string {
  const where = init.command
    ? `Bitrix24 ${init.method} (batch command "${init.command}")`
    : `Bitrix24 ${init.method}`;
  const status = init.status ? ` (HTTP ${init.status})` : "";
  const text = init.description ? `: ${init.description}` : "";
  switch (init.kind) {
    case "timeout":
      return `${where} got no answer in time${
        init.maybeCommitted ? "; the change may have been saved, look it up before retrying" : ""
      }${text}`;
    case "network":
      return `${where} could not reach the portal${text}`;
    case "bad-response":
      return `${where} answered${status} with something other than the REST envelope${text}`;
    default: {
      const code = init.code ? init.code : "no error code";
      return `${where} failed${status} with ${code}${text}`;
    }
  }
}
