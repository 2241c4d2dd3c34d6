/**
 * Every method the double answers, by lower-case name, and the scope each
 * one needs.
 */
import type { ParamMap } from "../params";
import { notFoundMethod, PortalError } from "../portal-error";
import type { CallContext, MethodAnswer, MethodHandler } from "./context";
import { crmItemMethods } from "./crm-item";
import { imMethods } from "./im";
import { legacyMethods } from "./legacy";
import { portalMethods } from "./portal";

const METHODS = new Map<string, MethodHandler>(
  Object.entries({ ...crmItemMethods, ...legacyMethods, ...portalMethods, ...imMethods }).map(
    ([name, fn]) => [name.toLowerCase(), fn],
  ),
);

export function scopeOf(method: string): string {
  if (method.startsWith("crm.")) return "crm";
  if (method.startsWith("user.")) return "user";
  if (method.startsWith("im.")) return "im";
  return "basic";
}

/** Runs one method as the caller; throws PortalError for every refusal. */
export function callMethod(method: string, params: ParamMap, ctx: CallContext): MethodAnswer {
  const name = method.toLowerCase();
  const handler = METHODS.get(name);
  if (!handler) throw notFoundMethod();
  const scope = scopeOf(name);
  if (scope !== "basic" && !ctx.scopes.includes(scope)) {
    throw new PortalError(
      403,
      "insufficient_scope",
      "The request requires higher privileges than provided by the access token",
    );
  }
  ctx.meter(name);
  return handler(params, ctx);
}

export type { CallContext, MethodAnswer } from "./context";
