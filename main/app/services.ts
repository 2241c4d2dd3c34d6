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
import type { SecretCipher } from "../sync/secrets";
import { SyncService, type SyncServiceOptions } from "../sync/sync-service";
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
  sync: SyncService;
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  /** Who the history names for changes made here; defaults to the OS user. */
  actor?: string;
  now?: () => Date;
  /** Electron's `safeStorage` for the Bitrix24 secret; without it, a 0600 file. */
  secretCipher?: SecretCipher | null;
  /** The Bitrix24 client's limits and timeouts (tests shorten them). */
  bitrix24?: SyncServiceOptions["client"];
}

export function openServices(options: OpenOptions): PactaServices {
  const dataDir = path.resolve(options.dataDir);
  logToFile(dataDir);
  const db = openDatabase(path.join(dataDir, DATABASE_FILE));
  const actor = options.actor ?? localActor();
  const now = options.now ?? (() => new Date());
  const register = new ContractRegister(db, { actor, now });
  const templates = new Templates(db, { actor, now });
  const lifecycle = new Lifecycle(db, register, { actor, now });
  const sync = new SyncService(db, register, lifecycle, {
    dataDir,
    cipher: options.secretCipher ?? null,
    ...(options.bitrix24 ? { client: options.bitrix24 } : {}),
    now,
  });
  return {
    dataDir,
    db,
    register,
    list: new ContractList(db),
    imports: new ImportJobs(register),
    lifecycle,
    reminders: new Reminders(db, { now }),
    templates,
    clauses: new Clauses(db, now),
    documents: new Documents(db, register, templates, { now }),
    actor,
    sync,
    close: () => {
      sync.stopAuto();
      sync.signIn.close();
      db.close();
    },
  };
}

function localActor(): string {
  try {
    return os.userInfo().username || "local user";
  } catch {
    return "local user";
  }
}
