/**
 * Opens everything Pacta needs in one data folder; every door (Electron,
 * headless host, CLI) starts here and shares these services.
 */
import os from "node:os";
import path from "node:path";
import { DATABASE_FILE, type Db, openDatabase } from "../db/open";
import { ImportJobs } from "../import/import-service";
import { Lifecycle } from "../lifecycle/lifecycle";
import { logToFile } from "../logging/logger";
import { ContractList } from "../register/list";
import { ContractRegister } from "../register/register";
import { Reminders } from "../reminders/reminders";
import { Clauses } from "../templates/clauses";
import { Documents } from "../templates/documents";
import { Templates } from "../templates/templates";

export interface PactaServices {
  dataDir: string;
  db: Db;
  register: ContractRegister;
  list: ContractList;
  imports: ImportJobs;
  lifecycle: Lifecycle;
  reminders: Reminders;
  templates: Templates;
  clauses: Clauses;
  documents: Documents;
  /** Who the history and template versions name for changes made here. */
  actor: string;
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  /** Who the history names for changes made here; defaults to the OS user. */
  actor?: string;
  now?: () => Date;
}

export function openServices(options: OpenOptions): PactaServices {
  const dataDir = path.resolve(options.dataDir);
  logToFile(dataDir);
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const actor = options.actor ?? localActor();
  const now = options.now ?? (() => new Date());
  const register = new ContractRegister(db, { actor, now });
  const templates = new Templates(db, { actor, now });
  return {
    dataDir,
    db,
    register,
    list: new ContractList(db),
    imports: new ImportJobs(register),
    lifecycle: new Lifecycle(db, register, { actor, now }),
    reminders: new Reminders(db, { now }),
    templates,
    clauses: new Clauses(db, now),
    documents: new Documents(db, register, templates, { now }),
    actor,
    close: () => db.close(),
  };
}

function localActor(): string {
  try {
    return os.userInfo().username || "local user";
  } catch {
    return "local user";
  }
}
