/**
 * The templates store: every save appends a version (never rewritten), with
 * an optimistic check that the editor started from the newest one.
 */

import { type FieldIssue, PactaError } from "../../shared/api/result";
import type { TemplateComparison } from "../../shared/api/templates";
import {
  type Template,
  type TemplateContent,
  type TemplateProblem,
  type TemplateSummary,
  type TemplateVersion,
  type TemplateVersionSummary,
  templateContentSchema,
} from "../../shared/domain/templates";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import { checkTemplate } from "./check";
import { compareVersions } from "./compare";
import { sanitizeBody } from "./html";
import { importMarkdown, type MarkdownImport } from "./markdown";

const log = createLogger("templates");

export interface TemplatesOptions {
  actor: string;
  now: () => Date;
}

interface TemplateRow {
  id: number;
  name: string;
  language: "fr" | "en";
  archived: number;
  current_version: number;
  section_count: number;
  field_count: number;
  updated_at: string;
}

interface VersionRow {
  template_id: number;
  version: number;
  content: string;
  saved_at: string;
  saved_by: string;
  note: string | null;
}

export class Templates {
  private lastStamp = 0;
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    readonly db: Db,
    private readonly options: TemplatesOptions,
  ) {
    this.sql = prepare(db);
  }

  list(includeArchived = false): TemplateSummary[] {
    const rows = this.sql.list.all({ all: includeArchived ? 1 : 0 }) as TemplateRow[];
    return rows.map(toSummary);
  }

  /** The newest version, or the one asked for (its number is `version`). */
  get(id: number, version?: number | null): Template {
    const row = this.row(id);
    const v = this.versionRow(id, version ?? row.current_version);
    const content = parseContent(v.content);
    return {
      ...toSummary(row),
      name: content.name,
      language: content.language,
      version: v.version,
      sectionCount: content.sections.length,
      fieldCount: content.fields.length,
      content,
    };
  }

  create(content: TemplateContent, note: string | null = null): Template {
    const clean = this.prepareContent(content);
    const id = this.db
      .transaction(() => {
        const at = this.stamp();
        const info = this.sql.insert.run({ ...counts(clean), at });
        const id = Number(info.lastInsertRowid);
        this.appendVersion(id, 1, clean, at, note);
        return id;
      })
      .immediate();
    log.info({ id, sections: clean.sections.length }, "template created");
    return this.get(id);
  }

  /** Saves a new version; refused when someone saved since `expectedVersion`. */
  save(id: number, content: TemplateContent, expectedVersion: number, note?: string | null) {
    const clean = this.prepareContent(content);
    this.db
      .transaction(() => {
        const row = this.row(id);
        if (row.current_version !== expectedVersion) {
          throw new PactaError(
            "stale_update",
            `template #${id} is at version ${row.current_version}, saved after version ` +
              `${expectedVersion} this edit began from`,
          );
        }
        this.saveVersion(row, clean, note ?? null);
      })
      .immediate();
    return this.get(id);
  }

  /** Saves an earlier version's content as the newest version. */
  restore(id: number, version: number): Template {
    this.db
      .transaction(() => {
        const row = this.row(id);
        const old = parseContent(this.versionRow(id, version).content);
        this.saveVersion(row, old, `restored version ${version}`);
      })
      .immediate();
    return this.get(id);
  }

  versions(id: number): TemplateVersionSummary[] {
    this.row(id);
    return (this.sql.versions.all({ id }) as Omit<VersionRow, "content">[]).map((v) => ({
      version: v.version,
      savedAt: v.saved_at,
      savedBy: v.saved_by,
      note: v.note,
    }));
  }

  version(id: number, version: number): TemplateVersion {
    this.row(id);
    const v = this.versionRow(id, version);
    return {
      templateId: id,
      version: v.version,
      savedAt: v.saved_at,
      savedBy: v.saved_by,
      note: v.note,
      content: parseContent(v.content),
    };
  }

  compare(id: number, from: number, to: number): TemplateComparison {
    const a = this.version(id, from).content;
    const b = this.version(id, to).content;
    return { templateId: id, from, to, ...compareVersions(a, b) };
  }

  archive(id: number, archived: boolean): Template {
    this.row(id);
    this.sql.archive.run({ id, archived: archived ? 1 : 0, at: this.stamp() });
    return this.get(id);
  }

  /** Party roles the register uses, most used first, for the catalog of fields. */
  partyRoles(limit = 12): string[] {
    const rows = this.sql.roles.all({ limit }) as { role: string }[];
    const roles = rows.map((r) => r.role);
    return roles.some((r) => r.toLowerCase() === "client") ? roles : ["client", ...roles];
  }

  importMarkdown(input: MarkdownImport): Template {
    const content = importMarkdown(input);
    return this.create(content, `imported from ${input.fileName}`);
  }

  /**
   * Checks and cleans content before it is stored; syntax errors refuse the
   * save (placed in the bodies as sent, before they are cleaned).
   */
  private prepareContent(content: TemplateContent): TemplateContent {
    const sent = templateContentSchema.parse(content);
    const errors = checkTemplate(sent).filter((p) => p.kind === "syntax");
    if (errors.length > 0) throw syntaxError(sent, errors);
    const clean = templateContentSchema.parse({
      ...sent,
      sections: sent.sections.map((s) => ({ ...s, body: sanitizeBody(s.body) })),
    });
    const after = checkTemplate(clean).filter((p) => p.kind === "syntax");
    if (after.length > 0) throw syntaxError(clean, after);
    return clean;
  }

  private saveVersion(row: TemplateRow, content: TemplateContent, note: string | null): void {
    const at = this.stamp();
    const version = row.current_version + 1;
    this.appendVersion(row.id, version, content, at, note);
    this.sql.update.run({ id: row.id, version, ...counts(content), at });
  }

  private appendVersion(
    id: number,
    version: number,
    content: TemplateContent,
    at: string,
    note: string | null,
  ): void {
    this.sql.insertVersion.run({
      id,
      version,
      content: JSON.stringify(content),
      at,
      by: this.options.actor,
      note: note?.trim() || null,
    });
  }

  private row(id: number): TemplateRow {
    const row = this.sql.byId.get({ id }) as TemplateRow | undefined;
    if (!row) throw new PactaError("not_found", `there is no template #${id}`);
    return row;
  }

  private versionRow(id: number, version: number): VersionRow {
    const v = this.sql.version.get({ id, version }) as VersionRow | undefined;
    if (!v) throw new PactaError("not_found", `template #${id} has no version ${version}`);
    return v;
  }

  /** An ISO timestamp that always moves forward within this process. */
  private stamp(): string {
    const ms = Math.max(this.options.now().getTime(), this.lastStamp + 1);
    this.lastStamp = ms;
    return new Date(ms).toISOString();
  }
}

function counts(content: TemplateContent) {
  return {
    name: content.name,
    language: content.language,
    sections: content.sections.length,
    fields: content.fields.length,
  };
}

function toSummary(row: TemplateRow): TemplateSummary {
  return {
    id: row.id,
    name: row.name,
    language: row.language,
    version: row.current_version,
    sectionCount: row.section_count,
    fieldCount: row.field_count,
    archived: row.archived === 1,
    updatedAt: row.updated_at,
  };
}

function parseContent(json: string): TemplateContent {
  return templateContentSchema.parse(JSON.parse(json));
}

/** "the template has syntax errors: «Prix», line 3, column 5: …" with one issue each. */
export function syntaxError(content: TemplateContent, errors: TemplateProblem[]): PactaError {
  const issues: FieldIssue[] = errors.map((p) => {
    const index = content.sections.findIndex((s) => s.id === p.sectionId);
    const title = content.sections[index]?.title ?? "";
    const place =
      p.line === null ? "" : `, line ${p.line}${p.column ? `, column ${p.column}` : ""}`;
    return {
      path: index >= 0 ? ["content", "sections", index, "body"] : ["content"],
      message: `“${title}”${place}: ${p.message}`,
    };
  });
  const shown = issues
    .slice(0, 5)
    .map((i) => i.message)
    .join("; ");
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : "";
  const count = issues.length === 1 ? "a syntax error" : `${issues.length} syntax errors`;
  return new PactaError("invalid_argument", `the template has ${count}: ${shown}${more}`, issues);
}

function prepare(db: Db) {
  const columns = `id, name, language, archived, current_version, section_count, field_count,
    updated_at`;
  return {
    list: db.prepare(
      `SELECT ${columns} FROM templates WHERE archived = 0 OR @all = 1
       ORDER BY name COLLATE NOCASE, id`,
    ),
    roles: db.prepare(
      `SELECT min(role) AS role FROM parties WHERE role IS NOT NULL AND role <> ''
       GROUP BY lower(role) ORDER BY count(*) DESC, lower(role) LIMIT @limit`,
    ),
    byId: db.prepare(`SELECT ${columns} FROM templates WHERE id = @id`),
    insert: db.prepare(
      `INSERT INTO templates (name, language, current_version, section_count, field_count,
         created_at, updated_at)
       VALUES (@name, @language, 1, @sections, @fields, @at, @at)`,
    ),
    update: db.prepare(
      `UPDATE templates SET name = @name, language = @language, current_version = @version,
         section_count = @sections, field_count = @fields, updated_at = @at
       WHERE id = @id`,
    ),
    archive: db.prepare(
      "UPDATE templates SET archived = @archived, updated_at = @at WHERE id = @id",
    ),
    insertVersion: db.prepare(
      `INSERT INTO template_versions (template_id, version, content, saved_at, saved_by, note)
       VALUES (@id, @version, @content, @at, @by, @note)`,
    ),
    versions: db.prepare(
      `SELECT version, saved_at, saved_by, note FROM template_versions
       WHERE template_id = @id ORDER BY version DESC`,
    ),
    version: db.prepare(
      `SELECT template_id, version, content, saved_at, saved_by, note FROM template_versions
       WHERE template_id = @id AND version = @version`,
    ),
  };
}
