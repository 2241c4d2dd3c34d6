/**
 * Another process beside the one under test (the CLI beside the app): it
 * takes the register's write lock with BEGIN IMMEDIATE, writes, and commits
 * a little later.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const HOLDER = `
const Database = require(${JSON.stringify(path.resolve("node_modules/better-sqlite3"))});
const [file, sql, ms] = process.argv.slice(1);
const db = new Database(file);
db.exec("BEGIN IMMEDIATE");
db.exec(sql);
process.stdout.write("locked\\n");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
}, Number(ms));
`;

export interface WriteLockHolder {
  /** Resolves once the holder has committed and exited. */
  released: Promise<void>;
  /** Stops the holder if it still runs (its write rolls back). */
  stop(): void;
}

/** Resolves once the holder process holds the lock and has run `sql` in it. */
export function holdWriteLock(file: string, sql: string, ms: number): Promise<WriteLockHolder> {
  const child: ChildProcess = spawn(process.execPath, ["-e", HOLDER, file, sql, String(ms)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const released = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`the lock holder failed (${code}): ${stderr}`)),
    );
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", () => resolve({ released, stop: () => child.kill() }));
    released.catch(reject);
  });
}
