/**
 * The OAuth 2.0 pages of the double (BITRIX24.md 1.2): the portal's
 * authorize page, which sends the signed-in user's browser back to the
 * app's registered redirect URL with a 30-second code, and the token
 * endpoint (oauth.bitrix.info on a real portal) for
 * `grant_type=authorization_code` and `grant_type=refresh_token`.
 */
import type { Credentials, TokenPair } from "./auth";
import { asText, type ParamMap } from "./params";
import { PortalError } from "./portal-error";

export interface OAuthSite {
  credentials: Credentials;
  /** The portal's clock, epoch ms. */
  now: () => number;
  /** `http(s)://127.0.0.1:PORT` */
  origin: string;
  /** The user signed in to the portal in the browser that opens the authorize page. */
  signedInUserId: number;
}

/** What the authorize page answers: a redirect, or a page of the portal's own. */
export type AuthorizeAnswer =
  | { status: 302; location: string }
  | { status: 200 | 400; html: string };

const MEMBER_ID = "0123456789abcdef0123456789abcdef";

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1>${body}</body></html>`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** GET /oauth/authorize/?client_id=…&state=… (a `redirect_uri` in the query is ignored). */
export function authorize(site: OAuthSite, params: ParamMap): AuthorizeAnswer {
  const clientId = asText(params.client_id) ?? "";
  const app = site.credentials.app(clientId);
  if (!app) {
    // Failures stay on the portal's page; nothing goes back to the app.
    return { status: 400, html: page("Application not found", "<p>Check the client_id.</p>") };
  }
  const code = site.credentials.issueCode(clientId, site.signedInUserId);
  const host = new URL(site.origin).host;
  const back = new URLSearchParams({
    code,
    state: asText(params.state) ?? "",
    domain: host,
    member_id: MEMBER_ID,
    scope: app.scopes.join(","),
    server_domain: host,
  });
  if (!app.redirectUri) {
    // An app registered without a redirect URL: the code is shown for the user to copy.
    return { status: 200, html: page("Authorization code", `<code>${escapeHtml(code)}</code>`) };
  }
  const sep = app.redirectUri.includes("?") ? "&" : "?";
  return { status: 302, location: `${app.redirectUri}${sep}${back.toString()}` };
}

/** GET|POST /oauth/token/: the token answer of BITRIX24.md 1.2, or an OAuth error. */
export function token(site: OAuthSite, params: ParamMap): object {
  const grant = asText(params.grant_type);
  const clientId = asText(params.client_id) ?? "";
  const clientSecret = asText(params.client_secret) ?? "";
  let pair: TokenPair;
  if (grant === "refresh_token") {
    pair = site.credentials.refresh(clientId, clientSecret, asText(params.refresh_token) ?? "");
  } else if (grant === "authorization_code") {
    pair = site.credentials.redeem(clientId, clientSecret, asText(params.code) ?? "");
  } else {
    throw new PortalError(
      400,
      "invalid_request",
      "grant_type must be authorization_code or refresh_token",
    );
  }
  const now = Math.floor(site.now() / 1000);
  return {
    access_token: pair.accessToken,
    expires: Math.floor(pair.expiresAt / 1000),
    expires_in: Math.floor(pair.expiresAt / 1000) - now,
    scope: site.credentials.appScopes(pair.clientId).join(","),
    domain: "oauth.bitrix.info",
    server_endpoint: `${site.origin}/oauth/rest/`,
    status: "L",
    client_endpoint: `${site.origin}/rest/`,
    member_id: MEMBER_ID,
    user_id: pair.userId,
    refresh_token: pair.refreshToken,
  };
}
