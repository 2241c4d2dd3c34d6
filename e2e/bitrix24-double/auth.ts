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
}

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

  appScopes(clientId: string): string[] {
    return this.apps.find((a) => a.clientId === clientId)?.scopes ?? [];
  }
}
