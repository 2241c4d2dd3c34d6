import type { Database } from "better-sqlite3";
import { clauseNameKey } from "../../templates/clauses";
import type { Migration } from "../migrate";

/**
 * Makes a clause's name unique per language with an index, where the code
 * alone checked it before. A library saved before that check may hold
 * duplicates: the later ones get " (2)", " (3)"… so that none is lost.
 */
export const clauseNames: Migration = {
  version: 7,
  name: "clause-names",
  up: `ALTER TABLE clauses ADD COLUMN name_key TEXT NOT NULL DEFAULT '';`,
  seed: uniqueClauseNames,
};

function uniqueClauseNames(db: Database): void {
  const rows = db.prepare("SELECT id, name, language FROM clauses ORDER BY id").all() as {
    id: number;
    name: string;
    language: string;
  }[];
  const taken = new Set<string>();
  const update = db.prepare("UPDATE clauses SET name = ?, name_key = ? WHERE id = ?");
  for (const row of rows) {
    let name = row.name;
    for (let n = 2; taken.has(`${row.language}\u0000${clauseNameKey(name)}`); n += 1) {
      name = `${row.name.trim()} (${n})`;
    }
    const key = clauseNameKey(name);
    taken.add(`${row.language}\u0000${key}`);
    update.run(name, key, row.id);
  }
  db.exec("CREATE UNIQUE INDEX clauses_unique_name ON clauses (language, name_key)");
}
