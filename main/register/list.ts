/**
 * Listing and searching the register: full text (FTS5) combined with
 * filters, sorted and paged. Statements are prepared once per shape.
 */
import type { Statement } from "better-sqlite3";
import type { ContractPage, Facets, ListQuery, SortKey } from "../../shared/api/contract";
import { listQuerySchema } from "../../shared/api/contract";
import { addDays, localToday } from "../../shared/domain/calendar-date";
import { toFtsQuery } from "../../shared/domain/search-text";
import type { Db } from "../db/open";
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

/** The person's terms, in the text columns only, and the archive state wanted. */
function ftsMatch(terms: string, archived: "exclude" | "include" | "only"): string {
  const text = `${SEARCHED_COLUMNS} : (${terms})`;
  if (archived === "exclude") return `${text} AND state : live`;
  if (archived === "only") return `${text} AND state : archived`;
  return text;
}

// TODO(perf): searches whose words match half the register ("con", "s")
// read every match to count and sort them (15-25 ms at 100,000 contracts,
// against a 10 ms p95 target); a capped count or keyset paging would help.
export class ContractList {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  list(input: ListQuery, today: string = localToday()): ContractPage {
    const q = listQuerySchema.parse(input);
    const where: string[] = ["c.deleted = 0"];
    const params: Record<string, string | number> = {};
    if (q.archived === "exclude") where.push("c.archived = 0");
    if (q.archived === "only") where.push("c.archived = 1");
    const terms = toFtsQuery(q.search);
    if (terms) {
      where.push("c.id IN (SELECT rowid FROM contracts_fts WHERE contracts_fts MATCH @match)");
      params.match = ftsMatch(terms, q.archived);
    } else if (q.search.trim() !== "") {
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
      narrow("c.end_date BETWEEN @today AND @until", {
        today,
        until: addDays(today, q.endingWithinDays),
      });
    }
    if (q.needsReview === true) narrow("c.review_flags <> '[]'");
    if (q.needsReview === false) narrow("c.review_flags = '[]'");
    const filter = where.join(" AND ");
    const dir = q.direction === "asc" ? "ASC" : "DESC";
    const order = ORDER[q.sort]
      .split(", ")
      .map((part) => (part.endsWith("IS NULL") ? part : `${part} ${dir}`))
      .join(", ");
    // With only a search, the index knows the count (it holds each row's
    // live/archived state); otherwise the table is asked.
    const countSql =
      terms && onlySearch
        ? "SELECT count(*) AS n FROM contracts_fts WHERE contracts_fts MATCH @match"
        : `SELECT count(*) AS n FROM contracts c WHERE ${filter}`;
    const countParams = terms && onlySearch ? { match: params.match ?? "" } : params;
    const total = (this.statement(countSql).get(countParams) as { n: number }).n;
    if (total === 0) return { total, rows: [] };
    // Sort and page on ids first, then read the summary columns of one page.
    const rows = this.statement(
      `WITH page AS (
         SELECT c.id FROM contracts c WHERE ${filter}
         ORDER BY ${order}, c.id ${dir} LIMIT @limit OFFSET @offset)
       SELECT ${SUMMARY_COLUMNS} FROM page JOIN contracts c ON c.id = page.id
       ORDER BY ${order}, c.id ${dir}`,
    ).all({ ...params, limit: q.limit, offset: q.offset }) as SummaryRow[];
    return { total, rows: rows.map(toSummary) };
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
