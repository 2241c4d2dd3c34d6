/**
 * "Ends within N days" reads the current term end, as the reports do: an
 * automatic renewal whose end date has long passed has rolled over to a
 * term that may end soon. By the CLI and by the API.
 */
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, localToday } from "../../shared/domain/calendar-date";
import { contractInputSchema } from "../../shared/domain/contract";
import { createHandlers } from "../api/handlers";
import { openServices, type PactaServices } from "../app/services";
import { type RunningHost, startHost } from "../host/server";
import { runPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

let dataDir: string;
let rendererDir: string;
let s: PactaServices;
let host: RunningHost;

/** Four years before a day ten days from now (the 28th at most: no leap days). */
function yearsAgo(): string {
  const soon = addDays(localToday(), 10);
  const day = Math.min(Number(soon.slice(8, 10)), 28);
  return `${Number(soon.slice(0, 4)) - 4}-${soon.slice(5, 7)}-${String(day).padStart(2, "0")}`;
}

beforeAll(async () => {
  dataDir = tempDataDir();
  rendererDir = tempDataDir("pacta-renderer-");
  fs.writeFileSync(`${rendererDir}/index.html`, "<!doctype html><title>Pacta</title>");
  s = openServices({ dataDir, actor: "tester" });
  const old = yearsAgo();
  s.register.create(
    contractInputSchema.parse({
      reference: "AUTO-1",
      title: "Renouvelé tacitement",
      endDate: old,
      renewal: { kind: "automatic", term: "P1Y", notice: "P1M" },
    }),
  );
  s.register.create(
    contractInputSchema.parse({ reference: "OLD-1", title: "Terminé", endDate: old }),
  );
  s.register.create(
    contractInputSchema.parse({
      reference: "SOON-1",
      title: "Bientôt fini",
      endDate: addDays(localToday(), 5),
    }),
  );
  host = await startHost({
    handlers: createHandlers(s, { door: "headless", version: "test" }),
    rendererDir,
  });
});

afterAll(async () => {
  await host.close();
  s.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

interface Page {
  rows: { reference: string }[];
}

function apiList(body: object): Promise<Page> {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      {
        host: "127.0.0.1",
        port: host.port,
        path: "/api/contracts.list",
        method: "POST",
        headers: {
          Host: `127.0.0.1:${host.port}`,
          Authorization: `Bearer ${host.token}`,
          "Content-Type": "application/json",
        },
      },
      (res) => {
        let out = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          out += c;
        });
        res.on("end", () => resolve((JSON.parse(out) as { value: Page }).value));
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

describe("ending within N days", () => {
  it("lists a rolled-over automatic renewal by its current term end (API)", async () => {
    const page = await apiList({ endingWithinDays: 30, sort: "reference", direction: "asc" });
    expect(page.rows.map((r) => r.reference)).toEqual(["AUTO-1", "SOON-1"]);
    const narrow = await apiList({ endingWithinDays: 7 });
    expect(narrow.rows.map((r) => r.reference)).toEqual(["SOON-1"]);
  });

  it("lists the same contracts from the CLI, and not an old one without renewal", () => {
    const r = runPacta(dataDir, "list", "--ending-within", "30", "--json");
    expect(r.status, r.stderr).toBe(0);
    const refs = (JSON.parse(r.stdout) as { reference: string }[]).map((c) => c.reference);
    expect(refs.sort()).toEqual(["AUTO-1", "SOON-1"]);
    expect(refs).not.toContain("OLD-1");
  });
});
