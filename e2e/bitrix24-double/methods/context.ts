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
}

export interface MethodAnswer {
  result: Json;
  total?: number;
  next?: number;
}

export type MethodHandler = (params: ParamMap, ctx: CallContext) => MethodAnswer;
