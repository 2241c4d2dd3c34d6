/**
 * The headless host: serves the built renderer and the API over HTTP on
 * 127.0.0.1 only. Every API call needs the per-run bearer token; requests
 * naming another host (DNS rebinding) are refused.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ApiHandlers } from "../../shared/api/contract";
import { type ApiResult, fail } from "../../shared/api/result";
import { dispatch } from "../api/dispatch";
import { createLogger } from "../logging/logger";
import { readBody } from "./read-body";
import { CONTENT_SECURITY_POLICY, contentTypeOf } from "./static";

const log = createLogger("host");

/** Imports send whole files; beyond this a request is refused. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

export interface HostOptions {
  /** The handlers, or a function giving the current ones (they change after a restore). */
  handlers: ApiHandlers | (() => ApiHandlers);
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString("base64url");
  const server = http.createServer((req, res) => {
    handle(req, res, options, token).catch((error: unknown) => {
      log.error({ err: error, url: req.url }, "request failed");
      if (!res.headersSent) sendJson(res, 500, fail("internal", "the host could not answer"));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, "headless host listening");
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: HostOptions,
  token: string,
): Promise<void> {
  if (!isLoopbackHost(req.headers.host)) {
    sendJson(res, 403, fail("unauthorized", "this host answers only to 127.0.0.1 and localhost"));
    return;
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (url.pathname.startsWith("/api/")) {
    const handlers = typeof options.handlers === "function" ? options.handlers() : options.handlers;
    await handleApi(req, res, url.pathname.slice("/api/".length), handlers, token);
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  serveStatic(res, options.rendererDir, url.pathname);
}

async function handleApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  channel: string,
  handlers: ApiHandlers,
  token: string,
): Promise<void> {
  if (req.method !== "POST") {
    sendJson(res, 405, fail("unknown_method", "API calls are POST requests"));
    return;
  }
  if (!hasToken(req.headers.authorization, token)) {
    sendJson(res, 401, fail("unauthorized", "missing or wrong bearer token"));
    return;
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    sendJson(res, 413, fail("invalid_argument", "the request body is too large"));
    return;
  }
  let args: unknown;
  try {
    args = body.length === 0 ? {} : JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "unreadable";
    sendJson(res, 400, fail("invalid_argument", `the request body is not JSON: ${detail}`));
    return;
  }
  const result = await dispatch(handlers, decodeURIComponent(channel), args);
  sendJson(res, statusOf(result), result);
}

function statusOf(result: ApiResult<unknown>): number {
  if (result.ok) return 200;
  if (result.error.reason === "unknown_method") return 404;
  if (result.error.reason === "internal") return 500;
  return 200;
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, "");
  return name === "127.0.0.1" || name === "localhost" || name === "[::1]";
}

export function hasToken(header: string | undefined, token: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? "");
  if (!m?.[1]) return false;
  const given = Buffer.from(m[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(text);
}

function serveStatic(res: http.ServerResponse, root: string, pathname: string): void {
  const relative = decodeURIComponent(pathname).replace(/^\/+/, "") || "index.html";
  const file = path.resolve(root, relative);
  const inside = file === root || file.startsWith(root + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
  // Unknown paths get the app's page, so a reload on any view still works.
  const chosen = target ?? path.join(root, "index.html");
  if (!fs.existsSync(chosen)) {
    res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("The renderer is not built. Run `npm run build` first.\n");
    return;
  }
  res.writeHead(200, {
    "Content-Type": contentTypeOf(chosen),
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": chosen.endsWith("index.html") ? "no-store" : "max-age=3600",
  });
  fs.createReadStream(chosen).pipe(res);
}
