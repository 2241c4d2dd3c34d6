/**
 * The one API of Pacta, as a table: group → method → argument schema and
 * result type. Main registers a handler for each entry; the Electron
 * preload and the headless host's client are both built from this table.
 */
import { z } from "zod";
import type { DateFormat } from "../domain/calendar-date";
import {
  type Contract,
  type ContractSummary,
  contractInputSchema,
  type ReviewFlag,
} from "../domain/contract";
import {
  type ImportField,
  type ImportMapping,
  importMappingSchema,
} from "../domain/import-mapping";
import type { StageDefinition } from "../domain/stages";
import { backupsApi, healthApi } from "./backups";
import { bizprocApi } from "./bizproc";
import { digestsApi } from "./digests";
import { type Endpoint, endpoint, idArgs } from "./endpoint";
import { lifecycleApi } from "./lifecycle";
import { questionnairesApi } from "./questionnaires";
import { remindersApi } from "./reminders";
import { reportsApi } from "./reports";
import type { ApiResult } from "./result";
import { syncApi } from "./sync";
import { clausesApi, documentsApi, templatesApi } from "./templates";
import { triggersApi } from "./triggers";

export type { Endpoint } from "./endpoint";

export const SORT_KEYS = ["title", "reference", "endDate", "value", "updatedAt", "stage"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const listQuerySchema = z.object({
  search: z.string().max(500).default(""),
  stage: z.string().max(60).nullish(),
  type: z.string().max(120).nullish(),
  tag: z.string().max(60).nullish(),
  /** Only contracts whose end date falls between today and today + N days. */
  endingWithinDays: z.number().int().min(0).max(36_500).nullish(),
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  needsReview: z.boolean().nullish(),
  sort: z.enum(SORT_KEYS).default("updatedAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export interface ContractPage {
  total: number;
  rows: ContractSummary[];
}

export interface Facets {
  stages: StageDefinition[];
  types: string[];
  tags: string[];
  currencies: string[];
}

export interface AppInfo {
  version: string;
  dataDir: string;
  door: "electron" | "headless";
  schemaVersion: number;
}

export const importSourceSchema = z.object({
  fileName: z.string().min(1).max(500),
  /** The file's text, as read by the UI or the CLI. */
  content: z.string().max(200_000_000),
  mapping: importMappingSchema.nullish(),
});

export interface ImportPreview {
  format: "csv" | "json";
  headers: string[];
  rowCount: number;
  /** The mapping the file's headers suggest (French and English names). */
  suggestedMapping: ImportMapping;
  dateFormats: DateFormat[];
  /** The first rows as they would be imported. */
  sample: ImportedRow[];
}

export interface ImportedRow {
  row: number;
  title: string;
  reference: string | null;
  flags: ReviewFlag[];
  /** Set when the row cannot be imported at all (no title). */
  error: string | null;
}

export interface ImportReport {
  fileName: string;
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  flagged: number;
  /** Every value that could not be read, and every skipped row, with its row number. */
  problems: { row: number; column: string | null; field: string | null; message: string }[];
}

export interface ImportJob {
  id: string;
  state: "running" | "done" | "failed";
  done: number;
  total: number;
  report: ImportReport | null;
  error: string | null;
}

export const api = {
  app: {
    info: endpoint<AppInfo>()(z.object({})),
    ...healthApi,
  },
  backups: backupsApi,
  contracts: {
    list: endpoint<ContractPage>()(listQuerySchema),
    get: endpoint<Contract>()(idArgs),
    create: endpoint<Contract>()(contractInputSchema),
    update: endpoint<Contract>()(
      z.object({
        id: z.number().int().positive(),
        fields: contractInputSchema,
        /** The `updatedAt` the editor started from; a newer one means someone else saved. */
        expectedUpdatedAt: z.string().optional(),
      }),
    ),
    markReviewed: endpoint<Contract>()(idArgs),
    archive: endpoint<Contract>()(idArgs),
    restore: endpoint<Contract>()(idArgs),
    /**
     * Deletes a contract. A contract linked to a portal item needs `portal`: delete the
     * item too (through the outbox) or keep it there, unlinked.
     */
    remove: endpoint<{ id: number }>()(
      idArgs.extend({ portal: z.enum(["keep", "delete"]).optional() }),
    ),
    facets: endpoint<Facets>()(z.object({})),
    /** The contracts a list query selects, as a file to save. */
    export: endpoint<{ fileName: string; content: string; count: number }>()(
      z.object({ format: z.enum(["json", "csv"]), query: listQuerySchema.prefault({}) }),
    ),
  },
  imports: {
    preview: endpoint<ImportPreview>()(importSourceSchema),
    start: endpoint<{ jobId: string }>()(
      importSourceSchema.extend({ dryRun: z.boolean().default(false) }),
    ),
    status: endpoint<ImportJob>()(z.object({ jobId: z.string().min(1).max(100) })),
  },
  lifecycle: lifecycleApi,
  reminders: remindersApi,
  templates: templatesApi,
  clauses: clausesApi,
  documents: documentsApi,
  sync: syncApi,
  triggers: triggersApi,
  bizproc: bizprocApi,
  reports: reportsApi,
  digests: digestsApi,
  questionnaires: questionnairesApi,
} as const;

export type Api = typeof api;
export type GroupName = keyof Api;
export type MethodName<G extends GroupName> = keyof Api[G] & string;

type ArgsOf<E> = E extends Endpoint<infer A, unknown> ? z.input<A> : never;
type ResultOf<E> = E extends Endpoint<z.ZodType, infer R> ? R : never;

/** What a caller holds: `client.contracts.list(args)` → a result. */
export type ApiClient = {
  [G in GroupName]: {
    [M in MethodName<G>]: (args: ArgsOf<Api[G][M]>) => Promise<ApiResult<ResultOf<Api[G][M]>>>;
  };
};

/** What main implements: parsed arguments in, a value out (or a PactaError thrown). */
export type ApiHandlers = {
  [G in GroupName]: {
    [M in MethodName<G>]: (
      args: Api[G][M] extends Endpoint<infer A, unknown> ? z.output<A> : never,
    ) => ResultOf<Api[G][M]> | Promise<ResultOf<Api[G][M]>>;
  };
};

/** Every `group.method` channel of the table, for doors that route by name. */
export function channels(): { group: GroupName; method: string; channel: string }[] {
  const out: { group: GroupName; method: string; channel: string }[] = [];
  for (const group of Object.keys(api) as GroupName[]) {
    for (const method of Object.keys(api[group])) {
      out.push({ group, method, channel: `${group}.${method}` });
    }
  }
  return out;
}

export function endpointFor(channel: string): Endpoint<z.ZodType, unknown> | null {
  const [group, method, extra] = channel.split(".");
  if (!group || !method || extra !== undefined || !Object.hasOwn(api, group)) return null;
  const methods = api[group as GroupName] as Record<string, Endpoint<z.ZodType, unknown>>;
  return Object.hasOwn(methods, method) ? (methods[method] ?? null) : null;
}

export type { ImportField };
