/**
 * The one-shot address the portal sends the browser back to after the
 * user allowed the app: an HTTP listener on 127.0.0.1 (a random port
 * unless one is asked for) that takes the first answer carrying the
 * `state` we made, then closes. Answers with another state are turned
 * away and the wait goes on; no answer in time is a clear error.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PactaError } from "../../shared/api/result";
import { createLogger } from "../logging/logger";

const log = createLogger("sync");

export interface CodeAnswer {
  code: string;
  /** The portal's host as it names itself (`domain`). */
  domain: string | null;
}

const htmlText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** How long the browser's tab waits for the sign-in's outcome before a neutral page. */
const OUTCOME_WAIT_MS = 60_000;

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `</head><body><h1>${title}</h1><p>${text}</p></body></html>`;

export class CodeListener {
  readonly state = randomBytes(16).toString("hex");
  readonly answer: Promise<CodeAnswer>;
  private settle: { resolve: (a: CodeAnswer) => void; reject: (e: Error) => void } | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The browser's request that brought the code: answered once the sign-in's outcome is known. */
  private waiting: { res: http.ServerResponse; timer: NodeJS.Timeout } | null = null;

  private constructor(
    private readonly server: http.Server,
    readonly redirectUri: string,
    readonly expiresAt: Date,
  ) {
    this.answer = new Promise<CodeAnswer>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // The caller may be gone (a closed window); a rejection nobody awaits is not a crash.
    this.answer.catch(() => undefined);
  }

  /** Listens on 127.0.0.1; the code must come within `timeoutMs`. */
  static async open(timeoutMs: number, port = 0): Promise<CodeListener> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", (error: NodeJS.ErrnoException) => {
        const why = error.code === "EADDRINUSE" ? `port ${port} is taken` : error.message;
        reject(new PactaError("invalid_argument", `cannot listen for the portal's answer: ${why}`));
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
    const bound = (server.address() as AddressInfo).port;
    const listener = new CodeListener(
      server,
      `http://127.0.0.1:${bound}/`,
      new Date(Date.now() + timeoutMs),
    );
    server.on("request", (req, res) => listener.handle(req, res));
    listener.timer = setTimeout(() => {
      const seconds = Math.round(timeoutMs / 1000);
      listener.finish(
        new PactaError(
          "sign_in_timeout",
          `no answer from the portal's sign-in page within ${seconds} s; start again and ` +
            `check that the app's redirect address is ${listener.redirectUri}`,
        ),
      );
    }, timeoutMs);
    listener.timer.unref();
    return listener;
  }

  /**
   * Tells the browser's tab how the sign-in ended: success only once the
   * code was traded and the portal answered, else what went wrong.
   */
  respond(failure: string | null): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    const { res } = waiting;
    res.writeHead(failure === null ? 200 : 502, { "Content-Type": "text/html; charset=utf-8" });
    res.end(
      failure === null
        ? page("Pacta", "Pacta is connected to the portal. You can close this tab.")
        : page(
            "Pacta could not connect",
            `The portal answered, but the sign-in failed: ${htmlText(failure)}. ` +
              "Close this tab and start again in Pacta.",
          ),
    );
    this.server.closeAllConnections();
  }

  /** Stops waiting (the user gave up): the answer fails with this reason. */
  cancel(): void {
    this.finish(new PactaError("sign_in_timeout", "the sign-in was cancelled"));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", this.redirectUri);
    const send = (status: number, title: string, text: string) => {
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page(title, text));
    };
    const code = url.searchParams.get("code");
    if (req.method !== "GET" || url.pathname !== "/") {
      send(404, "Not found", "");
    } else if (url.searchParams.get("state") !== this.state) {
      log.warn({}, "turned away a sign-in answer with an unknown state");
      send(400, "Not this sign-in", "This answer does not belong to the sign-in Pacta started.");
    } else if (!code) {
      send(400, "No code", "The portal sent no authorization code.");
    } else {
      // The page waits for the code's trade (see respond); a caller gone leaves a neutral one.
      const timer = setTimeout(() => {
        if (this.waiting?.res !== res) return;
        this.waiting = null;
        send(200, "Pacta", "Pacta received the portal's answer; see Pacta for the result.");
        this.server.closeAllConnections();
      }, OUTCOME_WAIT_MS);
      timer.unref();
      this.waiting = { res, timer };
      this.finish(null, { code, domain: url.searchParams.get("domain") });
    }
  }

  private finish(error: Error | null, answer?: CodeAnswer): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const settle = this.settle;
    this.settle = null;
    // The request waiting for the outcome stays open; every other connection goes.
    if (this.waiting) this.server.closeIdleConnections();
    else this.server.closeAllConnections();
    this.server.close();
    if (!settle) return;
    if (error) settle.reject(error);
    else if (answer) settle.resolve(answer);
  }
}
