/**
 * The local list of people who hold contract stages. People are archived,
 * never deleted: timelines keep naming who held a stage.
 */
import type { Statement } from "better-sqlite3";
import { PactaError } from "../../shared/api/result";
import type { Person, PersonFields } from "../../shared/domain/pipeline";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";

const log = createLogger("lifecycle");

interface PersonRow {
  id: number;
  name: string;
  email: string;
  role: string;
  bitrix_user_id: string | null;
  archived: number;
}

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    bitrixUserId: row.bitrix_user_id,
    archived: row.archived === 1,
  };
}

export class People {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(private readonly db: Db) {
    this.sql = prepare(db);
  }

  list(includeArchived = false): Person[] {
    const rows = this.sql.list.all({ all: includeArchived ? 1 : 0 }) as PersonRow[];
    return rows.map(toPerson);
  }

  get(id: number): Person {
    const row = this.sql.one.get({ id }) as PersonRow | undefined;
    if (!row) throw new PactaError("not_found", `there is no person #${id}`);
    return toPerson(row);
  }

  /** Adds a person (no id) or changes one. */
  save(fields: PersonFields): Person {
    return this.db
      .transaction(() => {
        const values = {
          name: fields.name,
          email: fields.email,
          role: fields.role,
          bitrix: fields.bitrixUserId,
        };
        if (fields.id !== undefined) {
          this.get(fields.id);
          this.guardUnique(fields, () => this.sql.update.run({ ...values, id: fields.id }));
          log.info({ id: fields.id }, "person changed");
          return this.get(fields.id);
        }
        const info = this.guardUnique(fields, () => this.sql.insert.run(values));
        const id = Number(info.lastInsertRowid);
        log.info({ id }, "person added");
        return this.get(id);
      })
      .immediate();
  }

  archive(id: number, archived: boolean): Person {
    return this.db
      .transaction(() => {
        const person = this.get(id);
        this.guardUnique(person, () => this.sql.archive.run({ id, archived: archived ? 1 : 0 }));
        return this.get(id);
      })
      .immediate();
  }

  /** Turns a clash on the unique email or Bitrix24 user into a field issue. */
  private guardUnique<T>(
    fields: { email: string; bitrixUserId: string | null },
    write: () => T,
  ): T {
    try {
      return write();
    } catch (error) {
      if (!(error instanceof Error) || !/UNIQUE constraint failed/.test(error.message)) {
        throw error;
      }
      const byEmail = /people\.email/.test(error.message);
      const message = byEmail
        ? `the email ${fields.email} is already used by another person`
        : `the Bitrix24 user ${fields.bitrixUserId} is already linked to another person`;
      throw new PactaError("invalid_argument", message, [
        { path: [byEmail ? "email" : "bitrixUserId"], message },
      ]);
    }
  }
}

function prepare(db: Db) {
  const s = (sql: string): Statement => db.prepare(sql);
  const columns = "id, name, email, role, bitrix_user_id, archived";
  return {
    list: s(
      `SELECT ${columns} FROM people WHERE @all = 1 OR archived = 0
       ORDER BY name COLLATE NOCASE, id`,
    ),
    one: s(`SELECT ${columns} FROM people WHERE id = @id`),
    insert: s(
      `INSERT INTO people (name, email, role, bitrix_user_id)
       VALUES (@name, @email, @role, @bitrix)`,
    ),
    update: s(
      `UPDATE people SET name = @name, email = @email, role = @role, bitrix_user_id = @bitrix
       WHERE id = @id`,
    ),
    archive: s("UPDATE people SET archived = @archived WHERE id = @id"),
  };
}
