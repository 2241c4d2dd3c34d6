/** The double's authorize page and token endpoint, as BITRIX24.md 1.2 describes them. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bitrix24Double, DEFAULT_APP } from "./server";

let double: Bitrix24Double;

beforeEach(async () => {
  double = await Bitrix24Double.start({ seed: false });
});

afterEach(async () => {
  await double.close();
});

const tokenUrl = (query: Record<string, string>) =>
  `${double.oauthUrl}?${new URLSearchParams(query).toString()}`;

async function authorizeCode(state: string): Promise<URL> {
  const res = await fetch(double.authorizeUrl(state), { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

describe("OAuth authorization code", () => {
  beforeEach(() => {
    const app = double.credentials.app(DEFAULT_APP.clientId);
    if (app) app.redirectUri = "http://127.0.0.1:9/back";
  });

  it(
    "redirects to the app's registered URL with code and state, " + "then trades the code once",
    async () => {
      const back = await authorizeCode("st-1");
      expect(`${back.origin}${back.pathname}`).toBe("http://127.0.0.1:9/back");
      expect(back.searchParams.get("state")).toBe("st-1");
      expect(back.searchParams.get("domain")).toBe(new URL(double.origin).host);
      expect(back.searchParams.get("scope")).toBe("crm,user,bizproc");
      const code = back.searchParams.get("code") ?? "";
      const query = {
        grant_type: "authorization_code",
        client_id: DEFAULT_APP.clientId,
        client_secret: DEFAULT_APP.clientSecret,
        code,
      };
      const res = await fetch(tokenUrl(query));
      expect(res.status).toBe(200);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ client_endpoint: double.restUrl, domain: "oauth.bitrix.info" });
      const user = await fetch(`${double.restUrl}user.current?auth=${body.access_token}`);
      expect(user.status).toBe(200);
      const again = await fetch(tokenUrl(query));
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: "invalid_grant" });
    },
  );

  it("refuses a code older than 30 seconds and a wrong client secret", async () => {
    const code = (await authorizeCode("s")).searchParams.get("code") ?? "";
    const wrong = await fetch(
      tokenUrl({
        grant_type: "authorization_code",
        client_id: DEFAULT_APP.clientId,
        client_secret: "x",
        code,
      }),
    );
    expect(wrong.status).toBe(401);
    const late = (await authorizeCode("s")).searchParams.get("code") ?? "";
    const start = Date.now();
    double.state.now = () => start + 31_000;
    const res = await fetch(
      tokenUrl({
        grant_type: "authorization_code",
        client_id: DEFAULT_APP.clientId,
        client_secret: DEFAULT_APP.clientSecret,
        code: late,
      }),
    );
    expect(res.status).toBe(400);
  });

  it("keeps an unknown app on the portal's page: no redirect", async () => {
    const res = await fetch(`${double.origin}/oauth/authorize/?client_id=nope&state=x`, {
      redirect: "manual",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });
});
