import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHandlers } from "../api/handlers";
import { openTempServices, tempDataDir } from "../test-support/temp-register";
import { type RunningHost, startHost } from "./server";

let s: ReturnType<typeof openTempServices>;
let host: RunningHost;
let rendererDir: string;

beforeEach(async () => {
  s = openTempServices();
  rendererDir = tempDataDir("pacta-renderer-");
  fs.writeFileSync(path.join(rendererDir, "index.html"), "<!doctype html><title>Pacta</title>");
  fs.writeFileSync(path.join(rendererDir, "app.js"), "export {};");
  host = await startHost({
    handlers: createHandlers(s, { door: "headless", version: "test" }),
    rendererDir,
  });
});

afterEach(async () => {
  await host.close();
  s.cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  pathname: string,
  options: { method?: string; body?: string; token?: string | null; host?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: options.host ?? `127.0.0.1:${host.port}` };
    const token = options.token === undefined ? host.token : options.token;
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const req = http.request(
      {
        host: "127.0.0.1",
        port: host.port,
        path: pathname,
        method: options.method ?? "GET",
        headers,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const call = (channel: string, args: unknown, token?: string | null) =>
  request(`/api/${channel}`, { method: "POST", body: JSON.stringify(args), token });

describe("headless host", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
  });

  it("answers API calls with the run's token and refuses others", async () => {
    const created = await call("contracts.create", { title: "Bail commercial", reference: "B-1" });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { id: 1, stage: "draft" } });
    const listed = JSON.parse((await call("contracts.list", { search: "bail" })).body);
    expect(listed.value.total).toBe(1);
    const noToken = await call("contracts.list", {}, null);
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body).error.reason).toBe("unauthorized");
    expect((await call("contracts.list", {}, "wrong-token")).status).toBe(401);
  });

  it("refuses requests that name another host (DNS rebinding)", async () => {
    const reply = await request("/", { host: "evil.example:80" });
    expect(reply.status).toBe(403);
  });

  it("names each invalid field", async () => {
    const reply = JSON.parse(
      (await call("contracts.create", { title: "", endDate: "2026-02-30", value: 5 })).body,
    );
    expect(reply.ok).toBe(false);
    expect(reply.error.reason).toBe("invalid_argument");
    const paths = reply.error.issues.map((i: { path: string[] }) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["title", "endDate"]));
  });

  it("answers bad JSON, unknown methods and wrong verbs clearly", async () => {
    const bad = await request("/api/contracts.list", { method: "POST", body: '{"search": ' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.detail).toMatch(/not JSON/);
    expect((await call("contracts.drop", {})).status).toBe(404);
    expect((await call("toString", {})).status).toBe(404);
    expect((await call("contracts.__proto__", {})).status).toBe(404);
    expect((await request("/api/contracts.list")).status).toBe(405);
  });

  it("serves the renderer with a strict CSP, and never files outside it", async () => {
    const page = await request("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'/);
    expect((await request("/app.js")).headers["content-type"]).toMatch(/javascript/);
    const outside = await request("/..%2f..%2f..%2fetc%2fpasswd");
    expect(outside.body).toContain("<title>Pacta</title>");
  });
});
