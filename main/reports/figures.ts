/**
 * The report's figures, each one SQL query over the register (the
 * definitions are in `shared/domain/reports.ts`). Statements are prepared
 * once per filter shape; all figures are read in one transaction, so they
 * describe the same register.
 *
 * TODO(perf): every report reads the whole contracts table once (to copy
 * the selected rows' few columns) and every ended stage visit once (to
 * rank their lengths); at 100,000 contracts that is most of its time. A
 * visit's length kept in its row and an index on it would make the times
 * per stage a range read; not done to keep the register's writes as they are.
 */
import type { Statement } from "better-sqlite3";
import { addDays } from "../../shared/domain/calendar-date";
import { minorDigits, minorToMajor } from "../../shared/domain/money";
import {
  type CurrencyValue,
  type LateStages,
  type ParsedReportFilters,
  RENEWAL_OUTCOMES,
  type RenewalOutcome,
  type Report,
  roundDays,
  type StageTime,
  type StageValue,
  WINDOWS,
  type WindowCounts,
} from "../../shared/domain/reports";
import type { Db } from "../db/open";
import { KEY_DATE_FUNCTION, longestDays, registerKeyDateFunction } from "./key-date-sql";

type Params = Record<string, string | number>;

/** The narrow copy of the contracts a report reads, made once per report. */
const BASE = "temp.report_base";
/** The lengths of the visits the time-per-stage figure reads. */
const VISITS = "temp.report_visits";

/**
 * Copies the contracts the type and tag filters select into a temporary
 * table, with two flags: `in_period` (its dates overlap the period) and
 * `held` (the responsible filter: its current stage is held by that
 * person). One pass over the wide contracts table; every figure then reads
 * this narrow one.
 */
export function baseTable(f: ParsedReportFilters): { sql: string; params: Params } {
  const where = ["c.deleted = 0"];
  const params: Params = {};
  if (f.type) {
    where.push("c.type = @type");
    params.type = f.type;
  }
  if (f.tag) {
    where.push("c.id IN (SELECT t.contract_id FROM contract_tags t WHERE t.tag = @tag)");
    params.tag = f.tag;
  }
  const period: string[] = [];
  if (f.to) {
    period.push(
      "coalesce(c.effective_date, c.signature_date, date(c.created_at, 'localtime')) <= @to",
    );
    params.to = f.to;
  }
  if (f.from) {
    period.push(
      `(c.renewal_kind IN ('automatic', 'evergreen') OR c.end_date IS NULL
        OR c.end_date >= @from)`,
    );
    params.from = f.from;
  }
  let held = "1";
  if (f.responsible) {
    held = `EXISTS (SELECT 1 FROM contract_stages h WHERE h.contract_id = c.id
      AND h.left_at IS NULL AND h.responsible_id = @responsible)`;
    params.responsible = f.responsible;
  }
  const sql = `CREATE TEMP TABLE report_base AS
    SELECT c.id AS id, c.archived AS archived, c.stage AS stage, c.value_minor AS value_minor,
      c.currency AS currency, c.end_date AS end_date, c.renewal_kind AS renewal_kind,
      c.renewal_term AS renewal_term, c.notice_period AS notice_period,
      c.working_days AS working_days,
      (${period.length > 0 ? period.join(" AND ") : "1"}) AS in_period, (${held}) AS held
    FROM contracts c WHERE ${where.join(" AND ")}`;
  return { sql, params };
}

/** The live contracts a snapshot figure counts, in the base table `c`. */
const LIVE = "c.archived = 0 AND c.in_period AND c.held";

function windowCounts(row: Record<string, number | null>, prefix: string): WindowCounts {
  const out = {} as WindowCounts;
  for (const w of WINDOWS) out[String(w) as keyof WindowCounts] = row[`${prefix}${w}`] ?? 0;
  return out;
}

export class ReportFigures {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    registerKeyDateFunction(db);
  }

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Every figure, as of `today`, in one read transaction. */
  report(f: ParsedReportFilters, today: string): Omit<Report, "filters"> {
    // Reads only (it writes TEMP tables): DEFERRED, it never takes the register's write lock.
    return this.db.transaction(() => {
      this.db.prepare(`DROP TABLE IF EXISTS ${BASE}`).run();
      const base = baseTable(f);
      this.db.prepare(base.sql).run(base.params);
      try {
        const dates = this.keyDateCounts(today);
        return {
          today,
          contracts: this.count(),
          active: this.active(today),
          endingWithin: dates.ending,
          noticeDueWithin: dates.notice,
          valueByStage: this.valueByStage(),
          valueByCurrency: this.valueByCurrency(),
          lateStages: this.lateStages(today),
          stageTimes: this.stageTimes(f),
          renewalOutcomes: this.renewalOutcomes(f, today),
          stages: this.stages(),
        };
      } finally {
        this.db.prepare(`DROP TABLE IF EXISTS ${BASE}`).run();
        this.db.prepare(`DROP TABLE IF EXISTS ${VISITS}`).run();
      }
    })();
  }

  private count(): number {
    const sql = `SELECT count(*) AS n FROM ${BASE} c WHERE ${LIVE}`;
    return (this.statement(sql).get() as { n: number }).n;
  }

  private active(today: string): number {
    const sql = `SELECT count(*) AS n FROM ${BASE} c JOIN stages s ON s.key = c.stage
      WHERE ${LIVE} AND s.terminal = 0
        AND s.position >= (SELECT position FROM stages WHERE key = 'active')
        AND (c.renewal_kind IN ('automatic', 'evergreen') OR c.end_date IS NULL
             OR c.end_date >= @today)`;
    return (this.statement(sql).get({ today }) as { n: number }).n;
  }

  private keyDateCounts(today: string) {
    const sums = WINDOWS.flatMap((d) => [
      `sum(term_end BETWEEN @today AND @d${d}) AS e${d}`,
      `sum(notice BETWEEN @today AND @d${d}) AS n${d}`,
    ]).join(", ");
    const args = (which: string) =>
      `'${which}', c.end_date, c.renewal_kind, c.renewal_term, c.notice_period,
       c.working_days, @today`;
    // Plain SQL where the end date says it all: the term end is the end date
    // unless an automatic renewal has rolled over; a notice deadline comes
    // no earlier than the end date less the longest notice period (and a
    // week of holidays), so an end date past that horizon is skipped. Evergreen contracts have no
    // term end, other ones ended before today are past.
    const sql = `WITH d AS MATERIALIZED (
        SELECT
          CASE WHEN c.renewal_kind <> 'automatic' OR c.end_date >= @today THEN c.end_date
               ELSE ${KEY_DATE_FUNCTION}(${args("term_end")}) END AS term_end,
          CASE WHEN c.renewal_kind = 'none' THEN NULL
               WHEN c.end_date > @noticeHorizon THEN NULL
               ELSE ${KEY_DATE_FUNCTION}(${args("notice")}) END AS notice
        FROM ${BASE} c
        WHERE ${LIVE} AND c.end_date IS NOT NULL AND c.renewal_kind <> 'evergreen'
          AND (c.renewal_kind = 'automatic' OR c.end_date >= @today))
      SELECT ${sums} FROM d`;
    const notices = this.statement(`SELECT DISTINCT notice_period AS p FROM ${BASE}`)
      .pluck()
      .all() as (string | null)[];
    const longest = Math.max(0, ...notices.map(longestDays));
    const last = WINDOWS[WINDOWS.length - 1] ?? 90;
    const params: Params = { today, noticeHorizon: addDays(today, last + 7 + longest) };
    for (const d of WINDOWS) params[`d${d}`] = addDays(today, d);
    const row = this.statement(sql).get(params) as Record<string, number | null>;
    return { ending: windowCounts(row, "e"), notice: windowCounts(row, "n") };
  }

  private valueByStage(): StageValue[] {
    const sql = `SELECT c.stage AS stage, c.currency AS currency,
        sum(c.value_minor) AS minor, count(*) AS n
      FROM ${BASE} c JOIN stages s ON s.key = c.stage
      WHERE ${LIVE} AND c.value_minor IS NOT NULL AND c.currency IS NOT NULL
      GROUP BY c.stage, c.currency ORDER BY min(s.position), c.currency`;
    const rows = this.statement(sql).safeIntegers(true).all() as {
      stage: string;
      currency: string;
      minor: bigint;
      n: bigint;
    }[];
    return rows.map((r) => ({
      stage: r.stage,
      currency: r.currency,
      ...money(r.minor, r.currency),
      count: Number(r.n),
    }));
  }

  private valueByCurrency(): CurrencyValue[] {
    const sql = `SELECT c.currency AS currency, sum(c.value_minor) AS minor, count(*) AS n
      FROM ${BASE} c
      WHERE ${LIVE} AND c.value_minor IS NOT NULL AND c.currency IS NOT NULL
      GROUP BY c.currency ORDER BY c.currency`;
    const rows = this.statement(sql).safeIntegers(true).all() as {
      currency: string;
      minor: bigint;
      n: bigint;
    }[];
    return rows.map((r) => ({
      currency: r.currency,
      ...money(r.minor, r.currency),
      count: Number(r.n),
    }));
  }

  private lateStages(today: string): LateStages[] {
    const sql = `SELECT v.responsible_id AS id, p.name AS name, count(*) AS n
      FROM contract_stages v
        JOIN stages s ON s.key = v.stage
        LEFT JOIN people p ON p.id = v.responsible_id
      WHERE v.left_at IS NULL AND s.terminal = 0 AND v.due_date < @today
        AND v.contract_id IN (SELECT c.id FROM ${BASE} c WHERE ${LIVE})
      GROUP BY v.responsible_id ORDER BY n DESC, p.name IS NULL, p.name COLLATE NOCASE`;
    const rows = this.statement(sql).all({ today }) as {
      id: number | null;
      name: string | null;
      n: number;
    }[];
    return rows.map((r) => ({ responsible: r.name, responsibleId: r.id, count: r.n }));
  }

  private stageTimes(f: ParsedReportFilters): StageTime[] {
    const parts = ["v.left_at IS NOT NULL"];
    const params: Params = {};
    if (f.responsible) {
      parts.push("v.responsible_id = @responsible");
      params.responsible = f.responsible;
    }
    if (f.from) {
      parts.push("date(v.left_at, 'localtime') >= @from");
      params.from = f.from;
    }
    if (f.to) {
      parts.push("date(v.left_at, 'localtime') <= @to");
      params.to = f.to;
    }
    // The visits' lengths, numbered in order within each stage: a rank is
    // then one lookup by row id.
    this.db.prepare(`DROP TABLE IF EXISTS ${VISITS}`).run();
    this.db
      .prepare(`CREATE TEMP TABLE report_visits (rn INTEGER PRIMARY KEY, stage TEXT, days REAL)`)
      .run();
    this.db
      .prepare(
        `INSERT INTO ${VISITS} (stage, days)
         SELECT v.stage, julianday(v.left_at) - julianday(v.entered_at) AS days
         FROM contract_stages v
         WHERE ${parts.join(" AND ")} AND v.contract_id IN (SELECT id FROM ${BASE})
         ORDER BY v.stage, days`,
      )
      .run(params);
    // Percentiles by linear interpolation between the ranks around (n - 1) × p.
    const pick = (p: number) => {
      const pos = `((n - 1) * ${p})`;
      const lo = `CAST(${pos} AS INTEGER)`;
      const at = (offset: string) => `(SELECT days FROM ${VISITS} WHERE rn = first + ${offset})`;
      return `(${at(lo)} * (1 - (${pos} - ${lo}))
        + coalesce(${at(`${lo} + 1`)}, 0) * (${pos} - ${lo}))`;
    };
    const sql = `WITH g AS (
        SELECT stage, min(rn) AS first, count(*) AS n FROM ${VISITS} GROUP BY stage)
      SELECT g.stage AS stage, n, ${pick(0.5)} AS median, ${pick(0.9)} AS p90
      FROM g JOIN stages s ON s.key = g.stage ORDER BY s.position`;
    const rows = this.statement(sql).all() as {
      stage: string;
      n: number;
      median: number;
      p90: number;
    }[];
    return rows.map((r) => ({
      stage: r.stage,
      visits: r.n,
      medianDays: roundDays(Math.max(0, r.median)),
      p90Days: roundDays(Math.max(0, r.p90)),
    }));
  }

  // TODO(reports): an optional renewal that was exercised is recorded by moving its end date
  // (an edit in the history), which is not read here: unless it went through the renewal
  // stage, it counts as lapsed once its first end date passed.
  private renewalOutcomes(f: ParsedReportFilters, today: string): Record<RenewalOutcome, number> {
    const params: Params = { today };
    const inPeriod: string[] = [];
    if (f.from) {
      inPeriod.push("day >= @from");
      params.from = f.from;
    }
    if (f.to) {
      inPeriod.push("day <= @to");
      params.to = f.to;
    }
    const sql = `WITH renewals AS (
        SELECT m.contract_id, max(m.at) AS at
        FROM stage_moves m JOIN stages t ON t.key = m.to_stage
        WHERE m.from_stage = 'renewal' AND t.terminal = 0
        GROUP BY m.contract_id),
      o AS (
        SELECT
          CASE WHEN s.terminal = 1 AND c.stage = 'expired' THEN 'lapsed'
               WHEN s.terminal = 1 THEN 'terminated'
               WHEN r.at IS NOT NULL THEN 'renewed'
               WHEN c.renewal_kind = 'automatic' AND c.end_date < @today THEN 'renewed'
               WHEN c.renewal_kind IN ('none', 'optional') AND c.end_date < @today
                 THEN 'lapsed'
          END AS outcome,
          CASE WHEN s.terminal = 1 THEN
                 (SELECT date(h.entered_at, 'localtime') FROM contract_stages h
                  WHERE h.contract_id = c.id AND h.left_at IS NULL)
               WHEN r.at IS NOT NULL THEN date(r.at, 'localtime')
               ELSE c.end_date
          END AS day
        FROM ${BASE} c JOIN stages s ON s.key = c.stage
          LEFT JOIN renewals r ON r.contract_id = c.id
        WHERE c.held)
      SELECT outcome, count(*) AS n FROM o
      WHERE outcome IS NOT NULL ${inPeriod.map((p) => `AND ${p}`).join(" ")}
      GROUP BY outcome`;
    const rows = this.statement(sql).all(params) as { outcome: RenewalOutcome; n: number }[];
    const out = Object.fromEntries(RENEWAL_OUTCOMES.map((o) => [o, 0])) as Record<
      RenewalOutcome,
      number
    >;
    for (const r of rows) out[r.outcome] = r.n;
    return out;
  }

  private stages(): Report["stages"] {
    const rows = this.statement(
      "SELECT key, name_fr, name_en FROM stages ORDER BY position",
    ).all() as { key: string; name_fr: string; name_en: string }[];
    return rows.map((r) => ({ key: r.key, names: { fr: r.name_fr, en: r.name_en } }));
  }
}

/** Exact minor units as text, and major units as a JSON number. */
function money(minor: bigint, currency: string): { total: number; totalMinor: string } {
  const safe =
    minor <= BigInt(Number.MAX_SAFE_INTEGER) && minor >= -BigInt(Number.MAX_SAFE_INTEGER);
  // TODO(reports): a sum past 2^53 minor units is exact in `totalMinor` only; `total` rounds.
  const total = safe
    ? minorToMajor(Number(minor), currency)
    : Number(minor) / 10 ** minorDigits(currency);
  return { total, totalMinor: minor.toString() };
}
