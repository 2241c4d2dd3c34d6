/**
 * Opens everything Pacta needs in one data folder; every door (Electron,
 * headless host, CLI) starts here and shares these services.
 */
import os from "node:os";
import path from "node:path";
import { Backups } from "../backup/backups";
import { BizprocService } from "../bizproc/bizproc-service";
import { DATABASE_FILE, type Db, openDatabase } from "../db/open";
import { Digests } from "../digests/digests";
import { ImportJobs } from "../import/import-service";
import { Lifecycle } from "../lifecycle/lifecycle";
import { logToFile } from "../logging/logger";
import { Questionnaires } from "../questionnaires/questionnaires";
import { ContractList } from "../register/list";
import { ContractRegister } from "../register/register";
import { Reminders } from "../reminders/reminders";
import { Reports } from "../reports/reports";
import type { SecretCipher } from "../sync/secrets";
import { SyncService, type SyncServiceOptions } from "../sync/sync-service";
import { Clauses } from "../templates/clauses";
import { Documents } from "../templates/documents";
import { exportContractPdf } from "../templates/export-pdf";
import { Templates } from "../templates/templates";
import { TriggerService } from "../triggers/trigger-service";

export interface PactaServices {
  dataDir: string;
  db: Db;
  register: ContractRegister;
  list: ContractList;
  imports: ImportJobs;
  lifecycle: Lifecycle;
  reminders: Reminders;
  reports: Reports;
  digests: Digests;
  templates: Templates;
  clauses: Clauses;
  documents: Documents;
  questionnaires: Questionnaires;
  /** Who the history and template versions name for changes made here. */
  actor: string;
  sync: SyncService;
  /** Copies of the register: daily, on demand, restore. */
  backups: Backups;
  /** Bitrix24 workflow tasks and workflows. */
  bizproc: BizprocService;
  triggers: TriggerService;
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
  const backups = new Backups({ dataDir, db, now });
  // The tasks' file fields take the contract's PDF, which needs the services made here.
  let services: PactaServices | null = null;
  const bizproc = new BizprocService(
    db,
    sync,
    register,
    (contractId) => {
      if (!services) throw new Error("the services are not open yet");
      return exportContractPdf(services, contractId);
    },
    now,
  );
  const documents = new Documents(db, register, templates, { now });
  const triggers = new TriggerService(db, register, { sync, documents, actor, now });
  const reports = new Reports(db, now);
  const digests = new Digests(db, {
    now,
    reports,
    portal: () => sync.store.connection()?.portal ?? null,
    portalLanguage: () => sync.store.settings().portalLanguage ?? "fr",
  });
  services = {
    dataDir,
    db,
    register,
    list: new ContractList(db),
    imports: new ImportJobs(register),
    lifecycle,
    reminders: new Reminders(db, { now }),
    reports,
    digests,
    templates,
    clauses: new Clauses(db, now),
    documents,
    questionnaires: new Questionnaires(db, { actor, now }),
    actor,
    sync,
    backups,
    bizproc,
    triggers,
    close: () => {
      sync.stopAuto();
      backups.stopAuto();
      triggers.stopAuto();
      sync.signIn.close();
      db.close();
    },
  };
  return services;
}

function localActor(): string {
  try {
    return os.userInfo().username || "local user";
  } catch {
    return "local user";
  }
}
