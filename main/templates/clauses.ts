/**
 * The clause library: named, tagged clauses marked approved or fallback,
 * found by words of their name, tags or text (accents and case ignored).
 */
import { PactaError } from "../../shared/api/result";
import { foldLigatures } from "../../shared/domain/search-text";
import {
  type Clause,
  type ClauseInput,
  type ClauseStatus,
  clauseInputSchema,
  type TemplateLanguage,
} from "../../shared/domain/templates";
import type { Db } from "../db/open";
import { htmlToText, sanitizeBody } from "./html";

interface ClauseRow {
  id: number;
  name: string;
  tags: string;
  status: ClauseStatus;
  language: TemplateLanguage;
  body: string;
  updated_at: string;
}

/**
 * The key two clause names of one language must not share: the name
 * without case differences (Unicode-aware, which SQLite's NOCASE is not),
 * NFC-normalized and with runs of spaces as one.
 */
export function clauseNameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/** Lower case, no accents, ligatures spelled out: what search compares. */
export function fold(text: string): string {
  return foldLigatures(text.normalize("NFD").replace(/\p{M}/gu, ""))
    .toLowerCase()
    .replace(/\s+/g, " ");
}

export class Clauses {
  private lastStamp = 0;

  constructor(
    readonly db: Db,
    private readonly now: () => Date,
  ) {}

  list(search = "", tag: string | null = null): Clause[] {
    const words =
      fold(search)
        .match(/[\p{L}\p{N}]+/gu)
        ?.slice(0, 16) ?? [];
    const where = words.map((_, i) => `search_text LIKE @w${i} ESCAPE '\\'`);
    const params: Record<string, string> = {};
    words.forEach((w, i) => {
      params[`w${i}`] = `%${w.replace(/[\\%_]/g, "\\$&")}%`;
    });
    if (tag) {
      where.push(
        "EXISTS (SELECT 1 FROM json_each(clauses.tags) WHERE value = @tag COLLATE NOCASE)",
      );
      params.tag = tag.trim();
    }
    const rows = this.db
      .prepare(
        `SELECT id, name, tags, status, language, body, updated_at FROM clauses
         ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY name COLLATE NOCASE, id`,
      )
      .all(params) as ClauseRow[];
    return rows.map(toClause);
  }

  get(id: number): Clause {
    const row = this.db
      .prepare(
        "SELECT id, name, tags, status, language, body, updated_at FROM clauses WHERE id = ?",
      )
      .get(id) as ClauseRow | undefined;
    if (!row) throw new PactaError("not_found", `there is no clause #${id}`);
    return toClause(row);
  }

  create(input: ClauseInput): Clause {
    const c = clean(input);
    const id = this.db
      .transaction(() => {
        this.refuseDuplicate(c.name, c.language, null);
        const info = this.db
          .prepare(
            `INSERT INTO clauses (name, name_key, tags, status, language, body, search_text,
             created_at, updated_at)
           VALUES (@name, @key, @tags, @status, @language, @body, @search, @at, @at)`,
          )
          .run({ ...c, key: clauseNameKey(c.name), at: this.stamp() });
        return Number(info.lastInsertRowid);
      })
      .immediate();
    return this.get(id);
  }

  update(id: number, input: ClauseInput): Clause {
    this.get(id);
    const c = clean(input);
    this.db
      .transaction(() => {
        this.refuseDuplicate(c.name, c.language, id);
        this.db
          .prepare(
            `UPDATE clauses SET name = @name, name_key = @key, tags = @tags, status = @status,
             language = @language, body = @body, search_text = @search, updated_at = @at
           WHERE id = @id`,
          )
          .run({ ...c, key: clauseNameKey(c.name), id, at: this.stamp() });
      })
      .immediate();
    return this.get(id);
  }

  remove(id: number): { id: number } {
    this.get(id);
    this.db.prepare("DELETE FROM clauses WHERE id = ?").run(id);
    return { id };
  }

  /**
   * Two clauses of one language never share a name, whatever its case: a
   * unique index on (language, name_key) holds it; this names the clause
   * already there. Called inside the write's transaction.
   */
  private refuseDuplicate(name: string, language: TemplateLanguage, self: number | null): void {
    const same = this.db
      .prepare("SELECT id, name FROM clauses WHERE language = ? AND name_key = ? AND id IS NOT ?")
      .get(language, clauseNameKey(name), self) as { id: number; name: string } | undefined;
    if (!same) return;
    const message =
      `the library already has a clause named “${same.name}” (#${same.id}) in ` +
      `${language === "fr" ? "French" : "English"}: give this one another name, or edit that one`;
    throw new PactaError("invalid_argument", message, [{ path: ["name"], message }]);
  }

  private stamp(): string {
    const ms = Math.max(this.now().getTime(), this.lastStamp + 1);
    this.lastStamp = ms;
    return new Date(ms).toISOString();
  }
}

function clean(input: ClauseInput) {
  const c = clauseInputSchema.parse(input);
  const tags = [...new Set(c.tags)].sort((a, b) => a.localeCompare(b));
  const body = sanitizeBody(c.body);
  if (htmlToText(body).trim() === "") {
    const message = "the clause has no text: write the clause before saving it";
    throw new PactaError("invalid_argument", message, [{ path: ["body"], message }]);
  }
  return {
    name: c.name,
    tags: JSON.stringify(tags),
    status: c.status,
    language: c.language,
    body,
    search: fold(`${c.name}\n${tags.join(" ")}\n${htmlToText(body)}`),
  };
}

function toClause(row: ClauseRow): Clause {
  return {
    id: row.id,
    name: row.name,
    tags: JSON.parse(row.tags) as string[],
    status: row.status,
    language: row.language,
    body: row.body,
    updatedAt: row.updated_at,
  };
}
