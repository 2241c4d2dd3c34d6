/**
 * Starts the double by hand: `node e2e/bitrix24-double/start.mjs [--port N]
 * [--contracts N] [--rate-limit CAPACITY/PER_SECOND] [--latency MS]`.
 * Prints one JSON line with the URLs and credentials, then serves until
 * interrupted.
 */
import { Bitrix24Double, DEFAULT_APP } from "./server";
import { seedContracts } from "./state";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const rate = option("rate-limit")?.split("/");
  const double = await Bitrix24Double.start(
    {
      latencyMs: Number(option("latency") ?? 0),
      rateLimit: rate ? { capacity: Number(rate[0]), drainPerSecond: Number(rate[1] ?? 2) } : null,
    },
    Number(option("port") ?? 0),
  );
  seedContracts(double.state, Number(option("contracts") ?? 120));
  const tokens = double.issueTokens();
  const info = {
    webhookUrl: double.webhookUrl(),
    restUrl: double.restUrl,
    oauthUrl: double.oauthUrl,
    clientId: DEFAULT_APP.clientId,
    clientSecret: DEFAULT_APP.clientSecret,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const stop = () => {
    double.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bitrix24 double: ${error instanceof Error ? error.message : error}\n`);
  process.exitCode = 1;
});
