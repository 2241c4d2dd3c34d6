/**
 * The sync group of the API: the Bitrix24 connection (never its secret),
 * the sync settings, one-click sync with its progress, conflicts, and the
 * portal item a contract is linked to.
 */
import { z } from "zod";
import { endpoint, idArgs } from "./endpoint";

/** Contract fields that can map to a portal field (the stage maps through `stageMap`). */
export const SYNC_FIELDS = [
  "title",
  "reference",
  "value",
  "currency",
  "signatureDate",
  "effectiveDate",
  "endDate",
  "governingLaw",
  "notes",
] as const;
export type SyncField = (typeof SYNC_FIELDS)[number];
/** A field a conflict can be about: a mapped field or the stage. */
export type ConflictField = SyncField | "stage";

/** A portal field name: camelCase as `crm.item.*` spells it, `ufCrm…` for user fields. */
const portalFieldSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,80}$/, "expected a portal field name such as ufCrm5Notice");

export const syncTargetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("smartProcess"),
    /** The smart process's entityTypeId (≥ 128), not its type record id. */
    entityTypeId: z.number().int().min(128),
    /** The pipeline new items go to; null: the portal's default. */
    categoryId: z.number().int().min(0).nullable(),
  }),
  z.object({
    kind: z.literal("deals"),
    categoryId: z.number().int().min(0).nullable(),
  }),
]);
export type SyncTarget = z.output<typeof syncTargetSchema>;

/** The language of what Pacta writes on the portal: trigger comments, digests. */
export const PORTAL_LANGUAGES = ["fr", "en"] as const;
export type PortalLanguage = (typeof PORTAL_LANGUAGES)[number];

export const syncSettingsSchema = z.object({
  target: syncTargetSchema,
  /** Local stage key → the portal's STATUS_ID in the target's pipeline. */
  stageMap: z.record(z.string().min(1).max(60), z.string().trim().min(1).max(60)),
  fieldMap: z
    .array(z.object({ local: z.enum(SYNC_FIELDS), remote: portalFieldSchema }))
    .max(SYNC_FIELDS.length)
    .refine((m) => new Set(m.map((f) => f.local)).size === m.length, {
      message: "each contract field maps to one portal field at most",
    })
    .refine((m) => new Set(m.map((f) => f.remote)).size === m.length, {
      message: "two contract fields map to the same portal field",
    }),
  /** Minutes between automatic syncs; 0 turns them off. */
  intervalMinutes: z.number().int().min(0).max(1440),
  /**
   * The client's request rate: burst and requests per second (the portal's 50 and 2 unless
   * the plan says otherwise, e.g. Enterprise 250 and 5). Absent: those defaults.
   */
  rateLimit: z
    .object({
      capacity: z.number().int().min(1).max(1000),
      drainPerSecond: z.number().min(0.1).max(100),
    })
    .optional(),
  /** What Pacta writes on the portal is in this language; absent: French. */
  portalLanguage: z.enum(PORTAL_LANGUAGES).optional(),
});
export type SyncSettings = z.output<typeof syncSettingsSchema>;

export interface ConnectionInfo {
  kind: "webhook" | "oauth";
  /** `https://portal.example/`: scheme, host and port only. */
  portal: string;
  userId: number;
  userName: string;
  scopes: string[];
  connectedAt: string;
  /** Where the secret is kept: the system's keychain, or a file only this user can read. */
  secretStorage: "safeStorage" | "file";
}

export interface SyncCounts {
  pulled: number;
  pushed: number;
  conflicts: number;
  errors: number;
}

export interface SyncProblem {
  /** What it concerns: `contract #12`, `portal item 1220/40`, `companies`. */
  where: string;
  message: string;
}

export interface SyncRun extends SyncCounts {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  /** `offline`: the portal could not be reached; nothing was lost, the outbox waits. */
  state: "running" | "done" | "failed" | "offline";
  detail: {
    pulledBy: Record<string, number>;
    created: number;
    updated: number;
    problems: SyncProblem[];
    /** What a person should know that is not an error (items deleted on the portal, …). */
    notices?: SyncProblem[];
  };
}

export interface SyncProgress {
  phase: "connect" | "pull" | "push" | "reconcile";
  /** What is being pulled (companies, contacts, …) or pushed. */
  step: string;
  done: number;
}

export interface SyncStatus {
  connection: ConnectionInfo | null;
  settings: SyncSettings;
  running: boolean;
  progress: SyncProgress | null;
  lastRun: SyncRun | null;
  /** Contracts with edits waiting in the outbox. */
  pending: number;
  /** Answers to workflow tasks saved here and waiting to be sent. */
  pendingAnswers: number;
  openConflicts: number;
  /** Contracts here whose portal item was deleted on the portal; they are no longer sent. */
  deletedOnPortal: number[];
}

export interface ConflictView {
  id: number;
  contractId: number;
  contractTitle: string;
  field: ConflictField;
  /** The value both sides last agreed on. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  detectedAt: string;
  /** For a stage: the portal's names of the stage ids, where known. */
  labels?: { base: string | null; mine: string | null; theirs: string | null };
}

export interface PortalOption {
  id: string;
  name: string;
}

/** What the settings screen offers from the portal. */
export interface PortalSchema {
  /** Smart processes (entityTypeId, title); empty when the user may not list them. */
  types: { entityTypeId: number; title: string }[];
  categories: { id: number; name: string }[];
  /** Stages of the target's chosen (or default) pipeline. */
  stages: PortalOption[];
  /** Fields of the target, user fields included (`ufCrm…`). */
  fields: { name: string; title: string; type: string; userField: boolean }[];
}

export interface PortalLink {
  entityTypeId: number;
  itemId: number;
  itemTitle: string | null;
  /** Deleted on the portal since it was linked. */
  deleted: boolean;
  company: { id: number; title: string } | null;
  contacts: { id: number; name: string }[];
  deal: { id: number; title: string } | null;
  portal: string | null;
}

/** A sign-in with OAuth under way: open `authorizeUrl`, then wait with `oauthFinish`. */
export interface OAuthSignInStart {
  id: string;
  /** The portal's page where the user allows the app. */
  authorizeUrl: string;
  /** Where the portal must send the browser back: the app's redirect address on the portal. */
  redirectUri: string;
  /** When the wait ends. */
  expiresAt: string;
}

const webhookUrlSchema = z.string().trim().min(1).max(2000);

export const syncApi = {
  status: endpoint<SyncStatus>()(z.object({})),
  connectWebhook: endpoint<ConnectionInfo>()(z.object({ url: webhookUrlSchema })),
  connectOAuth: endpoint<ConnectionInfo>()(
    z.object({
      restUrl: z.string().trim().min(1).max(2000),
      oauthUrl: z.string().trim().min(1).max(2000),
      clientId: z.string().trim().min(1).max(200),
      clientSecret: z.string().trim().min(1).max(500),
      accessToken: z.string().trim().min(1).max(2000),
      refreshToken: z.string().trim().min(1).max(2000),
    }),
  ),
  /** Starts an OAuth sign-in: a one-shot listener on 127.0.0.1 waits for the portal's code. */
  oauthBegin: endpoint<OAuthSignInStart>()(
    z.object({
      portal: z.string().trim().min(1).max(2000),
      clientId: z.string().trim().min(1).max(200),
      clientSecret: z.string().trim().min(1).max(500),
      oauthServer: z.string().trim().max(2000).optional(),
    }),
  ),
  /** Waits for the code of a sign-in, trades it for tokens and connects. */
  oauthFinish: endpoint<ConnectionInfo>()(z.object({ id: z.string().uuid() })),
  oauthCancel: endpoint<{ cancelled: boolean }>()(z.object({ id: z.string().uuid() })),
  disconnect: endpoint<SyncStatus>()(z.object({})),
  portalSchema: endpoint<PortalSchema>()(z.object({ target: syncTargetSchema.optional() })),
  setSettings: endpoint<SyncSettings>()(syncSettingsSchema),
  /** Starts a sync in the background; `status` shows its progress. */
  start: endpoint<{ started: boolean }>()(z.object({})),
  conflicts: endpoint<ConflictView[]>()(z.object({})),
  resolve: endpoint<ConflictView[]>()(
    z.object({ conflictId: z.number().int().positive(), keep: z.enum(["mine", "theirs"]) }),
  ),
  contractLink: endpoint<PortalLink | null>()(idArgs),
} as const;
