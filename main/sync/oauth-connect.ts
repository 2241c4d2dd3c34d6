/**
 * Connecting with OAuth from scratch (an installed local app): open the
 * portal's authorize page, receive the code on a one-shot 127.0.0.1
 * listener, trade it for tokens at the OAuth server, then connect with them
 * as `connectOAuth` does (a real call checks them; the secret store keeps
 * them). Each sign-in has an id so the UI can wait for it in a second call.
 *
 * TODO(sync): the portal sends the browser to the redirect address saved in
 * the app's settings; whether a local app accepts http://127.0.0.1:PORT/
 * there is not documented (BITRIX24.md 1.4), and a random port changes each
 * time, so admins should pin one (`--redirect-port`); the settings screen has
 * no port field yet.
 */
import { randomUUID } from "node:crypto";
import { PactaError } from "../../shared/api/result";
import type { ConnectionInfo, OAuthSignInStart } from "../../shared/api/sync";
import {
  authorizeUrlOf,
  DEFAULT_OAUTH_SERVER,
  exchangeCode,
  portalOriginOf,
  tokenUrlOf,
} from "../bitrix24/oauth-code";
import { createLogger } from "../logging/logger";
import { CodeListener } from "./oauth-listener";
import type { PortalSecret } from "./secrets";

const log = createLogger("sync");

/** How long the user has to sign in and allow the app (the code itself lives 30 s). */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface SignInInput {
  /** The portal's address, e.g. https://firm.bitrix24.fr/ */
  portal: string;
  clientId: string;
  clientSecret: string;
  /** Base of the OAuth server; https://oauth.bitrix.info unless given. */
  oauthServer?: string | undefined;
  /** Port of the redirect listener (the app's registered redirect address); random if absent. */
  port?: number | undefined;
  timeoutMs?: number | undefined;
}

type Connect = (input: Omit<PortalSecret & { kind: "oauth" }, "kind">) => Promise<ConnectionInfo>;

interface Flow {
  input: SignInInput;
  listener: CodeListener;
  tokenUrl: string;
}

export class OAuthSignIn {
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly connect: Connect,
    private readonly http: { ca?: string | undefined; timeoutMs?: number | undefined } = {},
  ) {}

  /** Listens for the portal's answer; open `authorizeUrl` in a browser next. */
  async begin(input: SignInInput): Promise<OAuthSignInStart> {
    let portal: string;
    let tokenUrl: string;
    try {
      portal = portalOriginOf(input.portal);
      tokenUrl = tokenUrlOf(input.oauthServer?.trim() || DEFAULT_OAUTH_SERVER);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new PactaError("invalid_argument", message);
    }
    const listener = await CodeListener.open(input.timeoutMs ?? SIGN_IN_TIMEOUT_MS, input.port);
    const id = randomUUID();
    this.flows.set(id, { input: { ...input, portal }, listener, tokenUrl });
    listener.answer
      .catch(() => undefined)
      .finally(() => setTimeout(() => this.flows.delete(id), 60_000).unref());
    log.info({ portal, redirect: listener.redirectUri }, "oauth sign-in started");
    return {
      id,
      authorizeUrl: authorizeUrlOf(portal, input.clientId.trim(), listener.state),
      redirectUri: listener.redirectUri,
      expiresAt: listener.expiresAt.toISOString(),
    };
  }

  /** Waits for the code, trades it, connects. */
  async finish(id: string): Promise<ConnectionInfo> {
    const flow = this.flows.get(id);
    if (!flow) throw new PactaError("not_found", "no sign-in in progress with this id");
    const { code } = await flow.listener.answer;
    this.flows.delete(id);
    try {
      const info = await this.trade(flow, code);
      flow.listener.respond(null);
      return info;
    } catch (error) {
      flow.listener.respond(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /** Trades the code for tokens and connects with them. */
  private async trade(flow: Flow, code: string): Promise<ConnectionInfo> {
    const clientId = flow.input.clientId.trim();
    const clientSecret = flow.input.clientSecret.trim();
    let grant: Awaited<ReturnType<typeof exchangeCode>>;
    try {
      grant = await exchangeCode({
        tokenUrl: flow.tokenUrl,
        clientId,
        clientSecret,
        code,
        ...(this.http.ca ? { ca: this.http.ca } : {}),
        ...(this.http.timeoutMs ? { timeoutMs: this.http.timeoutMs } : {}),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new PactaError("portal_refused", message);
    }
    const restUrl = grant.restUrl ?? `${flow.input.portal}/rest/`;
    if (portalOriginOf(restUrl) !== flow.input.portal) {
      throw new PactaError(
        "portal_refused",
        `the tokens are for ${portalOriginOf(restUrl)}, not ${flow.input.portal}`,
      );
    }
    return this.connect({
      restUrl,
      oauthUrl: flow.tokenUrl,
      clientId,
      clientSecret,
      accessToken: grant.accessToken,
      refreshToken: grant.refreshToken,
      ...(grant.expiresAt === undefined ? {} : { expiresAt: grant.expiresAt }),
    });
  }

  cancel(id: string): void {
    this.flows.get(id)?.listener.cancel();
    this.flows.delete(id);
  }

  /** Closes every listener (the app is quitting). */
  close(): void {
    for (const id of [...this.flows.keys()]) this.cancel(id);
  }
}
