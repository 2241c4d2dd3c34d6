/**
 * The one Bitrix24 REST client of the app: one axios instance, a leaky
 * bucket that keeps under the portal's rate, backoff with jitter on 503
 * QUERY_LIMIT_EXCEEDED and 429 OPERATION_TIME_LIMIT, timeouts, OAuth
 * refresh shared by parallel calls, and the envelope checked with zod.
 * Errors are `Bitrix24Error`s; no message or log line carries a secret.
 */
import https from "node:https";
import { rootCertificates } from "node:tls";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { createLogger } from "../logging/logger";
import {
  type Bitrix24Auth,
  type OAuthAuth,
  type OAuthTokens,
  parseWebhookUrl,
  restRoot,
  tokenResponseSchema,
} from "./auth";
import { type CallTime, errorSchema, successSchema } from "./envelope";
import { Bitrix24Error, kindOf } from "./errors";
import { DEFAULT_RATE_LIMIT, delay, LeakyBucketLimiter, type RateLimitOptions } from "./limiter";
import type { QueryValue } from "./query-string";
import { redact } from "./redact";
import { DEFAULT_RETRY, isReadMethod, type RetryOptions, SLOW_FROM } from "./retry";

export { isReadMethod, type RetryOptions } from "./retry";

const log = createLogger("bitrix24");

export type Params = Record<string, QueryValue>;

export interface Bitrix24ClientOptions {
  auth: Bitrix24Auth;
  /** The portal's bucket: burst 50, 2 per second unless the plan says otherwise. */
  rateLimit?: RateLimitOptions;
  /** Per-request timeout (default 30 s; the portal cuts calls at 60 s). */
  timeoutMs?: number;
  /** A certificate authority (PEM) to trust besides the system's: a self-hosted portal's. */
  ca?: string;
  /**
   * Seconds of execution a method may use per 10 minutes before the portal answers 429
   * (480 on the cloud). From 80 % of it, reported in `time.operating`, the method slows down.
   */
  operatingBudgetSeconds?: number;
  retry?: Partial<RetryOptions>;
  /** Random source for jitter, in [0, 1). */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface CallResult<T = unknown> {
  result: T;
  total?: number;
  next?: number;
  time?: CallTime;
}

export interface ClientStats {
  /** HTTP requests sent to the portal's REST endpoint. */
  requests: number;
  /** Requests repeated after a refusal, a 5xx or a network error. */
  retries: number;
  /** Token refreshes (OAuth). */
  refreshes: number;
}

export class Bitrix24Client {
  readonly stats: ClientStats = { requests: 0, retries: 0, refreshes: 0 };
  private readonly http: AxiosInstance;
  private readonly limiter: LeakyBucketLimiter;
  private readonly retry: RetryOptions;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly base: string;
  /** Scheme, host and port: safe to log. */
  readonly origin: string;
  private readonly oauth: OAuthAuth | null;
  private tokens: OAuthTokens | null;
  private refreshing: Promise<void> | null = null;
  /**
   * Methods paused until this epoch ms, other methods going on: after 429
   * OPERATION_TIME_LIMIT, and ahead of it once `time.operating` passes 80 % of the budget.
   * TODO(bitrix24): `batch` answers carry the sub-calls' times in `result_time`; those are
   * not read yet, so methods called only inside batches still meet the 429 first.
   */
  private readonly pausedUntil = new Map<string, number>();
  private readonly fixedSecrets: string[];
  private readonly operatingBudget: number;

  constructor(options: Bitrix24ClientOptions) {
    const auth = options.auth;
    if (auth.kind === "webhook") {
      const hook = parseWebhookUrl(auth.url);
      this.base = hook.base;
      this.origin = hook.origin;
      this.fixedSecrets = [hook.secret];
      this.oauth = null;
      this.tokens = null;
    } else {
      const root = restRoot(auth);
      this.base = root.base;
      this.origin = root.origin;
      this.fixedSecrets = [auth.clientSecret];
      this.oauth = auth;
      this.tokens = { ...auth.tokens };
    }
    this.limiter = new LeakyBucketLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.operatingBudget = options.operatingBudgetSeconds ?? 480;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? delay;
    this.http = axios.create({
      timeout: options.timeoutMs ?? 30_000,
      // Answers are read as text and parsed here: HTML pages and truncated
      // JSON must become clear errors, not axios guesses.
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      ...(options.ca
        ? { httpsAgent: new https.Agent({ ca: [...rootCertificates, options.ca] }) }
        : {}),
      headers: {
        Accept: "application/json",
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Pacta (Bitrix24 sync)",
      },
    });
  }

  /** Every secret this client holds, for redaction. */
  private secrets(): string[] {
    const t = this.tokens;
    return t ? [...this.fixedSecrets, t.accessToken, t.refreshToken] : this.fixedSecrets;
  }

  /**
   * Calls one REST method. What the portal refused for load is retried; a
   * write that may have landed is not.
   */
  async call<T = unknown>(method: string, params: Params = {}): Promise<CallResult<T>> {
    return (await this.send(method, params, isReadMethod(method))) as CallResult<T>;
  }

  /** Sends a request with limiter, retries and token refresh; `repeatable` allows retrying 5xx. */
  async send(method: string, params: Params, repeatable: boolean): Promise<CallResult> {
    let refreshed = false;
    const key = method.toLowerCase();
    for (let attempt = 0; ; attempt++) {
      const paused = (this.pausedUntil.get(key) ?? 0) - Date.now();
      if (paused > 0) await this.sleep(paused);
      await this.limiter.acquire();
      const token = this.tokens?.accessToken ?? null;
      const error = await this.attempt(method, params, token);
      if (!(error instanceof Bitrix24Error)) {
        this.slowDown(key, error.time);
        return error;
      }
      const expired =
        this.oauth !== null &&
        error.status === 401 &&
        (error.code === "expired_token" || error.code === "invalid_token");
      if (expired && !refreshed && token !== null) {
        refreshed = true;
        await this.refreshAfter(method, token);
        attempt -= 1;
        continue;
      }
      const wait = this.backoff(error, attempt, repeatable);
      if (wait === null) throw error;
      if (error.kind === "operation-limit") this.pausedUntil.set(key, Date.now() + wait);
      this.stats.retries += 1;
      log.warn(
        { method, kind: error.kind, code: error.code, status: error.status, attempt, waitMs: wait },
        "bitrix24 call refused; waiting before the next try",
      );
      await this.sleep(wait);
    }
  }

  /**
   * Past 80 % of a method's operating budget, its next call waits a share of the time
   * left until the budget resets: nothing at 80 %, all of it (and a second more, as the
   * reset time is given in whole seconds) at 100 %.
   */
  private slowDown(key: string, time: CallTime | undefined): void {
    const used = time?.operating;
    const resetAt = time?.operating_reset_at;
    if (used === undefined || resetAt === undefined) return;
    const share = used / this.operatingBudget;
    if (share < SLOW_FROM) return;
    const left = resetAt * 1000 + 1000 - Date.now();
    const wait = Math.round(left * Math.min(1, (share - SLOW_FROM) / (1 - SLOW_FROM)));
    if (wait <= 0) return;
    this.pausedUntil.set(key, Math.max(this.pausedUntil.get(key) ?? 0, Date.now() + wait));
    log.info({ method: key, operating: used, waitMs: wait }, "bitrix24 method slowed down");
  }

  /** How long to wait before trying again, or null to give up. */
  private backoff(error: Bitrix24Error, attempt: number, repeatable: boolean): number | null {
    if (attempt >= this.retry.retries) return null;
    const jitter = (ms: number) => Math.round(ms * (0.9 + 0.2 * this.random()));
    const grow = (base: number) => Math.min(this.retry.maxDelayMs, base * 1.5 ** attempt);
    const refused = error.status === 503 || error.status === 429;
    if (error.kind === "rate-limit" || (error.kind === "bad-response" && error.status === 503)) {
      this.limiter.fill();
      return jitter(grow(this.retry.baseDelayMs));
    }
    if (error.kind === "operation-limit" || (error.kind === "bad-response" && refused)) {
      const grown = this.retry.operationLimitDelayMs * 1.5 ** attempt;
      return jitter(
        Math.min(Math.max(this.retry.maxDelayMs, this.retry.operationLimitDelayMs), grown),
      );
    }
    const transient =
      error.kind === "network" ||
      error.kind === "timeout" ||
      (error.status >= 500 && error.kind !== "overload" && error.kind !== "portal-deleted");
    if (transient && repeatable) return jitter(grow(this.retry.baseDelayMs));
    return null;
  }

  /** One HTTP exchange: the envelope, or the error it amounts to. */
  private async attempt(
    method: string,
    params: Params,
    token: string | null,
  ): Promise<CallResult | Bitrix24Error> {
    const started = Date.now();
    const body = token === null ? params : { ...params, auth: token };
    this.stats.requests += 1;
    let response: AxiosResponse<string>;
    try {
      response = await this.http.post<string>(`${this.base}${method}`, JSON.stringify(body));
    } catch (error) {
      const timedOut =
        axios.isAxiosError(error) && (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT");
      const reason = axios.isAxiosError(error) ? (error.code ?? "connection failed") : "failed";
      log.warn({ method, portal: this.origin, reason, ms: Date.now() - started }, "bitrix24 call");
      return new Bitrix24Error({
        kind: timedOut ? "timeout" : "network",
        method,
        description: timedOut ? undefined : this.clean(reason),
        maybeCommitted: timedOut && !isReadMethod(method),
      });
    }
    log.debug(
      { method, portal: this.origin, status: response.status, ms: Date.now() - started },
      "bitrix24 call",
    );
    return this.read(method, response);
  }

  private clean(text: string): string {
    return redact(text, this.secrets());
  }

  /** Turns an HTTP answer into the envelope or a typed error naming the method. */
  private read(method: string, response: AxiosResponse<string>): CallResult | Bitrix24Error {
    const status = response.status;
    const text = typeof response.data === "string" ? response.data : "";
    const type = String(response.headers["content-type"] ?? "");
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
      const what =
        /html/i.test(type) || /^\s*</.test(text) ? "an HTML page" : "a body that is not JSON";
      const shown = title ? ` "${title.slice(0, 80)}"` : text.trim() === "" ? " (empty)" : "";
      return new Bitrix24Error({
        kind: "bad-response",
        method,
        status,
        description: this.clean(`${what}${shown}`),
      });
    }
    const hasResult = typeof json === "object" && json !== null && "result" in json;
    const failure = errorSchema.safeParse(json);
    if (failure.success && (status >= 400 || !hasResult)) {
      const { error: code, error_description: description } = failure.data;
      return new Bitrix24Error({
        kind: kindOf(code, description, status),
        method,
        code: this.clean(code),
        description: this.clean(description),
        status,
      });
    }
    const ok = successSchema.safeParse(json);
    if (!ok.success || !hasResult || status >= 400) {
      return new Bitrix24Error({
        kind: status >= 400 ? kindOf("", "", status) : "bad-response",
        method,
        status,
        description: status >= 400 ? "no error code in the answer" : "no result in the answer",
      });
    }
    return ok.data;
  }

  /** Parallel 401s share one refresh; a call that used an old token just retries. */
  private async refreshAfter(method: string, usedToken: string): Promise<void> {
    if (this.tokens?.accessToken !== usedToken) return;
    if (!this.refreshing) {
      this.refreshing = this.refreshTokens(method).finally(() => {
        this.refreshing = null;
      });
    }
    await this.refreshing;
  }

  private async refreshTokens(method: string): Promise<void> {
    const auth = this.oauth;
    const tokens = this.tokens;
    if (!auth || !tokens) return;
    this.stats.refreshes += 1;
    let response: AxiosResponse<string>;
    try {
      response = await this.http.get<string>(auth.oauthUrl, {
        params: {
          grant_type: "refresh_token",
          client_id: auth.clientId,
          client_secret: auth.clientSecret,
          refresh_token: tokens.refreshToken,
        },
      });
    } catch (error) {
      const timedOut = axios.isAxiosError(error) && error.code === "ECONNABORTED";
      throw new Bitrix24Error({
        kind: timedOut ? "timeout" : "network",
        method: `${method} (token refresh)`,
      });
    }
    const answer =
      response.status === 200 ? null : this.read(`${method} (token refresh)`, response);
    if (answer instanceof Bitrix24Error) {
      log.error(
        { method, code: answer.code, status: answer.status },
        "bitrix24 token refresh failed",
      );
      throw new Bitrix24Error({
        kind: "unauthorized",
        method: `${method} (token refresh)`,
        code: answer.code,
        status: answer.status,
        description: `${answer.description}; connect the app to the portal again`,
      });
    }
    // The token endpoint answers without the `result` envelope.
    const parsed = tokenResponseSchema.safeParse(parseJson(response.data));
    if (!parsed.success) {
      throw new Bitrix24Error({
        kind: "bad-response",
        method: `${method} (token refresh)`,
        status: response.status,
        description: "the token answer lacks access_token or refresh_token",
      });
    }
    const t = parsed.data;
    const expiresAt =
      t.expires !== undefined
        ? t.expires * 1000
        : t.expires_in !== undefined
          ? Date.now() + t.expires_in * 1000
          : undefined;
    const next: OAuthTokens = {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
    // Keep the old secrets in the redaction list until the new pair is in use.
    this.fixedSecrets.push(tokens.accessToken, tokens.refreshToken);
    this.tokens = next;
    log.info({ portal: this.origin }, "bitrix24 access token refreshed");
    await auth.onTokens({ ...next });
  }
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === "string" ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
