/**
 * Questionnaire definitions: every save that changes the questions appends
 * a version (never rewritten); attachments keep the version they were
 * handed out in. A question keeps its id from version to version.
 */
import { PactaError } from "../../shared/api/result";
import {
  type Question,
  type Questionnaire,
  type QuestionnaireContent,
  type QuestionnaireContentInput,
  type QuestionnaireSummary,
  questionnaireContentSchema,
  type StageTrigger,
} from "../../shared/domain/questionnaires";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";

const log = createLogger("questionnaires");

export interface QuestionnaireOptions {
  actor: string;
  now: () => Date;
}

interface Row {
  id: number;
  title: string;
  language: "fr" | "en";
  archived: number;
  current_version: number;
  question_count: number;
  trigger_stage: string | null;
  trigger_role: string | null;
  updated_at: string;
  attachments?: number;
  answered?: number;
}

interface VersionRow {
  version: number;
  content: string;
  saved_at: string;
  saved_by: string;
}

export class QuestionnaireDefinitions {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    readonly db: Db,
    private readonly options: QuestionnaireOptions,
  ) {
    this.sql = prepare(db);
  }

  list(includeArchived = false): QuestionnaireSummary[] {
    const rows = this.sql.list.all({ all: includeArchived ? 1 : 0 }) as Row[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      language: r.language,
      version: r.current_version,
      questionCount: r.question_count,
      archived: r.archived === 1,
      trigger: triggerOf(r),
      attachments: r.attachments ?? 0,
      answered: r.answered ?? 0,
      updatedAt: r.updated_at,
    }));
  }

  /** The newest version, or the one asked for. */
  get(id: number, version?: number | null): Questionnaire {
    const row = this.row(id);
    const v = this.sql.version.get({ id, version: version ?? row.current_version }) as
      | VersionRow
      | undefined;
    if (!v) throw new PactaError("not_found", `questionnaire #${id} has no version ${version}`);
    return {
      id,
      version: v.version,
      currentVersion: row.current_version,
      content: JSON.parse(v.content) as QuestionnaireContent,
      archived: row.archived === 1,
      trigger: triggerOf(row),
      savedAt: v.saved_at,
      savedBy: v.saved_by,
    };
  }

  /** `input` is checked here, each problem named with its path. */
  create(input: QuestionnaireContentInput | unknown, trigger: StageTrigger | null): Questionnaire {
    const content = this.parse(input, []);
    const id = this.db
      .transaction(() => {
        this.checkTrigger(trigger);
        const at = this.options.now().toISOString();
        const info = this.sql.insert.run({
          title: content.title,
          language: content.language,
          count: content.questions.length,
          stage: trigger?.stage ?? null,
          role: trigger?.partyRole ?? null,
          at,
        });
        const id = Number(info.lastInsertRowid);
        this.sql.insertVersion.run({
          id,
          version: 1,
          content: JSON.stringify(content),
          at,
          by: this.options.actor,
        });
        return id;
      })
      .immediate();
    log.info({ id }, "questionnaire created");
    return this.get(id);
  }

  /**
   * Saves the questions (a new version when they changed) and the trigger.
   * `expectedVersion` older than the newest means someone else saved.
   */
  save(
    id: number,
    input: QuestionnaireContentInput | unknown,
    trigger: StageTrigger | null,
    expectedVersion: number,
  ): Questionnaire {
    this.db
      .transaction(() => {
        const row = this.row(id);
        if (row.current_version !== expectedVersion) {
          throw new PactaError(
            "stale_update",
            `questionnaire #${id} is at version ${row.current_version}, ` +
              `this edit began from version ${expectedVersion}`,
          );
        }
        this.checkTrigger(trigger);
        const content = this.parse(input, this.allQuestions(id));
        const current = this.get(id).content;
        const at = this.options.now().toISOString();
        let version = row.current_version;
        if (JSON.stringify(current) !== JSON.stringify(content)) {
          version += 1;
          this.sql.insertVersion.run({
            id,
            version,
            content: JSON.stringify(content),
            at,
            by: this.options.actor,
          });
        }
        this.sql.update.run({
          id,
          title: content.title,
          language: content.language,
          count: content.questions.length,
          version,
          stage: trigger?.stage ?? null,
          role: trigger?.partyRole ?? null,
          at,
        });
      })
      .immediate();
    log.info({ id }, "questionnaire saved");
    return this.get(id);
  }

  archive(id: number, archived: boolean): Questionnaire {
    this.row(id);
    this.sql.archive.run({ id, archived: archived ? 1 : 0, at: this.options.now().toISOString() });
    return this.get(id);
  }

  private row(id: number): Row {
    const row = this.sql.byId.get({ id }) as Row | undefined;
    if (!row) throw new PactaError("not_found", `there is no questionnaire #${id}`);
    return row;
  }

  /** Every question of every version, for ids never to be given twice. */
  private allQuestions(id: number): Question[] {
    const rows = this.sql.versions.all({ id }) as { content: string }[];
    return rows.flatMap((r) => (JSON.parse(r.content) as QuestionnaireContent).questions);
  }

  /** Checks the content and gives new questions the next free ids. */
  private parse(input: unknown, earlier: Question[]): QuestionnaireContent {
    const parsed = questionnaireContentSchema.safeParse(input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({
        path: ["content", ...i.path.filter((p): p is string | number => typeof p !== "symbol")],
        message: i.message,
      }));
      throw new PactaError(
        "invalid_argument",
        issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        issues,
      );
    }
    const c = parsed.data;
    const used = [...earlier, ...c.questions].map((q) => Number(q.id?.slice(1) ?? 0));
    let next = Math.max(0, ...used) + 1;
    const questions = c.questions.map((q) => {
      const id = q.id ?? `q${next++}`;
      return { id, kind: q.kind, text: q.text, required: q.required, options: q.options };
    });
    return { title: c.title, language: c.language, intro: c.intro, questions };
  }

  private checkTrigger(trigger: StageTrigger | null): void {
    if (trigger && !this.sql.stage.get({ key: trigger.stage })) {
      const message = `there is no stage "${trigger.stage}"`;
      throw new PactaError("invalid_argument", message, [{ path: ["trigger", "stage"], message }]);
    }
  }
}

function triggerOf(r: Row): StageTrigger | null {
  return r.trigger_stage ? { stage: r.trigger_stage, partyRole: r.trigger_role } : null;
}

function prepare(db: Db) {
  return {
    list: db.prepare(
      `SELECT q.*,
         (SELECT count(*) FROM questionnaire_attachments a
          WHERE a.questionnaire_id = q.id AND a.removed = 0) AS attachments,
         (SELECT count(*) FROM questionnaire_attachments a
          WHERE a.questionnaire_id = q.id AND a.removed = 0 AND EXISTS (
            SELECT 1 FROM questionnaire_responses r WHERE r.attachment_id = a.id)) AS answered
       FROM questionnaires q WHERE @all = 1 OR q.archived = 0
       ORDER BY q.title COLLATE NOCASE, q.id`,
    ),
    byId: db.prepare("SELECT * FROM questionnaires WHERE id = @id"),
    version: db.prepare(
      `SELECT version, content, saved_at, saved_by FROM questionnaire_versions
       WHERE questionnaire_id = @id AND version = @version`,
    ),
    versions: db.prepare("SELECT content FROM questionnaire_versions WHERE questionnaire_id = @id"),
    insert: db.prepare(
      `INSERT INTO questionnaires (title, language, current_version, question_count,
         trigger_stage, trigger_role, created_at, updated_at)
       VALUES (@title, @language, 1, @count, @stage, @role, @at, @at)`,
    ),
    insertVersion: db.prepare(
      `INSERT INTO questionnaire_versions (questionnaire_id, version, content, saved_at, saved_by)
       VALUES (@id, @version, @content, @at, @by)`,
    ),
    update: db.prepare(
      `UPDATE questionnaires SET title = @title, language = @language,
         question_count = @count, current_version = @version, trigger_stage = @stage,
         trigger_role = @role, updated_at = @at
       WHERE id = @id`,
    ),
    archive: db.prepare(
      "UPDATE questionnaires SET archived = @archived, updated_at = @at WHERE id = @id",
    ),
    stage: db.prepare("SELECT key FROM stages WHERE key = @key"),
  };
}
