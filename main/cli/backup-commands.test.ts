/**
 * `pacta backup`, `pacta backups` and `pacta restore` as scripts use them:
 * the real binary on a real data folder, including a backup killed halfway.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices } from "../app/services";
import { SCHEMA_VERSION } from "../db/migrate";
import { DATABASE_FILE } from "../db/open";
import { PACTA, runPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir("pacta-cli-backup-");
  const s = openServices({ dataDir, actor: "setup" });
  for (const title of ["Bail commercial", "Cession de parts"]) {
    s.register.create(contractInputSchema.parse({ title }));
  }
  s.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  return runPacta(dataDir, ...args);
}

function titles(): string[] {
  return JSON.parse(pacta("list", "--json").stdout).map((c: { title: string }) => c.title);
}

describe("pacta backup and backups", () => {
  it("writes a copy to the backups folder and lists it", () => {
    expect(pacta("backups").stdout).toMatch(/^No backups in .*backups\.\n$/);
    const made = pacta("backup", "--json");
    expect(made.status, made.stderr).toBe(0);
    const info = JSON.parse(made.stdout);
    expect(info).toMatchObject({ kind: "manual", path: expect.stringContaining("backups") });
    expect(fs.existsSync(info.path)).toBe(true);
    const listed = JSON.parse(pacta("backups", "--json").stdout);
    expect(listed).toEqual([info]);
    const text = pacta("backups");
    expect(text.stdout).toMatch(/CREATED\s+KIND\s+SIZE\s+NAME/);
    expect(text.stdout).toContain(info.name);
  });

  it("writes a copy to --out, and refuses to overwrite a file", () => {
    const out = path.join(dataDir, "copie.pacta");
    const r = pacta("backup", "--out", out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Backup written: .*copie\.pacta \(\d+ KB\)\n$/);
    const again = pacta("backup", "--out", out);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^pacta: .*copie\.pacta already exists/);
    const text = path.join(dataDir, "notes.txt");
    fs.writeFileSync(text, "mes notes");
    const taken = pacta("backup", "--out", text);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(/notes\.txt already exists/);
    expect(fs.readFileSync(text, "utf8")).toBe("mes notes");
  });

  it("refuses --out in a folder that does not exist, and creates nothing", () => {
    const missing = path.join(dataDir, "nulle-part", "plus-loin");
    const r = pacta("backup", "--out", path.join(missing, "x.pacta"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pacta: cannot write .*x\.pacta: no such folder .*plus-loin\n$/);
    expect(fs.existsSync(path.join(dataDir, "nulle-part"))).toBe(false);
  });
});

describe("pacta restore", () => {
  it("asks for --yes, then restores and keeps the replaced register", () => {
    const info = JSON.parse(pacta("backup", "--json").stdout);
    pacta("move", "1", "legal_review");
    const s = openServices({ dataDir, actor: "later" });
    s.register.create(contractInputSchema.parse({ title: "Ajouté après" }));
    s.close();
    const asked = pacta("restore", info.name);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toMatch(/replaces the register .* add --yes to confirm\n$/);
    expect(titles()).toContain("Ajouté après");

    const done = pacta("restore", info.name, "--yes", "--json");
    expect(done.status, done.stderr).toBe(0);
    const report = JSON.parse(done.stdout);
    expect(report.restored.name).toBe(info.name);
    expect(report.setAside).toMatch(/before-restore\.pacta$/);
    expect(titles()).not.toContain("Ajouté après");
    // The replaced register is a backup like the others, and restores back.
    const back = pacta("restore", report.setAside, "--yes");
    expect(back.status, back.stderr).toBe(0);
    expect(titles()).toContain("Ajouté après");
  });

  it("refuses a corrupt backup, a newer one and a missing file, and changes nothing", () => {
    const info = JSON.parse(pacta("backup", "--json").stdout);
    const corrupt = path.join(dataDir, "corrupt.pacta");
    fs.copyFileSync(info.path, corrupt);
    const fd = fs.openSync(corrupt, "r+");
    fs.writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 4096);
    fs.closeSync(fd);
    const r = pacta("restore", corrupt, "--yes");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pacta: .*corrupt\.pacta cannot be restored: /);

    const newer = path.join(dataDir, "newer.pacta");
    fs.copyFileSync(info.path, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    db.close();
    const n = pacta("restore", newer, "--yes");
    expect(n.status).toBe(1);
    expect(n.stderr).toMatch(/schema version \d+, this app knows up to/);

    // A file that is not a database, an empty SQLite file, another app's one.
    const garbage = path.join(dataDir, "garbage.pacta");
    fs.writeFileSync(garbage, "not a database at all ".repeat(300));
    const empty = path.join(dataDir, "empty.pacta");
    new Database(empty).close();
    const other = path.join(dataDir, "other.pacta");
    const o = new Database(other);
    o.exec("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')");
    o.close();
    for (const file of [garbage, empty, other]) {
      const bad = pacta("restore", file, "--yes");
      expect(bad.status, file).toBe(1);
      expect(bad.stderr).toMatch(/^pacta: .*\.pacta cannot be restored: /);
    }

    const missing = pacta("restore", "nowhere.pacta", "--yes");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nowhere\.pacta: no such file, and no backup of that name/);
    expect(titles()).toHaveLength(2);
    expect(JSON.parse(pacta("backups", "--json").stdout)).toHaveLength(1);
  });

  it("refuses a backup its migrations cannot bring up to date; the register still works", () => {
    const info = JSON.parse(pacta("backup", "--json").stdout);
    // Current tables, but a version number that says 3: migrating it fails.
    const older = path.join(dataDir, "older.pacta");
    fs.copyFileSync(info.path, older);
    const db = new Database(older);
    db.pragma("user_version = 3");
    db.close();
    const before = fs.readFileSync(older);
    const r = pacta("restore", older, "--yes");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pacta: .*older\.pacta cannot be restored: .*already exists\n$/);
    expect(titles()).toHaveLength(2);
    expect(pacta("show", "1").status).toBe(0);
    // Nothing was set aside, nothing left behind, and the backup is unchanged.
    expect(fs.readdirSync(path.join(dataDir, "backups"))).toEqual([info.name]);
    expect(fs.readFileSync(older).equals(before)).toBe(true);
  });

  it("restores over a register too damaged to open, keeping the damaged file", () => {
    const info = JSON.parse(pacta("backup", "--json").stdout);
    const live = path.join(dataDir, DATABASE_FILE);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(live + suffix, { force: true });
    fs.writeFileSync(live, "this is not SQLite ".repeat(1000));
    expect(pacta("list").status).toBe(1);
    const r = pacta("restore", info.path, "--yes");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/kept in .*pacta\.sqlite\.damaged-/);
    expect(titles()).toHaveLength(2);
    const aside = fs.readdirSync(dataDir).filter((f) => f.startsWith("pacta.sqlite.damaged-"));
    expect(aside).toHaveLength(1);
  });
});

describe("a backup killed halfway", () => {
  it("leaves no .pacta file behind, only a partial one that is cleaned up later", async () => {
    // A register of ~48 MB, so that the copy takes a while.
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.exec("CREATE TABLE filler (b BLOB)");
    const insert = db.prepare("INSERT INTO filler VALUES (randomblob(65536))");
    db.transaction(() => {
      for (let i = 0; i < 750; i++) insert.run();
    })();
    db.close();
    const folder = path.join(dataDir, "backups");
    fs.mkdirSync(folder, { recursive: true });
    const child = spawn(process.execPath, [PACTA, "--data-dir", dataDir, "backup"], {
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    // Kill -9 as soon as the copy has started writing.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (fs.readdirSync(folder).some((f) => f.endsWith(".partial"))) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        }
      }, 2);
    });
    expect(await exited).toBe("SIGKILL");
    const left = fs.readdirSync(folder);
    expect(left.filter((f) => f.endsWith(".pacta"))).toEqual([]);
    expect(left.filter((f) => f.endsWith(".partial"))).toHaveLength(1);
    expect(JSON.parse(pacta("backups", "--json").stdout)).toEqual([]);
    // The next backup works; the stale partial (and its journal, when the
    // kill left one) goes once it is old.
    const old = new Date(Date.now() - 60 * 60 * 1000);
    for (const name of left) fs.utimesSync(path.join(folder, name), old, old);
    const again = pacta("backup", "--json");
    expect(again.status, again.stderr).toBe(0);
    expect(fs.readdirSync(folder)).toEqual([JSON.parse(again.stdout).name]);
    expect(titles()).toHaveLength(2);
  }, 120_000);
});
