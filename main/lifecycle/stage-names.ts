/** The register's stage names, by key, in French or English (the key when it is unknown). */
import type { Db } from "../db/open";

export function stageNames(db: Db, language: "fr" | "en"): (key: string) => string {
  const column = language === "en" ? "name_en" : "name_fr";
  const read = db.prepare(`SELECT ${column} FROM stages WHERE key = ?`).pluck();
  return (key) => {
    const name = read.get(key);
    return typeof name === "string" ? name : key;
  };
}
