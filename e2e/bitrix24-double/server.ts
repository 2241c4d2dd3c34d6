/**
 * A local test double of a Bitrix24 portal: a real HTTP server on
 * 127.0.0.1 (random port) that answers REST calls the way the docs
 * describe them (see ../../../shared/docs/BITRIX24.md, section 10).
 *
 *   webhook  /rest/{userId}/{secret}/{method}[.json]
 *   OAuth    /rest/{method}[.json]?auth=TOKEN   and   GET /oauth/token/
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { Credentials, type OAuthApp, type TokenPair, type Webhook } from "./auth";
import { innerMethods, runBatch } from "./batch";
import { parseBody, readBody } from "./body";
import {
  type Fault,
  FaultQueue,
  LeakyBucket,
  OperatingBudget,
  type OperatingLimit,
  PORTAL_RATE_LIMIT,
  type RateLimit,
} from "./faults";
import { atom, type Json } from "./fields";
import { type CallContext, callMethod } from "./methods";
import { authorize, token } from "./oauth";
import { asText, type ParamMap, parseQuery, pick } from "./params";
import { PortalError } from "./portal-error";
import { PortalState, seedCrm } from "./state";
import type { TlsMaterial } from "./tls";

export interface DoubleOptions {
  /** Minutes east of UTC for the portal's datetimes (default 180, `+03:00`). */
  offsetMinutes?: number;
  /** The request-rate bucket: off (null) unless asked for; `true` is the portal's 50 / 2 per s. */
  rateLimit?: RateLimit | boolean | null;
  /** The per-method operating-time budget; off (null) unless asked for. */
  operatingLimit?: OperatingLimit | null;
  /** Delay before every answer, in ms. */
  latencyMs?: number;
  /** Access-token lifetime in seconds (3600). */
  accessTtlSeconds?: number;
  /** Write empty maps as `[]`, as PHP does (default true). */
  emptyMapsAsArrays?: boolean;
  /** Seed companies, contacts and deals (default true). */
  seed?: boolean;
  /** Serve https with this key and certificate (see `loopbackCertificate`); http when absent. */
  tls?: TlsMaterial | null;
}

export interface DoubleStats {
  /** Every HTTP request that reached the double. */
  requests: number;
  /** Requests per top-level REST method (lower case), `oauth.token` for refreshes. */
  byMethod: Record<string, number>;
  /** Requests refused by the rate limit. */
  rateLimited: number;
  /** Answers per HTTP status. */
  byStatus: Record<number, number>;
}

/** The webhook every double starts with: user 1, an administrator. */
export const DEFAULT_WEBHOOK: Webhook = {
  userId: 1,
  secret: "k3y5ecr3tw3bh00k",
  scopes: ["crm", "user", "bizproc", "disk", "im"],
};

export const DEFAULT_APP: OAuthApp = {
  clientId: "local.pacta0000000001",
  clientSecret: "app-s3cr3t-0123456789",
  scopes: ["crm", "user", "bizproc"],
};

const HTML_PAGE = (status: number) =>
  `<html>\r\n<head><title>${status} Service Temporarily Unavailable</title></head>\r\n` +
  `<body>\r\n<center><h1>${status} Service Temporarily Unavailable</h1></center>\r\n` +
  "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

const emptyMapsAsArrays = (_key: string, value: unknown) =>
  value !== null &&
  typeof value === "object" &&
  !Array.isArray(value) &&
  Object.keys(value).length === 0
    ? []
    : value;

export class Bitrix24Double {
  readonly state: PortalState;
  readonly credentials: Credentials;
  readonly faults = new FaultQueue();
  stats: DoubleStats = { requests: 0, byMethod: {}, rateLimited: 0, byStatus: {} };
  latencyMs: number;
  /** While true, connections are cut without an answer, as when the network is down. */
  offline = false;
  /** Who is signed in to the portal in the browser that opens the authorize page. */
  signedInUserId = 1;
  private bucket: LeakyBucket | null = null;
  private budget: OperatingBudget | null = null;
  private readonly phpJson: boolean;
  private readonly server: http.Server | https.Server;
  private readonly scheme: "http" | "https";
  private readonly timers = new Set<NodeJS.Timeout>();
  private port = 0;

  private constructor(options: DoubleOptions) {
    this.state = new PortalState(options.offsetMinutes ?? 180);
    this.credentials = new Credentials(() => this.state.now(), options.accessTtlSeconds);
    this.credentials.webhooks.push({ ...DEFAULT_WEBHOOK });
    this.credentials.apps.push({ ...DEFAULT_APP });
    this.latencyMs = options.latencyMs ?? 0;
    this.phpJson = options.emptyMapsAsArrays ?? true;
    const rate = options.rateLimit ?? null;
    this.setRateLimit(rate === true ? PORTAL_RATE_LIMIT : rate === false ? null : rate);
    this.setOperatingLimit(options.operatingLimit ?? null);
    if (options.seed ?? true) seedCrm(this.state);
    const listener: http.RequestListener = (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        this.send(res, 500, { error: "INTERNAL_SERVER_ERROR", error_description: text });
      });
    };
    const tls = options.tls ?? null;
    this.scheme = tls ? "https" : "http";
    this.server = tls
      ? https.createServer({ key: tls.key, cert: tls.cert }, listener)
      : http.createServer(listener);
  }

  static async start(options: DoubleOptions = {}, port = 0): Promise<Bitrix24Double> {
    const double = new Bitrix24Double(options);
    await new Promise<void>((resolve, reject) => {
      double.server.once("error", reject);
      double.server.listen(port, "127.0.0.1", () => resolve());
    });
    double.port = (double.server.address() as AddressInfo).port;
    return double;
  }

  /** `http://127.0.0.1:PORT`, or `https://…` when serving TLS. */
  get origin(): string {
    return `${this.scheme}://127.0.0.1:${this.port}`;
  }

  /** The incoming-webhook URL as the portal shows it, ending in `/`. */
  webhookUrl(hook: Webhook = DEFAULT_WEBHOOK): string {
    return `${this.origin}/rest/${hook.userId}/${hook.secret}/`;
  }

  /** Where OAuth calls go (`client_endpoint`). */
  get restUrl(): string {
    return `${this.origin}/rest/`;
  }

  /** Where token requests go (the real one is oauth.bitrix.info). */
  get oauthUrl(): string {
    return `${this.origin}/oauth/token/`;
  }

  /** The portal's authorize page for an app (its redirect URL is in `credentials.apps`). */
  authorizeUrl(state: string, clientId = DEFAULT_APP.clientId): string {
    return `${this.origin}/oauth/authorize/?${new URLSearchParams({ client_id: clientId, state })}`;
  }

  issueTokens(userId = 1, clientId = DEFAULT_APP.clientId): TokenPair {
    return this.credentials.issue(userId, clientId);
  }

  /** Switches the bucket on (the portal's burst 50, 2 per second unless given) or off (null). */
  setRateLimit(limit: RateLimit | null = PORTAL_RATE_LIMIT): void {
    this.bucket = limit ? new LeakyBucket(limit) : null;
  }

  setOperatingLimit(limit: OperatingLimit | null): void {
    this.budget = limit ? new OperatingBudget(limit) : null;
  }

  injectFault(fault: Fault): void {
    this.faults.add(fault);
  }

  resetStats(): void {
    this.stats = { requests: 0, byMethod: {}, rateLimited: 0, byStatus: {} };
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.offline) {
      req.socket.destroy();
      return;
    }
    this.stats.requests += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    let params: ParamMap;
    try {
      params = { ...parseQuery(url.search.slice(1)), ...parseBody(req, body) };
    } catch (error) {
      this.count("(bad request)");
      return this.fail(res, error);
    }
    const oauth = /^\/oauth\/(token|authorize)\/?$/.exec(url.pathname)?.[1];
    if (oauth) return this.oauth(res, oauth, params);
    const route = /^\/rest\/(?:(\d+)\/([^/]+)\/)?([^/]+?)(\.json|\.xml)?\/?$/.exec(url.pathname);
    if (!route) {
      this.count("(unknown path)");
      return this.fail(res, new PortalError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"));
    }
    const [, uid, secret, rawMethod = "", suffix] = route;
    const method = rawMethod.toLowerCase();
    this.count(method);
    if (this.bucket && !this.bucket.take()) {
      this.stats.rateLimited += 1;
      return this.fail(res, new PortalError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
    }
    const fault = this.faults.take(method, method === "batch" ? innerMethods(params) : []);
    if (fault && (await this.answerFault(res, fault))) return;
    await this.wait(this.latencyMs);
    try {
      if (suffix === ".xml") {
        throw new PortalError(400, "INVALID_REQUEST", "XML answers are not offered by this double");
      }
      const ctx = this.authenticate(uid, secret, params);
      const started = Date.now();
      const answer =
        method === "batch"
          ? { result: runBatch(params, ctx, (t, sub) => this.time(t, ctx.credential, sub)) }
          : callMethod(method, params, ctx);
      if (fault?.kind === "timeout-after-commit") await this.wait(fault.delayMs ?? 5000);
      const body = { ...answer, time: this.time(started, ctx.credential, method) };
      this.send(res, 200, body, fault?.kind === "truncated");
    } catch (error) {
      this.fail(res, error);
    }
  }

  /** Writes a fault's answer; false when the fault only delays the real one. */
  private async answerFault(res: http.ServerResponse, fault: Fault): Promise<boolean> {
    switch (fault.kind) {
      case "rate-limit":
        this.fail(res, new PortalError(503, "QUERY_LIMIT_EXCEEDED", "Too many requests"));
        return true;
      case "operation-time-limit":
        this.fail(
          res,
          new PortalError(
            429,
            "OPERATION_TIME_LIMIT",
            "Method is blocked due to operation time limit.",
          ),
        );
        return true;
      case "internal":
        this.fail(res, new PortalError(500, "INTERNAL_SERVER_ERROR", "Internal server error"));
        return true;
      case "overload":
        this.fail(
          res,
          new PortalError(503, "OVERLOAD_LIMIT", "REST API is blocked due to overload."),
        );
        return true;
      case "empty-code":
        this.fail(res, new PortalError(fault.status ?? 400, "", fault.description ?? "Not found"));
        return true;
      case "html": {
        const status = fault.status ?? 502;
        this.tally(status);
        res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
        res.end(fault.description ?? HTML_PAGE(status));
        return true;
      }
      case "slow":
        await this.wait(fault.delayMs ?? 1000);
        return false;
      case "timeout-after-commit":
      case "truncated":
        return false;
    }
  }

  private authenticate(uid: string | undefined, secret: string | undefined, params: ParamMap) {
    if (uid !== undefined && secret !== undefined) {
      const hook = this.credentials.webhook(Number(uid), secret);
      return this.context(hook.userId, hook.scopes, "webhook", `hook:${hook.userId}`, null);
    }
    const pair = this.credentials.access(asText(pick(params, "auth")));
    const scopes = this.credentials.appScopes(pair.clientId);
    return this.context(pair.userId, scopes, "oauth", `app:${pair.clientId}`, pair.clientId);
  }

  private context(
    userId: number,
    scopes: string[],
    auth: "webhook" | "oauth",
    credential: string,
    clientId: string | null,
  ): CallContext & { credential: string } {
    const user = this.state.user(userId);
    const meter = (method: string) => {
      if (this.budget && !this.budget.charge(credential, method)) {
        throw new PortalError(
          429,
          "OPERATION_TIME_LIMIT",
          "Method is blocked due to operation time limit.",
        );
      }
    };
    return {
      state: this.state,
      userId,
      isAdmin: user?.admin === true,
      scopes,
      auth,
      clientId,
      meter,
      credential,
    };
  }

  private oauth(res: http.ServerResponse, path: string, params: ParamMap): void {
    const site = {
      credentials: this.credentials,
      now: () => this.state.now(),
      origin: this.origin,
      signedInUserId: this.signedInUserId,
    };
    try {
      if (path === "token") {
        this.count("oauth.token");
        this.send(res, 200, token(site, params));
        return;
      }
      this.count("oauth.authorize");
      const answer = authorize(site, params);
      this.tally(answer.status);
      if (answer.status === 302) res.writeHead(302, { Location: answer.location }).end();
      else res.writeHead(answer.status, { "Content-Type": "text/html; charset=utf-8" });
      if (answer.status !== 302) res.end(answer.html);
    } catch (error) {
      this.fail(res, error);
    }
  }

  private time(startedMs: number, credential: string, method: string): Json {
    const now = Date.now();
    const offset = this.state.offsetMinutes;
    const used = method === "batch" ? null : this.budget?.report(credential, method);
    return {
      start: startedMs / 1000,
      finish: now / 1000,
      duration: (now - startedMs) / 1000,
      processing: (now - startedMs) / 1000,
      date_start: atom(startedMs, offset),
      date_finish: atom(now, offset),
      operating_reset_at: used?.resetAt ?? Math.floor(now / 1000) + 600,
      operating: used?.operating ?? 0,
    };
  }

  private count(method: string): void {
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
  }

  private tally(status: number): void {
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
  }

  private fail(res: http.ServerResponse, error: unknown): void {
    if (error instanceof PortalError) {
      this.send(res, error.status, { error: error.code, error_description: error.description });
      return;
    }
    throw error;
  }

  private send(res: http.ServerResponse, status: number, body: Json | object, cut = false): void {
    if (res.destroyed || res.headersSent) return;
    this.tally(status);
    const text = JSON.stringify(body, this.phpJson ? emptyMapsAsArrays : undefined);
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
    res.end(cut ? text.slice(0, Math.floor(text.length / 2)) : text);
  }
}
