/**
 * KPI digests: each person's setting, their digest as of a day, and the
 * daily firing. Firing follows the reminders' rules: a check claims what
 * is due with an INSERT that does nothing when the row is there (one per
 * person and local day), in an IMMEDIATE transaction, so two processes or
 * a restart never send one twice; a digest whose time passed while the app
 * was closed goes out at the next start, marked late. A setting changed
 * after today's time waits for tomorrow. When a portal is connected and the
 * person has a Bitrix24 user id, the same transaction queues an
 * `im.notify` for the next sync (`main/sync/messages.ts`).
 */
import type { Statement } from "better-sqlite3";
import type { DigestFeed } from "../../shared/api/digests";
import { PactaError } from "../../shared/api/result";
import type { PortalLanguage } from "../../shared/api/sync";
import { addDays, localToday } from "../../shared/domain/calendar-date";
import {
  DEFAULT_DIGEST_TIME,
  DIGEST_DAYS,
  type Digest,
  type DigestItem,
  type DigestSetting,
  type DigestSettingInput,
  type FiredDigest,
} from "../../shared/domain/digests";
import { fireInstant, isLate } from "../../shared/domain/reminder-rules";
import type { Db } from "../db/open";
import { stageNames } from "../lifecycle/stage-names";
import { createLogger } from "../logging/logger";
import type { Reports } from "../reports/reports";
import { portalMessage } from "./digest-text";

const log = createLogger("digests");

export interface DigestOptions {
  now: () => Date;
  reports: Reports;
  /** The connected portal's address, or null when none is connected. */
  portal: () => string | null;
  /** The language the firm chose for what Pacta writes on the portal. */
  portalLanguage?: () => PortalLanguage;
}

interface SettingRow {
  id: number;
  name: string;
  email: string;
  bitrix_user_id: string | null;
  enabled: number | null;
  time: string | null;
  updated_at: string | null;
}

interface ItemRow {
  contract_id: number;
  title: string;
  reference: string | null;
  stage: string;
  due_date: string;
}

function toSetting(r: SettingRow): DigestSetting {
  return {
    personId: r.id,
    person: r.name,
    email: r.email,
    bitrixUserId: r.bitrix_user_id,
    enabled: r.enabled === 1,
    time: r.time ?? DEFAULT_DIGEST_TIME,
  };
}

export class Digests {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Db,
    private readonly options: DigestOptions,
  ) {
    this.sql = prepare(db);
  }

  settings(): DigestSetting[] {
    return (this.sql.settings.all() as SettingRow[]).map(toSetting);
  }

  setSetting(input: DigestSettingInput): DigestSetting {
    return this.db
      .transaction(() => {
        const person = this.sql.person.get({ id: input.personId }) as SettingRow | undefined;
        if (!person) throw new PactaError("not_found", `there is no person #${input.personId}`);
        this.sql.save.run({
          id: input.personId,
          enabled: input.enabled ? 1 : 0,
          time: input.time,
          at: this.options.now().toISOString(),
        });
        log.info({ personId: input.personId, enabled: input.enabled }, "digest setting");
        return toSetting(this.sql.person.get({ id: input.personId }) as SettingRow);
      })
      .immediate();
  }

  /** One person's digest as of `today`. */
  digest(personId: number, today = localToday(this.options.now())): Digest {
    const person = this.sql.person.get({ id: personId }) as SettingRow | undefined;
    if (!person) throw new PactaError("not_found", `there is no person #${personId}`);
    const until = addDays(today, DIGEST_DAYS);
    const item = (r: ItemRow, late: boolean): DigestItem => ({
      contractId: r.contract_id,
      title: r.title,
      reference: r.reference,
      stage: r.stage,
      dueDate: r.due_date,
      daysLate: late ? Math.round((Date.parse(today) - Date.parse(r.due_date)) / 86_400_000) : 0,
    });
    const late = this.sql.late.all({ id: personId, today }) as ItemRow[];
    const soon = this.sql.soon.all({ id: personId, today, until }) as ItemRow[];
    const held = this.options.reports.report({ responsible: personId }, today);
    return {
      personId,
      person: person.name,
      today,
      late: late.map((r) => item(r, true)),
      dueSoon: soon.map((r) => item(r, false)),
      endingWithin30: held.endingWithin["30"],
      noticeDueWithin30: held.noticeDueWithin["30"],
    };
  }

  /** Sends what is due at `now`; answers the digests this call sent. */
  check(now = this.options.now()): FiredDigest[] {
    const day = localToday(now);
    const at = now.toISOString();
    const fired = this.db
      .transaction(() => {
        const out: FiredDigest[] = [];
        for (const s of this.sql.enabled.all() as SettingRow[]) {
          const fireAt = fireInstant(day, 0, s.time ?? DEFAULT_DIGEST_TIME);
          if (fireAt > at || (s.updated_at ?? "") >= fireAt) continue;
          if (this.sql.claimed.get({ id: s.id, day })) continue;
          const digest = this.digest(s.id, day);
          const late = isLate(fireAt, now);
          const info = this.sql.claim.run({
            id: s.id,
            day,
            fireAt,
            at,
            late: late ? 1 : 0,
            digest: JSON.stringify(digest),
          });
          if (info.changes !== 1) continue;
          out.push({ seq: Number(info.lastInsertRowid), day, firedAt: at, late, digest });
          this.queuePortalMessage(s, digest);
        }
        return out;
      })
      .immediate();
    if (fired.length > 0) log.info({ count: fired.length }, "digests sent");
    return fired;
  }

  private queuePortalMessage(s: SettingRow, digest: Digest): void {
    const portal = this.options.portal();
    const language = this.options.portalLanguage?.() ?? "fr";
    if (!portal || !s.bitrix_user_id) return;
    this.sql.message.run({
      portal,
      user: s.bitrix_user_id,
      tag: `pacta-digest-${s.id}-${digest.today}`,
      message: portalMessage(digest, language, stageNames(this.db, language)),
      at: this.options.now().toISOString(),
    });
  }

  /** The next instant a digest may go out, for the scheduler's timer. */
  nextFireAt(now = this.options.now()): string | null {
    const day = localToday(now);
    const at = now.toISOString();
    let next: string | null = null;
    for (const s of this.sql.enabled.all() as SettingRow[]) {
      const time = s.time ?? DEFAULT_DIGEST_TIME;
      const today = fireInstant(day, 0, time);
      const when = today > at ? today : fireInstant(addDays(day, 1), 0, time);
      if (next === null || when < next) next = when;
    }
    return next;
  }

  feed(since: number, limit: number): DigestFeed {
    const rows = this.sql.feed.all({ since, limit }) as {
      seq: number;
      day: string;
      fired_at: string;
      late: number;
      digest: string;
    }[];
    const items = rows.map((r) => ({
      seq: r.seq,
      day: r.day,
      firedAt: r.fired_at,
      late: r.late === 1,
      digest: JSON.parse(r.digest) as Digest,
    }));
    const newest = (this.sql.lastSeq.get() as { seq: number | null }).seq ?? 0;
    return { cursor: items.at(-1)?.seq ?? since, newest, items };
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const setting = `SELECT p.id, p.name, p.email, p.bitrix_user_id, d.enabled, d.time, d.updated_at
    FROM people p LEFT JOIN digest_settings d ON d.person_id = p.id`;
  const held = `SELECT c.id AS contract_id, c.title, c.reference, v.stage, v.due_date
    FROM contract_stages v
      JOIN contracts c ON c.id = v.contract_id AND c.deleted = 0 AND c.archived = 0
      JOIN stages st ON st.key = v.stage AND st.terminal = 0
    WHERE v.left_at IS NULL AND v.responsible_id = @id`;
  return {
    settings: s(`${setting} WHERE p.archived = 0 ORDER BY p.name COLLATE NOCASE, p.id`),
    person: s(`${setting} WHERE p.id = @id`),
    enabled: s(`${setting} WHERE p.archived = 0 AND d.enabled = 1 ORDER BY p.id`),
    save: s(
      `INSERT INTO digest_settings (person_id, enabled, time, updated_at)
       VALUES (@id, @enabled, @time, @at)
       ON CONFLICT (person_id) DO UPDATE SET enabled = excluded.enabled,
         time = excluded.time, updated_at = excluded.updated_at`,
    ),
    late: s(`${held} AND v.due_date < @today ORDER BY v.due_date, c.id LIMIT 200`),
    soon: s(`${held} AND v.due_date BETWEEN @today AND @until ORDER BY v.due_date, c.id LIMIT 200`),
    claimed: s("SELECT 1 FROM digest_runs WHERE person_id = @id AND day = @day"),
    claim: s(
      `INSERT INTO digest_runs (person_id, day, fire_at, fired_at, late, digest)
       VALUES (@id, @day, @fireAt, @at, @late, @digest)
       ON CONFLICT (person_id, day) DO NOTHING`,
    ),
    message: s(
      `INSERT INTO sync_messages (portal, user_id, tag, message, at)
       VALUES (@portal, @user, @tag, @message, @at)`,
    ),
    feed: s(
      `SELECT seq, day, fired_at, late, digest FROM digest_runs
       WHERE seq > @since ORDER BY seq LIMIT @limit`,
    ),
    lastSeq: s("SELECT max(seq) AS seq FROM digest_runs"),
  };
}
