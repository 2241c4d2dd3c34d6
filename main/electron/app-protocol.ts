/**
 * Serves the renderer from `app://pacta/` (a privileged, standard and
 * secure scheme) instead of `file://`: pages get a real origin, a strict
 * CSP header, and nothing outside the renderer's folder can be read.
 */
import fs from "node:fs";
import { protocol, type Session } from "electron";
import { contentTypeOf } from "../host/static";
import { createLogger } from "../logging/logger";
import { APP_CONTENT_SECURITY_POLICY, APP_SCHEME, resolveAppFile } from "./security";

const log = createLogger("electron");

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveApp(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppFile(rendererDir, request.url);
    if (!target.ok) {
      log.warn({ url: request.url, status: target.status }, "app:// request refused");
      return new Response(null, { status: target.status });
    }
    try {
      const body = await fs.promises.readFile(target.file);
      return new Response(body, {
        headers: {
          "Content-Type": contentTypeOf(target.file),
          "Content-Security-Policy": APP_CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options": "nosniff",
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
