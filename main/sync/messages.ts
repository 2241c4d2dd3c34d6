/**
 * Portal notifications (`im.notify`) waiting in `sync_messages`, sent after
 * the contracts at each sync, oldest first. A message leaves the table only
 * once the portal has answered it; out of reach, the rest wait for the
 * next sync. Each carries a TAG (with the CLIENT_ID webhooks need beside
 * it): if an answer is lost and the message goes again, the portal replaces
 * the first one instead of showing two. Messages queued for another portal
 * than the one connected now are dropped; one the portal refused is tried
 * at most MAX_ATTEMPTS times.
 */
import { createLogger } from "../logging/logger";
import { isUnreachable, problem, type SyncContext } from "./context";

const log = createLogger("sync");

export const MAX_ATTEMPTS = 5;
export const CLIENT_ID = "pacta";

interface MessageRow {
  id: number;
  portal: string;
  user_id: string;
  tag: string;
  message: string;
  attempts: number;
}

export async function sendMessages(ctx: SyncContext): Promise<void> {
  const db = ctx.store.db;
  const portal = ctx.store.connection()?.portal ?? null;
  db.prepare("DELETE FROM sync_messages WHERE portal IS NOT @portal").run({ portal });
  const rows = db
    .prepare("SELECT id, portal, user_id, tag, message, attempts FROM sync_messages ORDER BY id")
    .all() as MessageRow[];
  const done = db.prepare("DELETE FROM sync_messages WHERE id = @id");
  const failed = db.prepare(
    `UPDATE sync_messages SET attempts = attempts + 1, last_error = @error WHERE id = @id`,
  );
  for (const m of rows) {
    try {
      await ctx.client.call("im.notify", {
        USER_ID: m.user_id,
        MESSAGE: m.message,
        TYPE: "SYSTEM",
        TAG: m.tag,
        CLIENT_ID,
      });
      done.run({ id: m.id });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failed.run({ id: m.id, error: message });
      if (isUnreachable(error)) throw error;
      problem(ctx, `notification to portal user ${m.user_id}`, error);
      if (m.attempts + 1 >= MAX_ATTEMPTS) {
        done.run({ id: m.id });
        log.warn({ user: m.user_id }, "portal notification dropped after repeated refusals");
      }
    }
  }
}
