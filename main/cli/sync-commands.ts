/** The Bitrix24 commands of `pacta`: connect, disconnect, sync. */
import type { Command } from "commander";
import { PactaError } from "../../shared/api/result";
import {
  type ConnectionInfo,
  PORTAL_LANGUAGES,
  type PortalLanguage,
  type SyncRun,
} from "../../shared/api/sync";
import type { PactaServices } from "../app/services";
import { parseId } from "./commands";
import { out, printJson, type Runner, UsageError } from "./output";

export function syncCommands(cli: Command, run: Runner): void {
  cli
    .command("connect")
    .description(
      "connect to a Bitrix24 portal with an incoming webhook, or sign in with OAuth (--oauth)",
    )
    .option("--webhook <url>", "the webhook URL: https://PORTAL/rest/USER_ID/SECRET/")
    .option("--oauth", "sign in through the portal's page with an installed app's keys")
    .option("--portal <url>", "with --oauth: the portal's address, https://PORTAL/")
    .option("--client-id <id>", "with --oauth: the app's client id")
    .option(
      "--client-secret <secret>",
      "with --oauth: the app's client secret (better: PACTA_CLIENT_SECRET, unseen by ps)",
    )
    .option("--oauth-server <url>", "with --oauth: the OAuth server (https://oauth.bitrix.info)")
    .option("--redirect-port <n>", "with --oauth: listen on this 127.0.0.1 port (random if absent)")
    .option("--rate <burst/per-second>", "the portal's request rate, e.g. 50/2 (Enterprise 250/5)")
    .option(
      "--portal-language <fr|en>",
      "the language of trigger comments and digests on the portal",
    )
    .option("--json", "print the connection as JSON")
    .action((o: ConnectOptions) => run((s) => connectCommand(s, o)));

  cli
    .command("disconnect")
    .description("forget the portal's secret (the register and what was pulled stay)")
    .action(() =>
      run((s) => {
        s.sync.disconnect();
        out("Disconnected from the portal.");
      }),
    );

  cli
    .command("delete")
    .description("delete a contract; for one linked to the portal, say what happens to its item")
    .argument("<id>", "contract ID")
    .option("--portal <choice>", "delete: delete the portal item too; keep: keep it, unlinked")
    .option("--json", "print {id, portal} as JSON")
    .action((id: string, o: DeleteOptions) => run((s) => deleteCommand(s, id, o)));

  cli
    .command("sync")
    .description("pull from the Bitrix24 portal, then push the outbox")
    .option("--json", "print the counts and details as JSON")
    .action((o: { json?: boolean }) => run((s) => syncCommand(s, o)));
}

export interface ConnectOptions {
  webhook?: string;
  oauth?: boolean;
  portal?: string;
  clientId?: string;
  clientSecret?: string;
  oauthServer?: string;
  redirectPort?: string;
  rate?: string;
  portalLanguage?: string;
  json?: boolean;
}

/** `50/2` → burst 50, 2 requests per second. */
export function parseRate(text: string): { capacity: number; drainPerSecond: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  const capacity = Number(m?.[1]);
  const drainPerSecond = Number(m?.[2]);
  if (!m || capacity < 1 || capacity > 1000 || drainPerSecond < 0.1 || drainPerSecond > 100) {
    throw new UsageError(
      `--rate must be BURST/PER_SECOND such as 50/2 (burst 1–1000, 0.1–100 per second), ` +
        `not "${text}"`,
    );
  }
  return { capacity, drainPerSecond };
}

function parseLanguage(text: string): PortalLanguage {
  const language = PORTAL_LANGUAGES.find((l) => l === text.trim().toLowerCase());
  if (!language) throw new UsageError(`--portal-language must be fr or en, not "${text}"`);
  return language;
}

export async function connectCommand(s: PactaServices, o: ConnectOptions): Promise<void> {
  if (o.oauth && o.webhook) throw new UsageError("give either --webhook or --oauth, not both");
  if (!o.oauth && !o.webhook) throw new UsageError("give --webhook URL, or --oauth with its keys");
  const rate = o.rate === undefined ? undefined : parseRate(o.rate);
  const language = o.portalLanguage === undefined ? undefined : parseLanguage(o.portalLanguage);
  let info: ConnectionInfo;
  try {
    info = o.oauth ? await oauthConnect(s, o) : await s.sync.connectWebhook(o.webhook ?? "");
  } catch (error) {
    // A URL that is not a webhook's is a usage mistake; its text never repeats the URL.
    if (error instanceof PactaError && error.reason === "invalid_argument") {
      throw new UsageError(`${o.oauth ? "--oauth" : "--webhook"}: ${error.message}`);
    }
    throw error;
  }
  if (rate) s.sync.saveSettings({ ...s.sync.status().settings, rateLimit: rate });
  if (language) s.sync.saveSettings({ ...s.sync.status().settings, portalLanguage: language });
  if (o.json) return printJson(info);
  const where = info.secretStorage === "file" ? "a file only you can read" : "the keychain";
  const user = `${info.userName} (user ${info.userId})`;
  out(`Connected to ${info.portal} as ${user}; secret kept in ${where}.`);
}

/** Prints the portal's page to open, waits for its answer on 127.0.0.1, connects. */
async function oauthConnect(s: PactaServices, given: ConnectOptions): Promise<ConnectionInfo> {
  // The environment keeps the secret out of the process list, as for the relay.
  const o = { ...given, clientSecret: given.clientSecret ?? process.env.PACTA_CLIENT_SECRET };
  const missing = (["portal", "clientId", "clientSecret"] as const).filter((k) => !o[k]?.trim());
  if (missing.length > 0) {
    const flags = missing.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    const hint = missing.includes("clientSecret") ? " (or PACTA_CLIENT_SECRET)" : "";
    throw new UsageError(`--oauth needs ${flags.join(", ")}${hint}`);
  }
  const port = o.redirectPort === undefined ? undefined : Number(o.redirectPort);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError("--redirect-port must be a port number between 1 and 65535");
  }
  const start = await s.sync.signIn.begin({
    portal: o.portal ?? "",
    clientId: o.clientId ?? "",
    clientSecret: o.clientSecret ?? "",
    oauthServer: o.oauthServer,
    port,
  });
  // Instructions go to stderr: stdout keeps only the result (and only JSON with --json).
  process.stderr.write(
    `Open this address in your browser and allow the app:\n  ${start.authorizeUrl}\n` +
      `The app's redirect address on the portal must be ${start.redirectUri}\n` +
      `Waiting until ${start.expiresAt}…\n`,
  );
  return s.sync.signIn.finish(start.id);
}

export interface DeleteOptions {
  portal?: string;
  json?: boolean;
}

export function deleteCommand(s: PactaServices, idText: string, o: DeleteOptions): void {
  const id = parseId(idText);
  if (o.portal !== undefined && o.portal !== "keep" && o.portal !== "delete") {
    throw new UsageError(`--portal must be keep or delete, not "${o.portal}"`);
  }
  const choice = o.portal as "keep" | "delete" | undefined;
  try {
    s.sync.removeContract(id, choice);
  } catch (error) {
    if (error instanceof PactaError && error.reason === "confirmation_required") {
      throw new UsageError(`${error.message} (--portal delete or --portal keep)`);
    }
    throw error;
  }
  if (o.json) {
    printJson({ id, portal: choice ?? null });
    return;
  }
  const where =
    choice === "delete"
      ? "; its portal item will be deleted with the next sync"
      : choice === "keep"
        ? "; its portal item stays on the portal, no longer synced"
        : "";
  out(`Deleted contract #${id}${where}.`);
}

export async function syncCommand(s: PactaServices, o: { json?: boolean }): Promise<void> {
  const result = await s.sync.run();
  const { pending, pendingAnswers, deletedOnPortal } = s.sync.status();
  if (o.json) {
    const { pulled, pushed, conflicts, errors, state, id, startedAt, finishedAt, detail } = result;
    printJson({
      pulled,
      pushed,
      conflicts,
      errors,
      state,
      pending,
      pendingAnswers,
      deletedOnPortal,
      id,
      startedAt,
      finishedAt,
      detail,
    });
  } else {
    out(summary(result, pending, deletedOnPortal));
    if (pendingAnswers > 0) out(`${answersWaiting(pendingAnswers)} to be sent.`);
  }
  if (result.state === "offline") {
    throw new PactaError(
      "portal_unreachable",
      `the portal could not be reached; ${waiting(pending)} in the outbox`,
    );
  }
  if (result.state !== "done") {
    const first = result.detail.problems.at(-1)?.message ?? "unknown error";
    throw new Error(`the sync failed: ${first}`);
  }
  if (result.errors > 0) {
    throw new Error(`the sync finished with ${result.errors} errors (see above)`);
  }
}

/** "1 workflow task answer waits", "2 workflow task answers wait". */
function answersWaiting(n: number): string {
  return n === 1 ? "1 workflow task answer waits" : `${n} workflow task answers wait`;
}

/** "1 contract waits", "3 contracts wait". */
function waiting(n: number): string {
  return n === 1 ? "1 contract waits" : `${n} contracts wait`;
}

function summary(r: SyncRun, pending: number, gone: number[]): string {
  const lines = [
    `Sync ${r.state}: ${r.pulled} pulled, ${r.pushed} pushed, ${r.conflicts} conflicts, ` +
      `${r.errors} errors.`,
  ];
  if (r.detail.created > 0) lines.push(`${r.detail.created} contracts created from the portal.`);
  if (pending > 0) lines.push(`${waiting(pending)} in the outbox.`);
  for (const p of r.detail.problems) lines.push(`  ${p.where}: ${p.message}`);
  for (const n of r.detail.notices ?? []) lines.push(`Note: ${n.where}: ${n.message}`);
  if (gone.length > 0) {
    const ids = gone.map((id) => `#${id}`).join(", ");
    lines.push(`Deleted on the portal, kept here and no longer sent: contracts ${ids}.`);
  }
  return lines.join("\n");
}
