/**
 * Connecting with OAuth from scratch, as a person would: the real `pacta`
 * binary prints the portal's page, the browser (here `fetch`, which follows
 * the portal's redirect) brings the code to its 127.0.0.1 listener, the code
 * is traded at the OAuth server (the double) and the tokens are stored.
 * Then the service's own checks: a foreign state, a timeout, a wrong secret.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bitrix24Double, DEFAULT_APP } from "../../e2e/bitrix24-double/server";
import { openServices, type PactaServices } from "../app/services";
import { spawnPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let double: Bitrix24Double;
let dataDir: string;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  dataDir = tempDataDir();
});

afterEach(async () => {
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What an admin types in the local app's form on the portal. */
function registerRedirect(uri: string): void {
  const app = double.credentials.app(DEFAULT_APP.clientId);
  if (!app) throw new Error("the double has no app");
  app.redirectUri = uri;
}

async function waitFor(read: () => string, pattern: RegExp): Promise<RegExpExecArray> {
  const until = Date.now() + 20_000;
  for (;;) {
    const m = pattern.exec(read());
    if (m) return m;
    if (Date.now() > until) throw new Error(`never printed ${pattern}: ${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("pacta connect --oauth", () => {
  it("signs in through the portal's page and keeps the tokens, never printing them", async () => {
    // The secret comes from the environment, out of sight of the process list.
    process.env.PACTA_CLIENT_SECRET = DEFAULT_APP.clientSecret;
    const run = spawnPacta(
      dataDir,
      ...["connect", "--oauth", "--portal", `${double.origin}/`, "--json"],
      ...["--client-id", DEFAULT_APP.clientId, "--oauth-server", double.origin],
    );
    delete process.env.PACTA_CLIENT_SECRET;
    let stderr = "";
    run.child.stderr.on("data", (t: string) => {
      stderr += t;
    });
    const [, authorize] = await waitFor(() => stderr, /^\s+(http\S+\/oauth\/authorize\/\S+)$/m);
    const [, redirect] = await waitFor(() => stderr, /must be (http:\/\/127\.0\.0\.1:\d+\/)/);
    registerRedirect(redirect ?? "");
    const page = await fetch(authorize ?? "");
    expect(page.status).toBe(200);
    // Said only once the code was traded and the connection made.
    const said = await page.text();
    expect(said).toContain("Pacta is connected to the portal. You can close this tab.");
    const done = await run.done;
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ kind: "oauth", portal: `${double.origin}/` });
    expect(double.stats.byMethod["oauth.token"]).toBe(1);
    const stored = fs.readFileSync(path.join(dataDir, "bitrix24-secret.json"), "utf8");
    expect(stored).toContain("accessToken");
    expect(done.stdout + done.stderr).not.toContain(DEFAULT_APP.clientSecret);
    const s = openServices({ dataDir, actor: "check" });
    try {
      expect(s.sync.status().connection).toMatchObject({ kind: "oauth", userId: 1 });
      const sync = await s.sync.run();
      expect(sync.state, JSON.stringify(sync.detail.problems)).toBe("done");
    } finally {
      s.close();
    }
  });

  it("exits 2 when the keys are missing or both ways are given", async () => {
    const a = await spawnPacta(dataDir, "connect", "--oauth", "--portal", double.origin).done;
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(
      /--oauth needs --client-id, --client-secret \(or PACTA_CLIENT_SECRET\)/,
    );
    const b = await spawnPacta(dataDir, "connect", "--oauth", "--webhook", "x").done;
    expect(b.status).toBe(2);
  });
});

describe("the sign-in listener", () => {
  let s: PactaServices;
  beforeEach(() => {
    s = openServices({ dataDir, actor: "tester" });
  });
  afterEach(() => s.close());

  const begin = (extra: object = {}) =>
    s.sync.signIn.begin({
      portal: double.origin,
      clientId: DEFAULT_APP.clientId,
      clientSecret: DEFAULT_APP.clientSecret,
      oauthServer: double.origin,
      ...extra,
    });

  it("turns away an answer with another state and goes on waiting", async () => {
    const start = await begin();
    expect(start.authorizeUrl).not.toContain("redirect_uri");
    const foreign = await fetch(`${start.redirectUri}?code=abc&state=not-ours`);
    expect(foreign.status).toBe(400);
    registerRedirect(start.redirectUri);
    const waiting = s.sync.signIn.finish(start.id);
    await fetch(start.authorizeUrl);
    await expect(waiting).resolves.toMatchObject({ kind: "oauth" });
  });

  it("gives up clearly when no answer comes in time", async () => {
    const start = await begin({ timeoutMs: 300 });
    await expect(s.sync.signIn.finish(start.id)).rejects.toMatchObject({
      reason: "sign_in_timeout",
      message: expect.stringContaining(start.redirectUri),
    });
    await expect(fetch(start.redirectUri)).rejects.toThrow();
    expect(s.sync.status().connection).toBeNull();
  });

  it("names a wrong client secret, and stores nothing", async () => {
    const start = await begin({ clientSecret: "wrong-secret" });
    registerRedirect(start.redirectUri);
    const waiting = s.sync.signIn.finish(start.id);
    waiting.catch(() => undefined);
    // The browser's tab says the sign-in failed, not that all went well.
    const page = await fetch(start.authorizeUrl);
    expect(page.status).toBe(502);
    const text = await page.text();
    expect(text).toContain("the sign-in failed");
    expect(text).toMatch(/client id or secret is wrong/);
    expect(text).not.toContain("You can close this tab");
    await expect(waiting).rejects.toMatchObject({
      reason: "portal_refused",
      message: expect.stringMatching(/client id or secret is wrong/),
    });
    expect(s.sync.status().connection).toBeNull();
    expect(fs.existsSync(path.join(dataDir, "bitrix24-secret.json"))).toBe(false);
  });
});
