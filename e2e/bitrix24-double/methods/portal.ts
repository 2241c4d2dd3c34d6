/**
 * Portal-level methods: users, the caller's profile and scopes, the
 * server's clock, smart-process types, pipelines and stages.
 */
import type { PortalUser } from "../catalog";
import { atom, type Json } from "../fields";
import { asInt, asList, asText, isMap, type ParamMap, pick } from "../params";
import { accessDenied, PortalError } from "../portal-error";
import { PAGE_SIZE } from "../query";
import type { EntityType } from "../state";
import type { CallContext, MethodAnswer, MethodHandler } from "./context";

function userRow(u: PortalUser, ctx: CallContext): { [key: string]: Json } {
  return {
    ID: String(u.id),
    ACTIVE: true,
    NAME: u.name,
    LAST_NAME: u.lastName,
    SECOND_NAME: "",
    EMAIL: u.email,
    WORK_POSITION: u.position,
    TIME_ZONE: u.timeZone,
    PERSONAL_GENDER: "",
    IS_ONLINE: "N",
    LAST_LOGIN: atom(ctx.state.now(), ctx.state.offsetMinutes),
    UF_DEPARTMENT: [1],
  };
}

/** Pages of 50 over a list of JSON rows, `total` and `next` as list methods give them. */
function paged(rows: Json[], start: ParamMap[string] | undefined): MethodAnswer {
  const from = Math.max(0, asInt(start) ?? 0);
  const result = rows.slice(from, from + PAGE_SIZE);
  const next = from + PAGE_SIZE < rows.length ? from + PAGE_SIZE : undefined;
  return { result, total: rows.length, ...(next === undefined ? {} : { next }) };
}

function typeJson(type: EntityType, ctx: CallContext): { [key: string]: Json } {
  const yes = (on: boolean) => (on ? "Y" : "N");
  const now = atom(ctx.state.now(), ctx.state.offsetMinutes);
  return {
    id: type.typeRecordId ?? 0,
    title: type.title,
    code: type.code,
    entityTypeId: type.entityTypeId,
    isCategoriesEnabled: yes(type.categories.length > 1),
    isStagesEnabled: yes(type.stages.size > 0),
    isBeginCloseDatesEnabled: yes(type.byName.has("begindate")),
    isClientEnabled: yes(type.byName.has("companyId")),
    isLinkWithProductsEnabled: "N",
    isMycompanyEnabled: yes(type.byName.has("mycompanyId")),
    isDocumentsEnabled: "Y",
    isSourceEnabled: yes(type.byName.has("sourceId")),
    isObserversEnabled: yes(type.byName.has("observers")),
    isRecyclebinEnabled: "Y",
    isAutomationEnabled: "Y",
    isBizProcEnabled: "Y",
    isSetOpenPermissions: "Y",
    isPaymentsEnabled: "N",
    isCountersEnabled: "N",
    createdBy: 1,
    updatedBy: 1,
    createdTime: now,
    updatedTime: now,
    customSectionId: null,
  };
}

function stageEntityId(type: EntityType, categoryId: number): string {
  if (type.entityTypeId === 2) return categoryId === 0 ? "DEAL_STAGE" : `DEAL_STAGE_${categoryId}`;
  return `DYNAMIC_${type.entityTypeId}_STAGE_${categoryId}`;
}

function statusRows(ctx: CallContext): { [key: string]: Json }[] {
  const rows: { [key: string]: Json }[] = [];
  let id = 1;
  for (const type of ctx.state.types.values()) {
    for (const [categoryId, stages] of type.stages) {
      for (const s of stages) {
        const semantic =
          s.semantics === "S" ? "success" : s.semantics === "F" ? "failure" : "process";
        rows.push({
          ID: String(id++),
          ENTITY_ID: stageEntityId(type, categoryId),
          STATUS_ID: s.statusId,
          NAME: s.name,
          NAME_INIT: s.name,
          SORT: String(s.sort),
          SYSTEM: s.semantics || s.sort === 10 ? "Y" : "N",
          CATEGORY_ID: String(categoryId),
          COLOR: s.color,
          SEMANTICS: s.semantics,
          EXTRA: { SEMANTICS: semantic, COLOR: s.color },
        });
      }
    }
  }
  return rows;
}

function requireAdmin(ctx: CallContext): void {
  if (!ctx.isAdmin) throw accessDenied();
}

export const portalMethods: Record<string, MethodHandler> = {
  "server.time": (_p, ctx) => ({ result: atom(ctx.state.now(), ctx.state.offsetMinutes) }),
  scope: (_p, ctx) => ({ result: ctx.scopes }),
  profile: (_p, ctx) => {
    const u = ctx.state.user(ctx.userId);
    if (!u) throw new PortalError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    return {
      result: {
        ID: u.id,
        ADMIN: u.admin,
        NAME: u.name,
        LAST_NAME: u.lastName,
        PERSONAL_GENDER: "",
        TIME_ZONE: u.timeZone,
        TIME_ZONE_OFFSET: ctx.state.offsetMinutes * 60,
      },
    };
  },
  "user.current": (_p, ctx) => {
    const u = ctx.state.user(ctx.userId);
    if (!u) throw new PortalError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    return { result: userRow(u, ctx) };
  },
  "user.get": (params, ctx) => {
    const filter = pick(params, "filter");
    const criteria: ParamMap = isMap(filter) ? filter : params;
    const rows = ctx.state.users
      .map((u) => userRow(u, ctx))
      .filter((row) =>
        Object.entries(criteria).every(([key, want]) => {
          const name = key.toUpperCase();
          if (!(name in row) || name === "START") return true;
          const wanted = (asList(want) ?? [want]).map((w) => asText(w));
          return wanted.includes(asText(row[name] as string));
        }),
      );
    return paged(rows, pick(params, "start"));
  },
  "crm.type.list": (params, ctx) => {
    requireAdmin(ctx);
    const types = [...ctx.state.types.values()]
      .filter((t) => t.typeRecordId !== null)
      .map((t) => typeJson(t, ctx));
    const answer = paged(types, pick(params, "start"));
    return { ...answer, result: { types: answer.result } };
  },
  "crm.type.getbyentitytypeid": (params, ctx) => {
    const id = asInt(pick(params, "entityTypeId"));
    const type = id === null ? undefined : ctx.state.types.get(id);
    if (!type || type.typeRecordId === null) {
      throw new PortalError(400, "NOT_FOUND", "Smart process not found");
    }
    return { result: { type: typeJson(type, ctx) } };
  },
  "crm.category.list": (params, ctx) => {
    const id = asInt(pick(params, "entityTypeId"));
    const type = ctx.state.type(id ?? -1);
    const categories = type.categories.map((c) => ({ ...c }));
    return { result: { categories }, total: categories.length };
  },
  "crm.status.list": (params, ctx) => {
    const filter = pick(params, "filter");
    const rows = statusRows(ctx).filter((row) => {
      if (!isMap(filter)) return true;
      return Object.entries(filter).every(
        ([k, v]) => asText(row[k.toUpperCase()] as string) === asText(v),
      );
    });
    return paged(rows, pick(params, "start"));
  },
};
