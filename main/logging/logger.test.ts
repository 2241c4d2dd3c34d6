import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, LOG_FILE, logFolder, logToFile, stopLogging } from "./logger";
import { redactLine } from "./redact-line";
import { RotatingLogFile } from "./rotating-file";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pacta-log-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  stopLogging();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const SECRET = "k3yv4lu3s3cr3tabc";

describe("log file", () => {
  it("writes each area's records as JSON lines in logs/pacta.log", () => {
    const dir = tempDir();
    const file = logToFile(dir);
    expect(file).toBe(path.join(logFolder(dir), LOG_FILE));
    createLogger("backup").info({ file: "x.pacta" }, "backup written");
    const [line] = fs.readFileSync(file, "utf8").trim().split("\n");
    expect(JSON.parse(line ?? "{}")).toMatchObject({
      scope: "backup",
      msg: "backup written",
      file: "x.pacta",
    });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it("rotates by size and keeps the newest files only", () => {
    const dir = tempDir();
    const file = logToFile(dir, { maxBytes: 2000, keep: 3 });
    const log = createLogger("test");
    for (let i = 0; i < 200; i++) log.info({ i, pad: "x".repeat(60) }, "line");
    const files = fs.readdirSync(logFolder(dir)).sort();
    expect(files).toEqual(["pacta.log", "pacta.log.1", "pacta.log.2", "pacta.log.3"]);
    for (const f of files) {
      expect(fs.statSync(path.join(logFolder(dir), f)).size).toBeLessThanOrEqual(2000);
    }
    // The newest record is in pacta.log, the one before it ends pacta.log.1: no gap, no loss.
    const last = (f: string) =>
      fs
        .readFileSync(path.join(logFolder(dir), f), "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).i as number);
    const current = last("pacta.log");
    const previous = last("pacta.log.1");
    expect(current.at(-1)).toBe(199);
    expect(previous.at(-1)).toBe((current[0] ?? 0) - 1);
    expect(fs.existsSync(`${file}.4`)).toBe(false);
  });

  it("never writes a webhook secret, a token or an Authorization value", () => {
    const dir = tempDir();
    const file = logToFile(dir, "debug");
    const log = createLogger("sync");
    log.info({ url: `https://firm.bitrix24.fr/rest/1/${SECRET}/crm.item.list` }, "call");
    log.info({ headers: { authorization: `Bearer ${SECRET}` } }, "request");
    log.info({ token: SECRET, nested: { refresh_token: SECRET, webhook: SECRET } }, "tokens");
    log.warn({ detail: `failed: {"access_token":"${SECRET}","x":1}` }, "portal said");
    log.error(
      { err: new Error(`GET https://p.example/rest/7/${SECRET}/profile?auth=${SECRET}`) },
      "x",
    );
    log.info({}, `host at http://127.0.0.1:4000/#token=${SECRET}`);
    log.info({}, `Authorization: Basic ${Buffer.from(`u:${SECRET}`).toString("base64")}`);
    const text = fs.readFileSync(file, "utf8");
    expect(text.trim().split("\n")).toHaveLength(7);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(Buffer.from(`u:${SECRET}`).toString("base64"));
    expect(text.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(9);
    // Still readable JSON, with what is not secret intact.
    for (const line of text.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
    expect(text).toContain("crm.item.list");
  });

  it("redacts lines the same way wherever they come from", () => {
    expect(redactLine(`{"clientSecret":"${SECRET}","n":2}`)).toBe(
      '{"clientSecret":"[redacted]","n":2}',
    );
    expect(redactLine(`see /rest/12/${SECRET}/x`)).toBe("see /rest/12/[redacted]/x");
    expect(redactLine("no secret here")).toBe("no secret here");
  });

  it("drops records quietly when the log folder disappears", () => {
    const dir = tempDir();
    const sink = new RotatingLogFile(path.join(dir, "logs", "a.log"), { maxBytes: 100, keep: 1 });
    sink.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(sink.write("after\n")).toBe(true);
  });
});
