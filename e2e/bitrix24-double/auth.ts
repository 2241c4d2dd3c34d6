/**
 * Credentials the portal knows: incoming webhooks (user id + secret) and
 * OAuth apps with their access/refresh token pairs. Refresh rotates both
 * tokens; the used refresh token stops working.
 */
import { randomBytes } from "node:crypto";
import { PortalError } from "./portal-error";

export interface Webhook {
  userId: number;
  secret: string;
  scopes: string[];
  /** Epoch ms after which the webhook answers NO_AUTH_FOUND. */
  expiresAt?: number;
}

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  scopes: string[];
  /**
   * Where the authorize step sends the browser back, as an admin typed it in
   * the app's form (the request cannot choose it); none: the code is shown.
   */
  redirectUri?: string;
}

interface AuthCode {
  clientId: string;
  userId: number;
  issuedAt: number;
  used: boolean;
}

/** An authorization code lives 30 seconds (BITRIX24.md 1.2). */
export const CODE_TTL_MS = 30_000;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  userId: number;
  clientId: string;
}

const token = () => randomBytes(16).toString("hex");

export class Credentials {
  readonly webhooks: Webhook[] = [];
  readonly apps: OAuthApp[] = [];
  private byAccess = new Map<string, TokenPair>();
  private byRefresh = new Map<string, TokenPair>();
  private codes = new Map<string, AuthCode>();

  constructor(
    private readonly now: () => number,
    /** Access-token lifetime; one hour on a real portal. */
    public accessTtlSeconds = 3600,
  ) {}

  webhook(userId: number, secret: string): Webhook {
    const hook = this.webhooks.find((w) => w.userId === userId && w.secret === secret);
    if (!hook || (hook.expiresAt !== undefined && hook.expiresAt <= this.now())) {
      throw new PortalError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    }
    return hook;
  }

  issue(userId: number, clientId: string): TokenPair {
    const pair: TokenPair = {
      accessToken: token(),
      refreshToken: token(),
      expiresAt: this.now() + this.accessTtlSeconds * 1000,
      userId,
      clientId,
    };
    this.byAccess.set(pair.accessToken, pair);
    this.byRefresh.set(pair.refreshToken, pair);
    return pair;
  }

  access(accessToken: string | null): TokenPair {
    if (!accessToken) throw new PortalError(401, "NO_AUTH_FOUND", "Wrong authorization data");
    const pair = this.byAccess.get(accessToken);
    if (!pair) throw new PortalError(401, "invalid_token", "The access token provided is invalid.");
    if (pair.expiresAt <= this.now()) {
      throw new PortalError(401, "expired_token", "The access token provided has expired.");
    }
    return pair;
  }

  /** Makes every issued access token expired, as an hour passing would. */
  expireAll(): void {
    for (const pair of this.byAccess.values()) pair.expiresAt = this.now() - 1;
  }

  refresh(clientId: string, clientSecret: string, refreshToken: string): TokenPair {
    const app = this.apps.find((a) => a.clientId === clientId && a.clientSecret === clientSecret);
    if (!app) throw new PortalError(401, "invalid_client", "Invalid client credentials");
    const old = this.byRefresh.get(refreshToken);
    if (!old || old.clientId !== clientId) {
      throw new PortalError(400, "invalid_grant", "Invalid refresh token");
    }
    this.byRefresh.delete(refreshToken);
    return this.issue(old.userId, clientId);
  }

  app(clientId: string): OAuthApp | null {
    return this.apps.find((a) => a.clientId === clientId) ?? null;
  }

  /** A one-use code for the authorize step's redirect. */
  issueCode(clientId: string, userId: number): string {
    const code = token();
    this.codes.set(code, { clientId, userId, issuedAt: this.now(), used: false });
    return code;
  }

  /** Trades a code for a token pair: once, within 30 s, by the app it was made for. */
  redeem(clientId: string, clientSecret: string, code: string): TokenPair {
    const app = this.apps.find((a) => a.clientId === clientId && a.clientSecret === clientSecret);
    if (!app) throw new PortalError(401, "invalid_client", "Invalid client credentials");
    const found = this.codes.get(code);
    if (!found || found.used || found.clientId !== clientId) {
      throw new PortalError(400, "invalid_grant", "Invalid authorization code");
    }
    found.used = true;
    if (this.now() - found.issuedAt > CODE_TTL_MS) {
      throw new PortalError(400, "invalid_grant", "The authorization code has expired");
    }
    return this.issue(found.userId, clientId);
  }

  appScopes(clientId: string): string[] {
    return this.apps.find((a) => a.clientId === clientId)?.scopes ?? [];
  }
}
