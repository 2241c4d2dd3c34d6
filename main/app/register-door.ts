/**
 * What the desktop app and the headless host hold: the register's services
 * when it opened, or a recovery state when it is damaged (the UI then
 * shows the recovery screen), and the API handlers for either. A restore
 * or a fresh start closes and reopens the services.
 */
import path from "node:path";
import type { RegisterHealth } from "../../shared/api/backups";
import { type ApiHandlers, api, type GroupName } from "../../shared/api/contract";
import { PactaError } from "../../shared/api/result";
import { createHandlers, type HandlerContext } from "../api/handlers";
import { Backups, backupPath, restoreBackup, setAsideDamaged } from "../backup/backups";
import { backupHandlersOver } from "../backup/handlers";
import { healthFromOpenError, isCorruptionError, registerHealth } from "../db/health";
import { DATABASE_FILE } from "../db/open";
import { salvageRegister } from "../db/salvage";
import { createLogger, logFolder, logToFile } from "../logging/logger";
import { type OpenOptions, openServices, type PactaServices } from "./services";

const log = createLogger("app");

export interface RegisterDoorOptions extends OpenOptions {
  context: HandlerContext;
}

type AnyHandlers = Record<string, Record<string, (args: never) => unknown>>;

export class RegisterDoor {
  services: PactaServices | null = null;
  health: RegisterHealth = { state: "ok" };
  private listeners: ((s: PactaServices | null) => void)[] = [];
  private recoveryBackups: Backups | null = null;
  private cached: ApiHandlers | null = null;

  constructor(private readonly options: RegisterDoorOptions) {}

  get dataDir(): string {
    return path.resolve(this.options.dataDir);
  }

  get file(): string {
    return path.join(this.dataDir, DATABASE_FILE);
  }

  /** Checks the register (quick_check, schema) and opens it, or enters recovery. */
  open(): RegisterHealth {
    this.cached = null;
    logToFile(this.dataDir);
    this.health = registerHealth(this.file);
    if (this.health.state === "ok") {
      try {
        this.services = openServices(this.options);
      } catch (error) {
        const health = healthFromOpenError(error, this.file);
        if (!health) throw error;
        this.health = health;
      }
    }
    if (this.health.state === "damaged") {
      log.error({ ...this.health }, "the register cannot be used; recovery screen shown");
      this.recoveryBackups = new Backups({ dataDir: this.dataDir, db: null });
    }
    for (const l of this.listeners) l(this.services);
    return this.health;
  }

  /** Called with the new services after every (re)open; null in recovery. */
  onChange(listener: (s: PactaServices | null) => void): void {
    this.listeners.push(listener);
  }

  /**
   * SQLite may find damage while the app runs (a page read fails): the
   * call fails with a clear reason, and the register is treated as damaged
   * from then on, so the next page load shows the recovery screen.
   */
  private watchForDamage(handlers: ApiHandlers): ApiHandlers {
    const out: AnyHandlers = {};
    for (const [group, methods] of Object.entries(handlers as unknown as AnyHandlers)) {
      const wrapped: Record<string, (args: never) => unknown> = {};
      for (const [name, handler] of Object.entries(methods)) {
        wrapped[name] = async (args: never) => {
          try {
            return await handler(args);
          } catch (error) {
            if (!isCorruptionError(error)) throw error;
            this.markDamaged(error);
            throw new PactaError(
              "database_unreadable",
              `the register is damaged (${(error as Error).message}); reload to recover it`,
            );
          }
        };
      }
      out[group] = wrapped;
    }
    return out as unknown as ApiHandlers;
  }

  private markDamaged(error: unknown): void {
    if (this.health.state === "damaged") return;
    log.error({ err: error }, "damage found while running; the register is closed");
    this.close();
    this.health = {
      state: "damaged",
      problem: "corrupt",
      detail: String((error as Error).message),
      file: this.file,
    };
    this.recoveryBackups = new Backups({ dataDir: this.dataDir, db: null });
  }

  /** Closes the register; listeners hear `null` first, so their timers stop before it. */
  close(): void {
    const services = this.services;
    this.cached = null;
    this.services = null;
    if (!services) return;
    for (const l of this.listeners) l(null);
    services.backups.stopAuto();
    services.close();
  }

  /** Restores a backup from the backups folder, then reopens. */
  restore(name: string) {
    return this.restoreFile(backupPath(this.dataDir, name));
  }

  /** Restores any `.pacta` file (one the person chose in main's open dialog), then reopens. */
  async restoreFile(file: string) {
    this.close();
    try {
      return await restoreBackup(this.dataDir, file);
    } finally {
      this.open();
    }
  }

  /** Recovery: the damaged register goes aside, an empty one starts. */
  startFresh(): { setAside: string } {
    if (this.health.state !== "damaged") {
      throw new PactaError("invalid_argument", "the register is healthy: nothing to set aside");
    }
    this.close();
    const setAside = setAsideDamaged(this.dataDir, new Date());
    this.open();
    return { setAside };
  }

  handlers(): ApiHandlers {
    this.cached ??= this.build();
    return this.cached;
  }

  private build(): ApiHandlers {
    const base = this.services
      ? this.watchForDamage(createHandlers(this.services, this.options.context))
      : unavailable(this.health);
    const backups = this.services?.backups ?? this.recoveryBackups;
    return {
      ...base,
      app: {
        ...base.app,
        health: () => this.health,
        startFresh: () => this.startFresh(),
        exportDamaged: () => {
          if (this.health.state !== "damaged") {
            throw new PactaError("invalid_argument", "the register is healthy: export it instead");
          }
          return salvageRegister(this.health.file);
        },
        openLogFolder: async () => {
          const folder = logFolder(this.dataDir);
          const open = this.options.context.openPath;
          return { folder, opened: open ? await open(folder) : false };
        },
      },
      backups: backups
        ? backupHandlersOver(backups, this.dataDir, (name) => this.restore(name))
        : base.backups,
    };
  }
}

/** Every method refuses with the register's problem, until it is recovered. */
function unavailable(health: RegisterHealth): ApiHandlers {
  const detail = health.state === "damaged" ? health.detail : "the register is not open";
  const reason =
    health.state === "damaged" && health.problem === "newer_schema"
      ? "database_newer_than_app"
      : "database_unreadable";
  const out: AnyHandlers = {};
  for (const group of Object.keys(api) as GroupName[]) {
    const methods: Record<string, () => never> = {};
    for (const method of Object.keys(api[group])) {
      methods[method] = () => {
        throw new PactaError(reason, detail);
      };
    }
    out[group] = methods;
  }
  return out as unknown as ApiHandlers;
}
