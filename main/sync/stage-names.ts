/**
 * The portal's names of the mapped stages, read once per sync (one
 * `crm.status.list` call) and kept, so that a stage conflict can show
 * "Négociation" rather than `DT1220_30:CLIENT`, offline too.
 */
import { createLogger } from "../logging/logger";
import { isUnreachable, type SyncContext } from "./context";
import type { SyncStore } from "./store";

const log = createLogger("sync");
const KEY = "stageNames";

/**
 * The `crm.status.list` ENTITY_ID a stage id belongs to: `DT1220_30:NEW` →
 * `DYNAMIC_1220_STAGE_30`, `C4:NEW` → `DEAL_STAGE_4`, `NEW` → `DEAL_STAGE`.
 */
export function stageEntityOf(stageId: string): string {
  const spa = /^DT(\d+)_(\d+):/.exec(stageId);
  if (spa) return `DYNAMIC_${spa[1]}_STAGE_${spa[2]}`;
  const deal = /^C(\d+):/.exec(stageId);
  return deal ? `DEAL_STAGE_${deal[1]}` : "DEAL_STAGE";
}

export async function pullStageNames(ctx: SyncContext): Promise<void> {
  const ids = Object.values(ctx.settings.stageMap);
  const entities = [...new Set(ids.map(stageEntityOf))];
  if (entities.length === 0) return;
  try {
    const names: Record<string, string> = {};
    for (const entity of entities) {
      const answer = await ctx.client.call<{ STATUS_ID?: unknown; NAME?: unknown }[]>(
        "crm.status.list",
        { filter: { ENTITY_ID: entity }, order: { SORT: "ASC" } },
      );
      for (const row of Array.isArray(answer.result) ? answer.result : []) {
        if (typeof row.STATUS_ID === "string" && typeof row.NAME === "string") {
          names[row.STATUS_ID] = row.NAME;
        }
      }
    }
    ctx.store.setCursor(KEY, JSON.stringify(names));
  } catch (error) {
    if (isUnreachable(error)) throw error;
    // Names are a nicety: a refusal leaves the ids shown, the sync goes on.
    log.warn({ err: error instanceof Error ? error.message : String(error) }, "stage names");
  }
}

/** The stage names last read; empty before the first sync. */
export function stageNames(store: SyncStore): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(store.cursor(KEY) ?? "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
