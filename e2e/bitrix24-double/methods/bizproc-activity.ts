/**
 * `bizproc.activity.add/update/delete/list` and `bizproc.event.send`
 * (BITRIX24.md 7.2, 7.4): application context and an administrator for the
 * activity methods, the documented validation errors, and event tokens that
 * work once.
 */
import { type ActivityDef, bizprocActionsOf } from "../bizproc-actions";
import { asInt, asText, isMap, type Param, type ParamMap, pick } from "../params";
import { accessDenied, PortalError } from "../portal-error";
import type { CallContext, MethodHandler } from "./context";

const CODE = /^[A-Za-z0-9._-]+$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const invalid = (description: string) =>
  new PortalError(400, "ERROR_ACTIVITY_VALIDATION_FAILURE", description);

/** The calling app; activities need application context and an administrator. */
function appOf(ctx: CallContext): string {
  if (ctx.auth !== "oauth" || ctx.clientId === null) {
    throw accessDenied("Application context required");
  }
  if (!ctx.isAdmin) throw accessDenied("Access denied!");
  return ctx.clientId;
}

function checkProperties(value: Param | undefined): ParamMap {
  if (value === undefined || value === null || value === "") return {};
  if (Array.isArray(value) && value.length === 0) return {};
  if (!isMap(value)) throw invalid("Wrong properties array!");
  for (const [key, prop] of Object.entries(value)) {
    if (!KEY.test(key)) throw invalid(`Wrong property key ${key}!`);
    if (!isMap(prop)) throw invalid("Wrong properties array!");
    const name = pick(prop, "Name");
    if (!(asText(name) || isMap(name))) throw invalid(`Empty property NAME ${key}!`);
  }
  return value;
}

function checkHandler(value: Param | undefined): string {
  const text = asText(value) ?? "";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PortalError(400, "ERROR_WRONG_HANDLER_URL", "Wrong handler URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new PortalError(400, "ERROR_UNSUPPORTED_PROTOCOL", "Unsupported handler protocol");
  }
  return url.href;
}

function readDef(fields: ParamMap, code: string, ctx: CallContext): ActivityDef {
  const name = pick(fields, "NAME");
  if (!(asText(name) || isMap(name))) throw invalid("Empty activity NAME!");
  return {
    code,
    handler: checkHandler(pick(fields, "HANDLER")),
    authUserId: asInt(pick(fields, "AUTH_USER_ID")) ?? ctx.userId,
    useSubscription: asText(pick(fields, "USE_SUBSCRIPTION")) ?? "",
    name: name ?? "",
    description: pick(fields, "DESCRIPTION") ?? "",
    properties: checkProperties(pick(fields, "PROPERTIES")),
    returnProperties: checkProperties(pick(fields, "RETURN_PROPERTIES")),
    documentType: pick(fields, "DOCUMENT_TYPE") ?? null,
  };
}

function codeOf(params: ParamMap): string {
  const code = asText(pick(params, "CODE")) ?? "";
  if (code === "") throw invalid("Empty activity code!");
  if (!CODE.test(code)) throw invalid("Wrong activity code!");
  return code;
}

const add: MethodHandler = (params, ctx) => {
  const app = appOf(ctx);
  const code = codeOf(params);
  const mine = bizprocActionsOf(ctx.state).appActivities(app);
  if (mine.has(code)) {
    throw new PortalError(400, "ERROR_ACTIVITY_ALREADY_INSTALLED", "Activity already installed!");
  }
  mine.set(code, readDef(params, code, ctx));
  return { result: true };
};

const update: MethodHandler = (params, ctx) => {
  const app = appOf(ctx);
  const code = codeOf(params);
  const mine = bizprocActionsOf(ctx.state).appActivities(app);
  const current = mine.get(code);
  if (!current) throw new PortalError(400, "ERROR_ACTIVITY_NOT_FOUND", "Activity not found!");
  const fields = pick(params, "FIELDS");
  if (!isMap(fields) || Object.keys(fields).length === 0) throw invalid("No fields to update");
  const merged: ParamMap = {
    NAME: current.name,
    HANDLER: current.handler,
    AUTH_USER_ID: current.authUserId,
    USE_SUBSCRIPTION: current.useSubscription,
    DESCRIPTION: current.description,
    PROPERTIES: current.properties,
    RETURN_PROPERTIES: current.returnProperties,
    DOCUMENT_TYPE: current.documentType,
    ...fields,
  };
  mine.set(code, readDef(merged, code, ctx));
  return { result: true };
};

const remove: MethodHandler = (params, ctx) => {
  const app = appOf(ctx);
  const code = codeOf(params);
  if (!bizprocActionsOf(ctx.state).appActivities(app).delete(code)) {
    throw new PortalError(400, "ERROR_ACTIVITY_NOT_FOUND", "Activity not found!");
  }
  return { result: true };
};

const list: MethodHandler = (_params, ctx) => {
  const app = appOf(ctx);
  return { result: [...bizprocActionsOf(ctx.state).appActivities(app).keys()] };
};

/** Answers a waiting action: the token works once, and only for the app it was sent to. */
const eventSend: MethodHandler = (params, ctx) => {
  const token = asText(pick(params, "EVENT_TOKEN")) ?? "";
  const run = bizprocActionsOf(ctx.state).waiting(token);
  if (!run || (ctx.clientId !== null && ctx.clientId !== run.clientId)) throw accessDenied();
  const values = pick(params, "RETURN_VALUES");
  run.returnValues = isMap(values) ? { ...values } : {};
  run.logMessage = asText(pick(params, "LOG_MESSAGE"));
  run.state = "resumed";
  return { result: true };
};

export const bizprocActivityMethods: Record<string, MethodHandler> = {
  "bizproc.activity.add": add,
  "bizproc.activity.update": update,
  "bizproc.activity.delete": remove,
  "bizproc.activity.list": list,
  "bizproc.event.send": eventSend,
};
