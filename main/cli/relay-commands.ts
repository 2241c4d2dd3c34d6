/**
 * `pacta serve --relay`: the portal action's relay, a long-running process
 * on a host the firm controls (see main/relay). The client secret comes
 * from the environment (`PACTA_CLIENT_SECRET`), never from the command line
 * where other users could read it.
 */
import type { PactaServices } from "../app/services";
import { handlerUrl, INSTALL_PATH, publicPath } from "../relay/activity";
import { startRelayServer } from "../relay/relay-server";
import { Relay } from "../relay/relay-service";
import { out, printJson, UsageError } from "./output";

export interface RelayServeOptions {
  port: string;
  json?: boolean;
  publicUrl?: string;
  host?: string;
  pollSeconds?: string;
  portal?: string;
  clientId?: string;
  oauthUrl?: string;
}

const OAUTH_URL = "https://oauth.bitrix.info/oauth/token/";

function httpUrl(text: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${flag} must be an http(s) URL, not "${text}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${flag} must be an http(s) URL, not "${text}"`);
  }
  return url;
}

export async function serveRelay(s: PactaServices, o: RelayServeOptions): Promise<void> {
  if (!/^\d+$/.test(o.port) || Number(o.port) > 65535) {
    throw new UsageError(`--port takes a number from 0 to 65535, not "${o.port}"`);
  }
  if (!o.publicUrl) throw new UsageError("--relay needs --public-url (where the portal calls)");
  const publicUrl = httpUrl(o.publicUrl, "--public-url");
  if (publicUrl.search !== "" || publicUrl.hash !== "") {
    throw new UsageError("--public-url takes no query or fragment");
  }
  const seconds = o.pollSeconds ?? "30";
  if (!/^\d+(\.\d+)?$/.test(seconds) || Number(seconds) < 0.1 || Number(seconds) > 86_400) {
    throw new UsageError(`--poll-seconds takes a number from 0.1 to 86400, not "${seconds}"`);
  }
  if (Object.keys(s.sync.store.settings().stageMap).length === 0) {
    // Without a stage map no call's awaited stage can be followed on the portal.
    throw new UsageError(
      "--relay needs the sync settings (target and stage map) in its data folder: " +
        "set them with pacta serve on this folder first",
    );
  }
  const portal = o.portal ?? s.sync.store.connection()?.portal;
  if (!portal) throw new UsageError("--portal is needed until the app is installed");
  httpUrl(portal, "--portal");
  const secret = process.env.PACTA_CLIENT_SECRET ?? "";
  if (o.clientId && secret === "") {
    throw new UsageError("--client-id needs the app's secret in PACTA_CLIENT_SECRET");
  }
  const relay = new Relay(s, {
    publicUrl: publicUrl.href,
    portal,
    app: o.clientId
      ? {
          clientId: o.clientId,
          clientSecret: secret,
          oauthUrl: httpUrl(o.oauthUrl ?? OAUTH_URL, "--oauth-url").href,
        }
      : null,
    pollMs: Number(seconds) * 1000,
  });
  const server = await startRelayServer(relay, {
    host: o.host ?? "127.0.0.1",
    port: Number(o.port),
  });
  const info = {
    url: server.url,
    port: server.port,
    publicUrl: publicUrl.href,
    handler: handlerUrl(publicUrl.href),
    install: publicPath(publicUrl.href, INSTALL_PATH),
    installed: relay.installed,
    dataDir: s.dataDir,
  };
  if (o.json) printJson(info);
  else {
    out(
      `Pacta relay listening on ${info.url}\nAction handler: ${info.handler}\n` +
        `Install callback: ${info.install}\nPress Ctrl+C to stop.`,
    );
  }
  await relay.start().catch((error: unknown) => {
    // The portal may be away now; the poll goes on and registration is tried at install.
    process.stderr.write(
      `pacta: warning: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      relay
        .stop()
        .then(() => server.close())
        .then(resolve, resolve);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
