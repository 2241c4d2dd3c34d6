/**
 * Notifications (scope `im`): `im.notify` as BITRIX24.md §8 describes it.
 * The double keeps what it was sent per portal state, for tests to read;
 * a new notification with the TAG of an earlier one to the same user
 * replaces it, and a webhook caller passing TAG must pass CLIENT_ID too.
 */
import { asInt, asText, type ParamMap, pick } from "../params";
import { PortalError } from "../portal-error";
import type { PortalState } from "../state";
import type { CallContext, MethodHandler } from "./context";

export interface SentNotification {
  id: number;
  /** Who it is for. */
  userId: number;
  /** Who sent it (the webhook's or the token's user). */
  fromUserId: number;
  message: string;
  type: "USER" | "SYSTEM";
  tag: string | null;
}

const sent = new WeakMap<PortalState, SentNotification[]>();
let nextId = 1;

/** The notifications the double shows now, oldest first. */
export function notificationsOf(state: PortalState): SentNotification[] {
  return sent.get(state) ?? [];
}

function notify(params: ParamMap, ctx: CallContext) {
  const userId = asInt(pick(params, "USER_ID"));
  if (userId === null || userId <= 0) {
    throw new PortalError(400, "USER_ID_EMPTY", "Recipient ID not specified");
  }
  const message = asText(pick(params, "MESSAGE"))?.trim() ?? "";
  if (message === "") throw new PortalError(400, "MESSAGE_EMPTY", "Message text is empty");
  const tag = asText(pick(params, "TAG")) || null;
  if (tag && ctx.auth === "webhook" && !asText(pick(params, "CLIENT_ID"))) {
    throw new PortalError(400, "CLIENT_ID_EMPTY", "Client ID not specified");
  }
  if (!ctx.state.user(userId)) {
    throw new PortalError(400, "USER_NOT_FOUND", "Recipient not found");
  }
  const list = (sent.get(ctx.state) ?? []).filter(
    (n) => !(tag && n.tag === tag && n.userId === userId),
  );
  const type = asText(pick(params, "TYPE")) === "USER" ? "USER" : "SYSTEM";
  const id = nextId++;
  list.push({ id, userId, fromUserId: ctx.userId, message, type, tag });
  sent.set(ctx.state, list);
  return { result: id };
}

export const imMethods: Record<string, MethodHandler> = {
  "im.notify": notify,
  "im.notify.system.add": notify,
  "im.notify.personal.add": notify,
};
