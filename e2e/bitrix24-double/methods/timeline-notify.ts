/**
 * `crm.timeline.comment.add/list` and `im.notify` (+ `.system.add`,
 * `.personal.add`), BITRIX24.md section 8: comments need the lowercase
 * `fields`, an owner that exists and a comment text; files come as
 * `[name, base64]` pairs. Notifications need a user and a message; a
 * webhook caller passing TAG must pass CLIENT_ID too.
 */
import type { Json } from "../fields";
import { asInt, asList, asText, isMap, type Param, pick } from "../params";
import { invalidArg, PortalError } from "../portal-error";
import type { PortalState } from "../state";
import type { MethodHandler } from "./context";

export interface TimelineComment {
  id: number;
  entityType: string;
  entityId: number;
  comment: string;
  authorId: number;
  files: { name: string; data: Buffer }[];
  created: number;
}

export interface Notification {
  id: number;
  toUserId: number;
  fromUserId: number;
  message: string;
  type: "USER" | "SYSTEM";
  tag: string | null;
}

export interface Messages {
  comments: TimelineComment[];
  /** The notifications shown now (a repeated TAG replaced the older one). */
  notifications: Notification[];
  /** Every notification call that was accepted. */
  sent: number;
}

const byPortal = new WeakMap<PortalState, Messages>();

/** The comments and notifications the portal received (tests read them). */
export function messagesOf(state: PortalState): Messages {
  let m = byPortal.get(state);
  if (!m) {
    m = { comments: [], notifications: [], sent: 0 };
    byPortal.set(state, m);
  }
  return m;
}

const OWNER_TYPES: Record<string, number> = { lead: 1, deal: 2, contact: 3, company: 4 };

function ownerTypeId(entityType: string): number | null {
  const lower = entityType.toLowerCase();
  const dynamic = /^dynamic_(\d+)$/.exec(lower);
  return dynamic ? Number(dynamic[1]) : (OWNER_TYPES[lower] ?? null);
}

function readFiles(value: Param | undefined): { name: string; data: Buffer }[] {
  const list = asList(value) ?? [];
  return list.map((pair, i) => {
    const parts = asList(pair) ?? [];
    const name = asText(parts[0]) ?? "";
    const b64 = asText(parts[1]) ?? "";
    if (name === "" || b64 === "" || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
      throw invalidArg(`FILES[${i}] must be a pair [name, base64 content]`);
    }
    return { name, data: Buffer.from(b64, "base64") };
  });
}

const commentAdd: MethodHandler = (params, ctx) => {
  // Since crm 23.100.0 only the lowercase `fields` is read.
  const fields = params.fields;
  if (!isMap(fields)) throw invalidArg("Parameter 'fields' is required");
  const entityType = asText(pick(fields, "ENTITY_TYPE")) ?? "";
  const entityId = asInt(pick(fields, "ENTITY_ID"));
  const typeId = ownerTypeId(entityType);
  const owner =
    typeId !== null && entityId !== null
      ? ctx.state.types.get(typeId)?.items.get(entityId)
      : undefined;
  if (!owner) throw new PortalError(400, "OWNER_NOT_FOUND", "Owner entity not found");
  const comment = asText(pick(fields, "COMMENT")) ?? "";
  if (comment.trim() === "") throw invalidArg("Comment is empty");
  const messages = messagesOf(ctx.state);
  const id = messages.comments.length + 1;
  messages.comments.push({
    id,
    entityType: entityType.toLowerCase(),
    entityId: entityId as number,
    comment,
    authorId: ctx.userId,
    files: readFiles(pick(fields, "FILES")),
    created: ctx.state.now(),
  });
  return { result: id };
};

const commentList: MethodHandler = (params, ctx) => {
  const filter = pick(params, "filter");
  const wantType = isMap(filter) ? asText(pick(filter, "ENTITY_TYPE"))?.toLowerCase() : null;
  const wantId = isMap(filter) ? asInt(pick(filter, "ENTITY_ID")) : null;
  const rows: Json[] = messagesOf(ctx.state)
    .comments.filter((c) => (wantType ? c.entityType === wantType : true))
    .filter((c) => (wantId !== null ? c.entityId === wantId : true))
    .map((c) => ({
      ID: String(c.id),
      ENTITY_ID: String(c.entityId),
      ENTITY_TYPE: c.entityType,
      AUTHOR_ID: String(c.authorId),
      COMMENT: c.comment,
      FILES: c.files.map((f, i) => ({ id: i + 1, name: f.name, size: f.data.length })),
    }));
  return { result: rows, total: rows.length };
};

function notify(type: "USER" | "SYSTEM" | null): MethodHandler {
  return (params, ctx) => {
    const userId = asInt(pick(params, "USER_ID"));
    if (userId === null || userId <= 0) {
      throw new PortalError(400, "USER_ID_EMPTY", "Recipient ID not specified");
    }
    const message = asText(pick(params, "MESSAGE")) ?? "";
    if (message.trim() === "") throw new PortalError(400, "MESSAGE_EMPTY", "Message text empty");
    if (!ctx.state.user(userId)) return { result: false };
    const messages = messagesOf(ctx.state);
    messages.sent += 1;
    const id = messages.sent;
    const given = asText(pick(params, "TYPE"))?.toUpperCase();
    const tag = asText(pick(params, "TAG")) || null;
    if (tag && ctx.auth === "webhook" && !asText(pick(params, "CLIENT_ID"))) {
      throw new PortalError(400, "CLIENT_ID_EMPTY", "Client ID not specified");
    }
    // A new notification with a TAG already shown replaces the older ones.
    if (tag) {
      messages.notifications = messages.notifications.filter(
        (n) => !(n.tag === tag && n.toUserId === userId),
      );
    }
    messages.notifications.push({
      id,
      toUserId: userId,
      fromUserId: ctx.userId,
      message,
      type: type ?? (given === "USER" ? "USER" : "SYSTEM"),
      tag,
    });
    return { result: id };
  };
}

export const timelineNotifyMethods: Record<string, MethodHandler> = {
  "crm.timeline.comment.add": commentAdd,
  "crm.timeline.comment.list": commentList,
  "im.notify": notify(null),
  "im.notify.system.add": notify("SYSTEM"),
  "im.notify.personal.add": notify("USER"),
};
