/**
 * What the settings screen offers for a sync target, read from the portal:
 * smart-process types, categories, stages and writable fields.
 */

import type { PortalSchema, SyncTarget } from "../../shared/api/sync";
import type { Bitrix24Client } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import { toPactaError } from "./connection";
import { entityTypeIdOf } from "./mapping";

interface FieldInfo {
  type: string;
  title: string;
  isReadOnly: boolean;
  isDynamic: boolean;
}

export async function readPortalSchema(
  client: Bitrix24Client,
  target: SyncTarget,
): Promise<PortalSchema> {
  const entityTypeId = entityTypeIdOf(target);
  try {
    const types = await client
      .call<{ types?: { entityTypeId: number; title: string }[] }>("crm.type.list", {})
      .then((r) => r.result.types ?? [])
      .catch((error: unknown) => {
        // Listing smart processes needs CRM admin rights; a lawyer may still pick deals.
        if (error instanceof Bitrix24Error && error.kind === "forbidden") return [];
        throw error;
      });
    const cats = await client.call<{
      categories?: { id: number; name: string; isDefault: string }[];
    }>("crm.category.list", { entityTypeId });
    const categories = cats.result.categories ?? [];
    const category =
      target.categoryId ?? categories.find((c) => c.isDefault === "Y")?.id ?? categories[0]?.id;
    const entityId =
      entityTypeId === 2
        ? category
          ? `DEAL_STAGE_${category}`
          : "DEAL_STAGE"
        : `DYNAMIC_${entityTypeId}_STAGE_${category ?? 0}`;
    const statuses = await client.call<{ STATUS_ID: string; NAME: string }[]>("crm.status.list", {
      filter: { ENTITY_ID: entityId },
      order: { SORT: "ASC" },
    });
    const fields = await client.call<{ fields?: Record<string, FieldInfo> }>("crm.item.fields", {
      entityTypeId,
    });
    return {
      types: types.map((t) => ({ entityTypeId: t.entityTypeId, title: t.title })),
      categories: categories.map((c) => ({ id: c.id, name: c.name })),
      stages: (statuses.result ?? []).map((s) => ({ id: s.STATUS_ID, name: s.NAME })),
      fields: Object.entries(fields.result.fields ?? {})
        .filter(([, f]) => !f.isReadOnly)
        .map(([name, f]) => ({ name, title: f.title, type: f.type, userField: f.isDynamic })),
    };
  } catch (error) {
    throw toPactaError(error);
  }
}
