/**
 * Listing and searching the register: full text (FTS5) combined with
 * filters, sorted and paged. Statements are prepared once per shape.
 */
import type { Statement } from "better-sqlite3";
import type { ContractPage, Facets, ListQuery, SortKey } from "../../shared/api/contract";
import { listQuerySchema } from "../../shared/api/contract";
import { addDays, localToday } from "../../shared/domain/calendar-date";
import type { ContractSummary } from "../../shared/domain/contract";
import { toFtsQuery } from "../../shared/domain/search-text";
import type { Db } from "../db/open";
import { KEY_DATE_FUNCTION, registerKeyDateFunction } from "../reports/key-date-sql";
import { type SummaryRow, TAG_SEPARATOR, toSummary } from "./rows";

const ORDER: Record<SortKey, string> = {
  title: "c.title COLLATE NOCASE",
  reference: "c.reference IS NULL, c.reference COLLATE NOCASE",
  endDate: "c.end_date IS NULL, c.end_date",
  value: "c.value_minor IS NULL, c.value_minor",
  updatedAt: "c.updated_at",
  stage: "(SELECT position FROM stages s WHERE s.key = c.stage)",
};

const SUMMARY_COLUMNS = `c.*,
  (SELECT p.name FROM parties p WHERE p.contract_id = c.id AND p.internal = 0
    ORDER BY p.position LIMIT 1) AS counterparty,
  (SELECT group_concat(t.tag, '${TAG_SEPARATOR}') FROM contract_tags t
    WHERE t.contract_id = c.id) AS tag_list`;

const SEARCHED_COLUMNS = "{title reference parties notes tags}";

/**
 * The person's terms, in the text columns only, and the archive state
 * wanted. Every indexed row is either live or archived, so "not archived"
 * is "live": and it is much cheaper, since FTS5 skips the few archived
 * rows instead of walking the long list of live ones.
 */
function ftsMatch(terms: string, archived: "exclude" | "include" | "only"): string {
  const text = `${SEARCHED_COLUMNS} : (${terms})`;
  if (archived === "exclude") return `${text} NOT state : archived`;
  if (archived === "only") return `${text} AND state : archived`;
  return text;
}

/**
 * A search with at most this many matches is paged from their ids, looked
 * up and sorted. With more, walking a sort order's index and keeping the
 * matches costs less than sorting them all; with fewer, that walk reads
 * far more of the index than there are matches (a reference: 10 matches,
 * 100,000 entries walked).
 */
export const FEW_MATCHES = 1000;

// TODO(perf): a prefix word that many rows share ("bench"* in every
// reference, "mar"*) makes FTS5 copy that word's whole list of rows, on
// each of the two readings (3-4 ms each at 100,000 contracts): search p95
// is close to its 10 ms target. Rewriting such a word as the exact
// tokens it stands for (read from an fts5vocab table, cached until the
// next write) would let FTS5 skip through the lists instead.

/**
 * "Ends within N days" is about the current term end, as in the reports:
 * the end date itself, or for an automatic renewal whose end date has
 * passed, the term it has rolled over to (the key-date SQL function). Only
 * those rows call the function; the others read the end date's index.
 * TODO(perf): at 100,000 generated contracts (many automatic renewals with
 * past end dates) the bench's filtered lists went from 15 to 339 ms at p95,
 * 85-166 ms since the function remembers its answers; a current term end kept
 * in a column (updated on write and when a term rolls over) would be
 * indexable.
 */
const ENDING_WITHIN = `(c.end_date BETWEEN @today AND @until
  OR (c.renewal_kind = 'automatic' AND c.end_date < @today
    AND ${KEY_DATE_FUNCTION}('term_end', c.end_date, c.renewal_kind, c.renewal_term,
      c.notice_period, c.working_days, @today) BETWEEN @today AND @until))`;

export interface ListOptions {
  /** Searches with at most this many matches are paged from their ids. */
  fewMatches?: number;
}

export class ContractList {
  private readonly statements = new Map<string, Statement>();
  private readonly fewMatches: number;

  constructor(
    private readonly db: Db,
    options: ListOptions = {},
  ) {
    this.fewMatches = options.fewMatches ?? FEW_MATCHES;
    registerKeyDateFunction(db);
  }

  list(input: ListQuery, today: string = localToday()): ContractPage {
    const q = listQuerySchema.parse(input);
    const where: string[] = ["c.deleted = 0"];
    const params: Record<string, string | number> = {};
    if (q.archived === "exclude") where.push("c.archived = 0");
    if (q.archived === "only") where.push("c.archived = 1");
    const terms = toFtsQuery(q.search);
    if (!terms && q.search.trim() !== "") {
      // Only punctuation was typed: nothing can match it.
      return { total: 0, rows: [] };
    }
    let onlySearch = true;
    const narrow = (clause: string, values: Record<string, string | number> = {}) => {
      where.push(clause);
      Object.assign(params, values);
      onlySearch = false;
    };
    if (q.stage) narrow("c.stage = @stage", { stage: q.stage });
    if (q.type) narrow("c.type = @type", { type: q.type });
    if (q.tag) {
      narrow("EXISTS (SELECT 1 FROM contract_tags t WHERE t.contract_id = c.id AND t.tag = @tag)", {
        tag: q.tag,
      });
    }
    if (q.endingWithinDays !== null && q.endingWithinDays !== undefined) {
      narrow(ENDING_WITHIN, {
        today,
        until: addDays(today, q.endingWithinDays),
      });
    }
    if (q.needsReview === true) narrow("c.review_flags <> '[]'");
    if (q.needsReview === false) narrow("c.review_flags = '[]'");
    const dir = q.direction === "asc" ? "ASC" : "DESC";
    const order = ORDER[q.sort]
      .split(", ")
      .map((part) => (part.endsWith("IS NULL") ? part : `${part} ${dir}`))
      .join(", ");
    const paging = { limit: q.limit, offset: q.offset };
    // Reads only, so DEFERRED (no write lock): the count and the page see the same register.
    return this.db.transaction((): ContractPage => {
      if (!terms) {
        const total = this.count("contracts c", where, params);
        if (total === 0) return { total, rows: [] };
        return {
          total,
          rows: this.page("contracts c", where, order, dir, { ...params, ...paging }),
        };
      }
      // Count the matches in the index first: how many decides how to page them.
      const match = ftsMatch(terms, q.archived);
      const matches = this.count("contracts_fts", ["contracts_fts MATCH @match"], { match });
      if (matches === 0) return { total: 0, rows: [] };
      if (matches <= this.fewMatches) {
        // Few: their ids drive the query, looked up and sorted.
        const ids = this.statement(
          "SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH @match",
        )
          .pluck()
          .all({ match }) as number[];
        const from = "json_each(@ids) AS m CROSS JOIN contracts c ON c.id = m.value";
        const values = { ...params, ids: JSON.stringify(ids) };
        const total = onlySearch ? ids.length : this.count(from, where, values);
        if (total === 0) return { total, rows: [] };
        return { total, rows: this.page(from, where, order, dir, { ...values, ...paging }) };
      }
      // Many: walk the sort order's index and keep the matches.
      const values = { ...params, match };
      where.push("c.id IN (SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH @match)");
      // With only a search, the index has counted them (it holds each row's
      // live/archived state); filters are counted in the table.
      const total = onlySearch ? matches : this.count("contracts c", where, values);
      if (total === 0) return { total, rows: [] };
      return { total, rows: this.page("contracts c", where, order, dir, { ...values, ...paging }) };
    })();
  }

  private count(from: string, where: string[], params: Record<string, string | number>): number {
    const sql = `SELECT count(*) AS n FROM ${from} WHERE ${where.join(" AND ")}`;
    return (this.statement(sql).get(params) as { n: number }).n;
  }

  /** Sorts and pages on ids first, then reads the summary columns of one page. */
  private page(
    from: string,
    where: string[],
    order: string,
    dir: string,
    params: Record<string, string | number>,
  ): ContractSummary[] {
    const rows = this.statement(
      `WITH page AS (
         SELECT c.id FROM ${from} WHERE ${where.join(" AND ")}
         ORDER BY ${order}, c.id ${dir} LIMIT @limit OFFSET @offset)
       SELECT ${SUMMARY_COLUMNS} FROM page JOIN contracts c ON c.id = page.id
       ORDER BY ${order}, c.id ${dir}`,
    ).all(params) as SummaryRow[];
    return rows.map(toSummary);
  }

  facets(): Facets {
    const stages = this.db
      .prepare("SELECT key, name_fr, name_en, terminal FROM stages ORDER BY position")
      .all() as { key: string; name_fr: string; name_en: string; terminal: number }[];
    const strings = (sql: string) =>
      (this.db.prepare(sql).all() as { v: string }[]).map((r) => r.v);
    return {
      stages: stages.map((s) => ({
        key: s.key,
        names: { fr: s.name_fr, en: s.name_en },
        terminal: s.terminal === 1,
      })),
      types: strings(
        `SELECT DISTINCT type AS v FROM contracts
         WHERE deleted = 0 AND type IS NOT NULL ORDER BY v`,
      ),
      tags: strings(
        `SELECT DISTINCT t.tag AS v FROM contract_tags t
         JOIN contracts c ON c.id = t.contract_id WHERE c.deleted = 0 ORDER BY v`,
      ),
      currencies: strings(
        `SELECT DISTINCT currency AS v FROM contracts
         WHERE deleted = 0 AND currency IS NOT NULL ORDER BY v`,
      ),
    };
  }

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}
