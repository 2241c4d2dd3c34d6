/**
 * How the client proves who it is: an incoming webhook URL (the secret is
 * in the path) or an OAuth access token with its refresh token. Secrets
 * stay in here; everything else sees redacted text.
 */
import { z } from "zod";

export interface WebhookAuth {
  kind: "webhook";
  /** `https://PORTAL/rest/USER_ID/SECRET/` as the portal shows it. */
  url: string;
}

export interface OAuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token expires, when the portal said. */
  expiresAt?: number;
}

export interface OAuthAuth {
  kind: "oauth";
  /** The portal's REST root (`client_endpoint`), e.g. `https://PORTAL/rest/`. */
  restUrl: string;
  /** The token endpoint, `https://oauth.bitrix.info/oauth/token/` for real portals. */
  oauthUrl: string;
  clientId: string;
  clientSecret: string;
  tokens: OAuthTokens;
  /** Called with each new pair after a refresh: store it, the old refresh token is dead. */
  onTokens: (tokens: OAuthTokens) => void | Promise<void>;
}

export type Bitrix24Auth = WebhookAuth | OAuthAuth;

export const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Checks a base URL: https, or plain http on this machine only (the test double). */
export function checkedUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`Bitrix24 ${what} is not a URL`);
  }
  const local = url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !local) throw new Error(`Bitrix24 ${what} must use https`);
  return url;
}

export interface WebhookParts {
  /** `https://PORTAL/rest/USER_ID/SECRET/`, normalised to end in `/`. */
  base: string;
  origin: string;
  userId: number;
  secret: string;
}

/** Splits a webhook URL; the error never repeats the URL (it holds the secret). */
export function parseWebhookUrl(text: string): WebhookParts {
  const url = checkedUrl(text.trim(), "webhook URL");
  const m = /^\/rest\/(\d+)\/([^/]+)\/?$/.exec(url.pathname);
  if (!m || url.search !== "" || url.hash !== "") {
    throw new Error("Bitrix24 webhook URL must look like https://PORTAL/rest/USER_ID/SECRET/");
  }
  const secret = m[2] ?? "";
  return {
    base: `${url.origin}/rest/${m[1]}/${secret}/`,
    origin: url.origin,
    userId: Number(m[1]),
    secret,
  };
}

export function restRoot(auth: OAuthAuth): { base: string; origin: string } {
  const url = checkedUrl(auth.restUrl, "REST URL");
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  checkedUrl(auth.oauthUrl, "OAuth URL");
  return { base, origin: url.origin };
}

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().optional(),
  expires: z.coerce.number().optional(),
});
