#!/usr/bin/env node
/**
 * `pacta`: the command line door. Global `--data-dir DIR`, else
 * `PACTA_DATA_DIR`, else the desktop app's folder.
 */
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { FiredDigest } from "../../shared/domain/digests";
import { resolveDataDir } from "../app/data-dir";
import { RegisterDoor } from "../app/register-door";
import { openServices, type PactaServices } from "../app/services";
import { APP_VERSION } from "../app/version";
import { digestNotifier } from "../digests/notifier";
import { startHost } from "../host/server";
import { feedNotifier, ReminderScheduler } from "../reminders/scheduler";
import { backupCommands, type FolderRunner } from "./backup-commands";
import { bizprocCommands } from "./bizproc-commands";
import { exportCommand, importCommand, listCommand, showCommand } from "./commands";
import { digestCommands } from "./digest-commands";
import { lifecycleCommands } from "./lifecycle-commands";
import {
  EXIT_OK,
  EXIT_USAGE,
  out,
  printJson,
  type Runner,
  reportError,
  UsageError,
  warn,
} from "./output";
import { questionnaireCommands } from "./questionnaire-commands";
import { type RelayServeOptions, serveRelay } from "./relay-commands";
import { reminderCommands } from "./reminder-commands";
import { reportCommands } from "./report-commands";
import { syncCommands } from "./sync-commands";
import { templateCommands } from "./template-commands";
import { triggerCommands } from "./trigger-commands";

function program(run: Runner, inFolder: FolderRunner) {
  const cli = new Command("pacta")
    .description("Pacta: the contract register from the command line")
    .version(APP_VERSION)
    .option("--data-dir <dir>", "data folder (default: $PACTA_DATA_DIR or the app's folder)")
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      // Usage mistakes are one line, like every other error.
      outputError: (text, write) => write(`pacta: ${text.replace(/^error: /, "").trim()}\n`),
    });

  cli
    .command("import")
    .description("import contracts from a CSV or JSON file")
    .argument("<file>", "CSV (, or ;) or JSON file")
    .option("--mapping <file>", "column mapping (JSON); default: guessed from the headers")
    .option("--dry-run", "check the file and report, without writing")
    .option("--json", "print the report as JSON")
    .action((file: string, o) => run((s) => importCommand(s, file, o)));

  cli
    .command("list")
    .description("list contracts")
    .option("--search <q>", "full-text search (accents and case ignored)")
    .option("--stage <stage>", "only contracts at this stage")
    .option("--ending-within <days>", "only contracts ending within this many days")
    .option("--archived", "include archived contracts")
    .option("--json", "print JSON")
    .action((o) => run((s) => listCommand(s, o)));

  cli
    .command("show")
    .description("show one contract with its parties and history")
    .argument("<id>", "contract ID")
    .option("--json", "print JSON")
    .action((id: string, o) => run((s) => showCommand(s, id, o)));

  cli
    .command("export")
    .description("export contracts to a JSON or CSV file that imports back")
    .argument("<file>", "where to write (.json or .csv)")
    .option("--format <format>", "json or csv (default: from the file name)")
    .option("--search <q>", "only contracts matching this search")
    .option("--stage <stage>", "only contracts at this stage")
    .option("--archived", "include archived contracts")
    .action((file: string, o) => run((s) => exportCommand(s, file, o)));

  lifecycleCommands(cli, run);
  reminderCommands(cli, run);
  templateCommands(cli, run);
  syncCommands(cli, run);
  backupCommands(cli, run, inFolder);
  triggerCommands(cli, run);
  bizprocCommands(cli, run);
  reportCommands(cli, run);
  digestCommands(cli, run);
  questionnaireCommands(cli, run);

  cli
    .command("serve")
    .description("run the headless host: the app in a browser, on 127.0.0.1")
    .addOption(new Option("--port <n>", "port (default: a free port)").default("0"))
    .option("--json", "print the address as JSON")
    .option("--relay", "run the portal action's relay instead (an installed local app)")
    .option("--public-url <url>", "relay: the http(s) address the portal calls")
    .option("--host <host>", "relay: the address to bind (default 127.0.0.1)")
    .option("--poll-seconds <n>", "relay: seconds between stage checks (default 30)")
    .option("--portal <url>", "relay: the portal's address, until the app is installed")
    .option("--client-id <id>", "relay: the local app's client id (secret: PACTA_CLIENT_SECRET)")
    .option("--oauth-url <url>", "relay: the token endpoint (default oauth.bitrix.info)")
    .action((o: RelayServeOptions & { relay?: boolean }) =>
      o.relay ? run((s) => serveRelay(s, o)) : inFolder((dir) => serve(dir, o)),
    );

  return cli;
}

async function serve(dataDir: string, o: { port: string; json?: boolean }): Promise<void> {
  if (!/^\d+$/.test(o.port) || Number(o.port) > 65535) {
    throw new UsageError(`--port takes a number from 0 to 65535, not "${o.port}"`);
  }
  const rendererDir = process.env.PACTA_RENDERER_DIR ?? path.join(__dirname, "..", "renderer");
  // A damaged register does not stop the host: the UI shows the recovery screen.
  const door = new RegisterDoor({
    dataDir,
    context: { door: "headless", version: APP_VERSION },
  });
  let scheduler: ReminderScheduler | null = null;
  let digests: ReminderScheduler<FiredDigest> | null = null;
  door.onChange((s) => {
    scheduler?.stop();
    scheduler = null;
    digests?.stop();
    digests = null;
    if (!s) return;
    // Fired reminders wait in the feed the UI polls (reminders.feed); digests too
    // (digests.feed), and their portal notifications go out with a sync.
    scheduler = new ReminderScheduler(s.reminders, feedNotifier);
    scheduler.start();
    digests = new ReminderScheduler(s.digests, digestNotifier(s));
    digests.start();
    s.sync.startAuto();
    s.backups.startAuto();
    s.triggers.startAuto();
  });
  const health = door.open();
  const host = await startHost({
    handlers: () => door.handlers(),
    rendererDir: path.resolve(rendererDir),
    port: Number(o.port),
  });
  const url = `${host.url}#token=${host.token}`;
  if (o.json) {
    printJson({ url, port: host.port, token: host.token, dataDir: door.dataDir, health });
  } else {
    out(`Pacta is running at ${url}\nData folder: ${door.dataDir}\nPress Ctrl+C to stop.`);
    if (health.state === "damaged") {
      warn(`the register cannot be used (${health.detail}); open the address to recover it`);
    }
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      scheduler?.stop();
      digests?.stop();
      door.close();
      host.close().then(resolve, resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

export async function main(argv: string[]): Promise<number> {
  let code = EXIT_OK;
  const run = async (work: (s: PactaServices) => Promise<void> | void) => {
    const dataDir = resolveDataDir(cli.opts<{ dataDir?: string }>().dataDir);
    let services: PactaServices | null = null;
    try {
      services = openServices({ dataDir });
      await work(services);
    } catch (error) {
      code = reportError(error);
    } finally {
      services?.close();
    }
  };
  const inFolder: FolderRunner = async (work) => {
    try {
      await work(resolveDataDir(cli.opts<{ dataDir?: string }>().dataDir));
    } catch (error) {
      code = reportError(error);
    }
  };
  const cli = program(run, inFolder);
  try {
    await cli.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help` and `--version` succeed; help shown for a missing command does not.
      const done = ["commander.helpDisplayed", "commander.version"];
      return done.includes(error.code) ? EXIT_OK : EXIT_USAGE;
    }
    return reportError(error);
  }
  return code;
}

if (require.main === module) {
  // A reader that stops early (`pacta list | head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.exitCode = reportError(error);
    },
  );
}
