/**
 * The authorization-code step of Bitrix24 OAuth (BITRIX24.md 1.2): the
 * portal's authorize page address, and the exchange of the 30-second code
 * for a token pair with a GET to the OAuth server (oauth.bitrix.info unless
 * told otherwise). Errors name the step and never carry the client secret
 * or the code.
 */
import https from "node:https";
import { rootCertificates } from "node:tls";
import axios, { type AxiosResponse } from "axios";
import { z } from "zod";
import { checkedUrl, tokenResponseSchema } from "./auth";
import { Bitrix24Error, kindOf } from "./errors";
import { redact } from "./redact";

/** Where real portals' tokens come from. */
export const DEFAULT_OAUTH_SERVER = "https://oauth.bitrix.info";

const METHOD = "oauth.token (authorization code)";

/** `SERVER/oauth/token/` for an OAuth server base such as https://oauth.bitrix.info. */
export function tokenUrlOf(server: string): string {
  return `${checkedUrl(server.trim(), "OAuth server").origin}/oauth/token/`;
}

/** The portal's origin (`https://PORTAL`), from whatever address of it the user pasted. */
export function portalOriginOf(portal: string): string {
  return checkedUrl(portal.trim(), "portal address").origin;
}

/**
 * The page where the user allows the app. No redirect address goes in it: the
 * portal sends the browser back to the one registered in the app's settings.
 */
export function authorizeUrlOf(portal: string, clientId: string, state: string): string {
  const query = new URLSearchParams({ client_id: clientId, state });
  return `${portalOriginOf(portal)}/oauth/authorize/?${query.toString()}`;
}

export interface ExchangeOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  code: string;
  timeoutMs?: number;
  /** A certificate authority (PEM) to trust besides the system's. */
  ca?: string;
}

export interface CodeGrant {
  accessToken: string;
  refreshToken: string;
  expiresAt?: number;
  /** `client_endpoint`: the portal's REST root the tokens are for. */
  restUrl: string | null;
}

const grantSchema = tokenResponseSchema.extend({ client_endpoint: z.string().optional() });
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const HINTS: Record<string, string> = {
  invalid_grant: "the code expired (it lives 30 seconds) or was already used; sign in again",
  invalid_client: "the client id or secret is wrong, or the app is not installed on this portal",
  wrong_client: "the client id or secret is wrong, or the app is not installed on this portal",
};

export async function exchangeCode(o: ExchangeOptions): Promise<CodeGrant> {
  const clean = (text: string) => redact(text, [o.clientSecret, o.code]);
  let response: AxiosResponse<string>;
  try {
    response = await axios.get<string>(o.tokenUrl, {
      params: {
        grant_type: "authorization_code",
        client_id: o.clientId,
        client_secret: o.clientSecret,
        code: o.code,
      },
      timeout: o.timeoutMs ?? 30_000,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      headers: { Accept: "application/json", "User-Agent": "Pacta (Bitrix24 sync)" },
      ...(o.ca ? { httpsAgent: new https.Agent({ ca: [...rootCertificates, o.ca] }) } : {}),
    });
  } catch (error) {
    const timedOut = axios.isAxiosError(error) && error.code === "ECONNABORTED";
    const reason = axios.isAxiosError(error) ? (error.code ?? "connection failed") : "failed";
    throw new Bitrix24Error({
      kind: timedOut ? "timeout" : "network",
      method: METHOD,
      description: timedOut ? undefined : clean(reason),
    });
  }
  let json: unknown = null;
  try {
    json = JSON.parse(response.data);
  } catch {
    json = null;
  }
  const failure = oauthErrorSchema.safeParse(json);
  if (failure.success) {
    const { error: code, error_description: said = "" } = failure.data;
    const hint = HINTS[code] ?? said;
    throw new Bitrix24Error({
      kind: kindOf(code, said, response.status),
      method: METHOD,
      code: clean(code),
      status: response.status,
      description: clean(hint || "the OAuth server refused the code"),
    });
  }
  const grant = grantSchema.safeParse(json);
  if (response.status !== 200 || !grant.success) {
    throw new Bitrix24Error({
      kind: "bad-response",
      method: METHOD,
      status: response.status,
      description: "the answer holds no access_token and refresh_token",
    });
  }
  const t = grant.data;
  const expiresAt =
    t.expires !== undefined
      ? t.expires * 1000
      : t.expires_in !== undefined
        ? Date.now() + t.expires_in * 1000
        : undefined;
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    restUrl: t.client_endpoint ?? null,
  };
}
