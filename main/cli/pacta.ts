#!/usr/bin/env node
/**
 * `pacta`: the command line door. Global `--data-dir DIR`, else
 * `PACTA_DATA_DIR`, else the desktop app's folder.
 */
import path from "node:path";
import { Command, CommanderError, Option } from "commander";
import { createHandlers } from "../api/handlers";
import { resolveDataDir } from "../app/data-dir";
import { openServices, type PactaServices } from "../app/services";
import { APP_VERSION } from "../app/version";
import { startHost } from "../host/server";
import { feedNotifier, ReminderScheduler } from "../reminders/scheduler";
import { exportCommand, importCommand, listCommand, showCommand } from "./commands";
import { lifecycleCommands } from "./lifecycle-commands";
import {
  EXIT_OK,
  EXIT_USAGE,
  out,
  printJson,
  type Runner,
  reportError,
  UsageError,
} from "./output";
import { questionnaireCommands } from "./questionnaire-commands";
import { reminderCommands } from "./reminder-commands";
import { syncCommands } from "./sync-commands";
import { templateCommands } from "./template-commands";

function program(run: Runner) {
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
  questionnaireCommands(cli, run);

  cli
    .command("serve")
    .description("run the headless host: the app in a browser, on 127.0.0.1")
    .addOption(new Option("--port <n>", "port (default: a free port)").default("0"))
    .option("--json", "print the address as JSON")
    .action((o: { port: string; json?: boolean }) => run((s) => serve(s, o)));

  return cli;
}

async function serve(s: PactaServices, o: { port: string; json?: boolean }): Promise<void> {
  if (!/^\d+$/.test(o.port) || Number(o.port) > 65535) {
    throw new UsageError(`--port takes a number from 0 to 65535, not "${o.port}"`);
  }
  const rendererDir = process.env.PACTA_RENDERER_DIR ?? path.join(__dirname, "..", "renderer");
  const host = await startHost({
    handlers: createHandlers(s, { door: "headless", version: APP_VERSION }),
    rendererDir: path.resolve(rendererDir),
    port: Number(o.port),
  });
  const url = `${host.url}#token=${host.token}`;
  if (o.json) printJson({ url, port: host.port, token: host.token, dataDir: s.dataDir });
  else out(`Pacta is running at ${url}\nData folder: ${s.dataDir}\nPress Ctrl+C to stop.`);
  // Fired reminders wait in the feed the UI polls (reminders.feed).
  const scheduler = new ReminderScheduler(s.reminders, feedNotifier);
  scheduler.start();
  s.sync.startAuto();
  await new Promise<void>((resolve) => {
    const stop = () => {
      scheduler.stop();
      s.sync.stopAuto();
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
  const cli = program(run);
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
