import type { Json } from "../fields";
import type { ParamMap } from "../params";
import type { PortalState } from "../state";

/** Who is calling, as the portal established it from the webhook or token. */
export interface CallContext {
  state: PortalState;
  userId: number;
  isAdmin: boolean;
  scopes: string[];
  auth: "webhook" | "oauth";
  /** The OAuth app making the call (application context); null for a webhook. */
  clientId: string | null;
  /** Charges one call of a method to the caller's operating-time budget; throws 429 when spent. */
  meter: (method: string) => void;
}

export interface MethodAnswer {
  result: Json;
  total?: number;
  next?: number;
}

export type MethodHandler = (params: ParamMap, ctx: CallContext) => MethodAnswer;
