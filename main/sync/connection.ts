/**
 * The connection to a Bitrix24 portal: connect (webhook or OAuth, with the
 * OAuth sign-in wiring), the real call that checks a secret, adopting a new
 * connection (queueing the register), disconnecting, and the REST clients
 * built from the stored secret.
 */

import { PactaError } from "../../shared/api/result";
import type { ConnectionInfo } from "../../shared/api/sync";
import type { OAuthTokens } from "../bitrix24/auth";
import { Bitrix24Client, type Bitrix24ClientOptions } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import { createLogger } from "../logging/logger";
import { isUnreachable } from "./context";
import { OAuthSignIn } from "./oauth-connect";
import { type PortalSecret, type SecretCipher, SecretStore } from "./secrets";
import type { SyncStore } from "./store";

const log = createLogger("sync");

export interface PortalConnectionOptions {
  dataDir: string;
  /** Electron's `safeStorage`, when the door has one. */
  cipher?: SecretCipher | null;
  /** Limits, retries and timeouts of the REST client (tests make them short). */
  client?: Omit<Bitrix24ClientOptions, "auth">;
  now: () => Date;
}

export class PortalConnection {
  /** OAuth from scratch: authorize page, code on a loopback listener, tokens, connect. */
  readonly signIn: OAuthSignIn;
  private readonly secrets: SecretStore;

  constructor(
    private readonly store: SyncStore,
    private readonly options: PortalConnectionOptions,
  ) {
    this.secrets = new SecretStore(options.dataDir, options.cipher ?? null);
    this.signIn = new OAuthSignIn((input) => this.connectOAuth(input), {
      ca: options.client?.ca,
      timeoutMs: options.client?.timeoutMs,
    });
  }

  async connectWebhook(url: string): Promise<ConnectionInfo> {
    const client = this.newClient({ kind: "webhook", url: url.trim() }, "url");
    const info = await this.check(client, "webhook");
    this.secrets.write({ kind: "webhook", url: url.trim() });
    return this.adopt(info);
  }

  /** OAuth with tokens in hand (from `signIn`, or an installed app's install callback). */
  async connectOAuth(
    input: Omit<PortalSecret & { kind: "oauth" }, "kind">,
  ): Promise<ConnectionInfo> {
    let secret: PortalSecret = { kind: "oauth", ...input };
    const client = this.newClient(secret, "restUrl", (tokens) => {
      secret = { ...input, kind: "oauth", ...tokens };
    });
    const info = await this.check(client, "oauth");
    this.secrets.write(secret);
    return this.adopt(info);
  }

  disconnect(): void {
    this.secrets.clear();
    this.store.db
      .transaction(() => {
        // A new connection queues the whole register again.
        this.store.db.prepare("DELETE FROM sync_outbox").run();
        this.store.saveConnection(null);
      })
      .immediate();
    log.info({}, "disconnected from the portal");
  }

  /** A REST client on the connected portal, with the stored secret. */
  client(): Bitrix24Client {
    const secret = this.secrets.read();
    if (!secret || !this.store.connection()) {
      throw new PactaError("not_connected", "connect to a Bitrix24 portal first");
    }
    return this.newClient(secret, "secret", (tokens) => {
      this.secrets.write({ ...secret, ...tokens });
    });
  }

  /** Every live contract goes to the outbox again (a new portal or a new target). */
  startOver(): void {
    this.store.forgetPortal();
    this.queueRegister();
  }

  /**
   * Queues every live contract: edits are queued only while connected, so a
   * (re)connection sends the register; linked contracts go out as updates,
   * with the usual conflict check, the others are looked up before a create.
   */
  private queueRegister(): void {
    this.store.db
      .prepare(
        `INSERT INTO sync_outbox (contract_id, action, at)
         SELECT id, 'created', @at FROM contracts WHERE deleted = 0 ORDER BY id`,
      )
      .run({ at: this.options.now().toISOString() });
  }

  private newClient(
    secret: PortalSecret,
    path: string,
    onTokens?: (tokens: { accessToken: string; refreshToken: string; expiresAt?: number }) => void,
  ): Bitrix24Client {
    // The rate set in the settings wins over the door's default.
    const rate = this.store.settings().rateLimit;
    const options = { ...this.options.client, ...(rate ? { rateLimit: rate } : {}) };
    try {
      if (secret.kind === "webhook") {
        return new Bitrix24Client({ ...options, auth: secret });
      }
      const tokens: OAuthTokens = {
        accessToken: secret.accessToken,
        refreshToken: secret.refreshToken,
        ...(secret.expiresAt === undefined ? {} : { expiresAt: secret.expiresAt }),
      };
      return new Bitrix24Client({
        ...options,
        auth: {
          kind: "oauth",
          restUrl: secret.restUrl,
          oauthUrl: secret.oauthUrl,
          clientId: secret.clientId,
          clientSecret: secret.clientSecret,
          tokens,
          onTokens: (t) => onTokens?.(t),
        },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new PactaError("invalid_argument", message, [{ path: [path], message }]);
    }
  }

  /** A real call proves the secret: who it is, and that it may read the CRM. */
  private async check(client: Bitrix24Client, kind: "webhook" | "oauth"): Promise<ConnectionInfo> {
    try {
      // `profile` needs only the basic scope, which every webhook has.
      const user = await client.call<{ ID?: unknown; NAME?: unknown; LAST_NAME?: unknown }>(
        "profile",
      );
      const scope = await client.call<unknown>("scope");
      const scopes = Array.isArray(scope.result) ? scope.result.map(String) : [];
      if (!scopes.includes("crm")) {
        throw new PactaError(
          "portal_refused",
          `the ${kind} may not use the CRM (its scopes: ${scopes.join(", ") || "none"}); ` +
            "tick the crm scope on the portal",
        );
      }
      const name = [user.result.NAME, user.result.LAST_NAME].filter((v) => v).join(" ");
      return {
        kind,
        portal: `${client.origin}/`,
        userId: Number(user.result.ID),
        userName: name || `#${String(user.result.ID)}`,
        scopes,
        connectedAt: this.options.now().toISOString(),
        secretStorage: this.secrets.storage,
      };
    } catch (error) {
      throw toPactaError(error);
    }
  }

  private adopt(info: ConnectionInfo): ConnectionInfo {
    const before = this.store.connection();
    this.store.db
      .transaction(() => {
        if (before && before.portal !== info.portal) this.startOver();
        else if (!before) this.queueRegister();
        this.store.saveConnection(info);
      })
      .immediate();
    log.info({ portal: info.portal, kind: info.kind }, "connected to the portal");
    return info;
  }
}

/** A client error as the API reports it (its message is already free of secrets). */
export function toPactaError(error: unknown): PactaError {
  if (error instanceof PactaError) return error;
  if (error instanceof Bitrix24Error) {
    return new PactaError(
      isUnreachable(error) ? "portal_unreachable" : "portal_refused",
      error.message,
    );
  }
  return new PactaError("internal", error instanceof Error ? error.message : String(error));
}
