/**
 * The relay's HTTP door: the action handler and the install event, both
 * form-encoded POSTs from the portal, and a health line. It binds only to
 * the host it is given (127.0.0.1 unless told), behind the firm's HTTPS
 * proxy that the public URL names.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "../host/read-body";
import { createLogger } from "../logging/logger";
import { HANDLER_PATH, INSTALL_PATH } from "./activity";
import { actionCallSchema, installEventSchema, parseForm } from "./form";
import type { Relay, RelayAnswer } from "./relay-service";

const log = createLogger("relay");

/** The portal's calls are small; anything past this is refused. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface RunningRelay {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startRelayServer(
  relay: Relay,
  options: { host: string; port: number },
): Promise<RunningRelay> {
  const server = http.createServer((req, res) => {
    route(relay, req)
      .then((answer) => send(res, answer))
      .catch((error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, "relay error");
        send(res, { status: 500, body: { error: "the relay could not answer" } });
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  log.info({ host: options.host, port }, "relay listening");
  return {
    url: `http://${host}:${port}/`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(relay: Relay, req: http.IncomingMessage): Promise<RelayAnswer> {
  const path = new URL(req.url ?? "/", "http://relay").pathname.replace(/\/+$/, "") || "/";
  if (req.method === "GET" && path === "/health") {
    const pending = relay.store.pending().length;
    return { status: 200, body: { ok: true, installed: relay.installed, pending } };
  }
  if (path !== HANDLER_PATH && path !== INSTALL_PATH) {
    return { status: 404, body: { error: "not found" } };
  }
  if (req.method !== "POST") return { status: 405, body: { error: "POST only" } };
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) return { status: 413, body: { error: "the request body is too large" } };
  const form = parseForm(body);
  if (path === INSTALL_PATH) {
    const event = installEventSchema.safeParse(form);
    if (!event.success) return { status: 400, body: { error: issues(event.error.issues) } };
    return relay.install(event.data);
  }
  const call = actionCallSchema.safeParse(form);
  if (!call.success) return { status: 400, body: { error: issues(call.error.issues) } };
  return relay.receive(call.data);
}

function issues(list: { path: PropertyKey[]; message: string }[]): string {
  return list
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "body"}: ${i.message}`)
    .join("; ");
}

function send(res: http.ServerResponse, answer: RelayAnswer): void {
  if (res.headersSent) return;
  res.writeHead(answer.status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(JSON.stringify(answer.body));
}
