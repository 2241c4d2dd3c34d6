/**
 * The pipeline of stages as stored: list, add, rename and set, reorder,
 * retire. Stages are never deleted (contracts and history point at them).
 */
import type { Statement } from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import {
  insertionIndex,
  nameClash,
  type PipelineStage,
  reorderProblems,
  retireProblem,
  type StageSettings,
  stageKeyFrom,
} from "../../shared/domain/pipeline";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";

const log = createLogger("lifecycle");

interface StageRow {
  key: string;
  position: number;
  name_fr: string;
  name_en: string;
  terminal: number;
  responsible_role: string | null;
  default_days: number | null;
  required: number;
  retired: number;
}

function toStage(row: StageRow): PipelineStage {
  return {
    key: row.key,
    names: { fr: row.name_fr, en: row.name_en },
    terminal: row.terminal === 1,
    position: row.position,
    responsibleRole: row.responsible_role,
    defaultDays: row.default_days,
    required: row.required === 1,
    retired: row.retired === 1,
  };
}

export class Pipeline {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(private readonly db: Db) {
    this.sql = prepare(db);
  }

  /** Every stage in pipeline order, retired ones included. */
  list(): PipelineStage[] {
    return (this.sql.all.all() as StageRow[]).map(toStage);
  }

  get(key: string): PipelineStage {
    const row = this.sql.one.get({ key }) as StageRow | undefined;
    if (!row) throw new PactaError("not_found", `there is no stage "${key}"`);
    return toStage(row);
  }

  /** Adds a stage (no key) or replaces the names and settings of one. */
  save(input: StageSettings): PipelineStage {
    return this.db
      .transaction(() => {
        const stages = this.list();
        const clash = nameClash(stages, input.names, input.key ?? null);
        if (clash) {
          throw invalid(["names"], `the stage "${clash.key}" already has this name`);
        }
        const values = {
          fr: input.names.fr,
          en: input.names.en,
          terminal: input.terminal ? 1 : 0,
          role: input.responsibleRole,
          days: input.defaultDays,
          required: input.required ? 1 : 0,
        };
        if (input.key !== undefined) {
          this.get(input.key);
          this.sql.update.run({ ...values, key: input.key });
          log.info({ key: input.key }, "stage changed");
          return this.get(input.key);
        }
        if (input.after !== null && !stages.some((s) => s.key === input.after)) {
          throw invalid(["after"], `there is no stage "${input.after}"`);
        }
        const key = stageKeyFrom(
          input.names.en,
          stages.map((s) => s.key),
        );
        const order = stages.map((s) => s.key);
        order.splice(insertionIndex(stages, input.after), 0, key);
        this.sql.insert.run({ ...values, key, position: order.length });
        this.writeOrder(order);
        log.info({ key }, "stage added");
        return this.get(key);
      })
      .immediate();
  }

  /** Puts the stages in this order; every key must appear exactly once. */
  reorder(keys: readonly string[]): PipelineStage[] {
    return this.db
      .transaction(() => {
        const current = this.list().map((s) => s.key);
        const problems = reorderProblems(current, keys);
        if (problems.length > 0) {
          throw new PactaError(
            "invalid_argument",
            `the new order is not valid: ${problems.join("; ")}`,
            problems.map((message) => ({ path: ["keys"], message })),
          );
        }
        this.writeOrder(keys);
        log.info({ keys }, "stages reordered");
        return this.list();
      })
      .immediate();
  }

  /** Retires a stage (it cannot be entered; contracts there stay) or brings it back. */
  retire(key: string, retired: boolean): PipelineStage {
    return this.db
      .transaction(() => {
        this.get(key);
        if (retired) {
          const problem = retireProblem(this.list(), key);
          if (problem) throw invalid(["key"], problem);
        }
        this.sql.retire.run({ key, retired: retired ? 1 : 0 });
        log.info({ key, retired }, retired ? "stage retired" : "stage brought back");
        return this.get(key);
      })
      .immediate();
  }

  private writeOrder(keys: readonly string[]): void {
    keys.forEach((key, position) => {
      this.sql.position.run({ key, position });
    });
  }
}

function invalid(path: string[], message: string): PactaError {
  return new PactaError("invalid_argument", message, [{ path, message }]);
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const columns = `key, position, name_fr, name_en, terminal, responsible_role, default_days,
    required, retired`;
  return {
    all: s(`SELECT ${columns} FROM stages ORDER BY position, key`),
    one: s(`SELECT ${columns} FROM stages WHERE key = @key`),
    insert: s(
      `INSERT INTO stages (key, position, name_fr, name_en, terminal, responsible_role,
         default_days, required)
       VALUES (@key, @position, @fr, @en, @terminal, @role, @days, @required)`,
    ),
    update: s(
      `UPDATE stages SET name_fr = @fr, name_en = @en, terminal = @terminal,
         responsible_role = @role, default_days = @days, required = @required
       WHERE key = @key`,
    ),
    position: s("UPDATE stages SET position = @position WHERE key = @key"),
    retire: s("UPDATE stages SET retired = @retired WHERE key = @key"),
  };
}
