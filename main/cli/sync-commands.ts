/** The Bitrix24 commands of `pacta`: connect, disconnect, sync. */
import type { Command } from "commander";
import { PactaError } from "../../shared/api/result";
import type { SyncRun } from "../../shared/api/sync";
import type { PactaServices } from "../app/services";
import { out, printJson, type Runner, UsageError } from "./output";

export function syncCommands(cli: Command, run: Runner): void {
  cli
    .command("connect")
    .description("connect to a Bitrix24 portal with an incoming webhook, checked by a real call")
    .requiredOption("--webhook <url>", "the webhook URL: https://PORTAL/rest/USER_ID/SECRET/")
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
    .command("sync")
    .description("pull from the Bitrix24 portal, then push the outbox")
    .option("--json", "print the counts and details as JSON")
    .action((o: { json?: boolean }) => run((s) => syncCommand(s, o)));
}

export interface ConnectOptions {
  webhook: string;
  json?: boolean;
}

export async function connectCommand(s: PactaServices, o: ConnectOptions): Promise<void> {
  let info: Awaited<ReturnType<PactaServices["sync"]["connectWebhook"]>>;
  try {
    info = await s.sync.connectWebhook(o.webhook);
  } catch (error) {
    // A URL that is not a webhook's is a usage mistake; its text never repeats the URL.
    if (error instanceof PactaError && error.reason === "invalid_argument") {
      throw new UsageError(`--webhook: ${error.message}`);
    }
    throw error;
  }
  if (o.json) return printJson(info);
  const where = info.secretStorage === "file" ? "a file only you can read" : "the keychain";
  const user = `${info.userName} (user ${info.userId})`;
  out(`Connected to ${info.portal} as ${user}; secret kept in ${where}.`);
}

export async function syncCommand(s: PactaServices, o: { json?: boolean }): Promise<void> {
  const result = await s.sync.run();
  const pending = s.sync.status().pending;
  if (o.json) {
    const { pulled, pushed, conflicts, errors, state, id, startedAt, finishedAt, detail } = result;
    printJson({
      pulled,
      pushed,
      conflicts,
      errors,
      state,
      pending,
      id,
      startedAt,
      finishedAt,
      detail,
    });
  } else out(summary(result, pending));
  if (result.state === "offline") {
    throw new PactaError(
      "portal_unreachable",
      `the portal could not be reached; ${pending} contracts wait in the outbox`,
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

function summary(r: SyncRun, pending: number): string {
  const lines = [
    `Sync ${r.state}: ${r.pulled} pulled, ${r.pushed} pushed, ${r.conflicts} conflicts, ` +
      `${r.errors} errors.`,
  ];
  if (r.detail.created > 0) lines.push(`${r.detail.created} contracts created from the portal.`);
  if (pending > 0) lines.push(`${pending} contracts wait in the outbox.`);
  for (const p of r.detail.problems) lines.push(`  ${p.where}: ${p.message}`);
  return lines.join("\n");
}
