/**
 * The portal action as a firm runs it: the real `pacta serve --relay`
 * against the Bitrix24 double on 127.0.0.1. The portal installs the app,
 * the relay registers the action, a workflow reaches it, the contract
 * appears on a lawyer's desktop after `pacta sync`, the lawyer moves it to
 * the awaited stage, and the workflow resumes once with the right values,
 * across a restart of the relay. Replayed and forged calls are refused.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { installApp, postAction, reachAction } from "../../e2e/bitrix24-double/action-calls";
import { bizprocActionsOf } from "../../e2e/bitrix24-double/bizproc-actions";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double, DEFAULT_APP } from "../../e2e/bitrix24-double/server";
import { openServices } from "../app/services";
import { DATABASE_FILE } from "../db/open";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { runPacta, runPactaAsync, spawnPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";
import { ACTION_CODE } from "./activity";

let double: Bitrix24Double;
let relayDir: string;
let desktopDir: string;
let port: number;
let relay: { child: ChildProcess; done: Promise<unknown> } | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const p = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(p));
    });
  });
}

async function until<T>(what: string, probe: () => T | null | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const publicUrl = () => `http://127.0.0.1:${port}/`;

/** Starts the relay; resolves with what it printed (--json). */
interface Printed {
  url: string;
  handler: string;
  install: string;
  installed: boolean;
}

async function startRelay(): Promise<Printed> {
  const run = spawnPacta(
    relayDir,
    "serve",
    "--relay",
    "--json",
    "--public-url",
    publicUrl(),
    "--port",
    String(port),
    "--portal",
    double.origin,
    "--client-id",
    DEFAULT_APP.clientId,
    "--oauth-url",
    double.oauthUrl,
    "--poll-seconds",
    "0.2",
  );
  relay = run;
  let text = "";
  run.child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return until("the relay's address", () => {
    try {
      return JSON.parse(text) as Printed;
    } catch {
      return null;
    }
  });
}

async function stopRelay(): Promise<void> {
  if (!relay) return;
  relay.child.kill("SIGTERM");
  await relay.done;
  relay = null;
}

function invocations(): { state: string; return_values: string | null }[] {
  const db = new Database(path.join(relayDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare("SELECT state, return_values FROM relay_invocations").all() as {
      state: string;
      return_values: string | null;
    }[];
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  process.env.PACTA_CLIENT_SECRET = DEFAULT_APP.clientSecret;
  double = await Bitrix24Double.start();
  relayDir = tempDataDir();
  desktopDir = tempDataDir();
  port = await freePort();
  for (const dir of [relayDir, desktopDir]) {
    const s = openServices({ dataDir: dir, actor: "setup" });
    s.sync.store.saveSettings(SPA_SETTINGS);
    s.close();
  }
});

afterEach(async () => {
  await stopRelay();
  await double.close();
  for (const dir of [relayDir, desktopDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe("pacta serve --relay", () => {
  it("refuses a public URL that is not http(s), and --relay without one", () => {
    const ftp = runPacta(relayDir, "serve", "--relay", "--public-url", "ftp://relay.example/");
    expect(ftp.status).toBe(2);
    expect(ftp.stderr).toBe(
      'pacta: --public-url must be an http(s) URL, not "ftp://relay.example/"\n',
    );
    const none = runPacta(relayDir, "serve", "--relay");
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("--relay needs --public-url");
    const base = ["serve", "--relay", "--public-url", "https://relay.example/"];
    const slow = runPacta(relayDir, ...base, "--poll-seconds", "soon");
    expect(slow.stderr).toBe(
      'pacta: --poll-seconds takes a number from 0.1 to 86400, not "soon"\n',
    );
    // No sync settings in the folder: no stage could ever be followed.
    const bare = tempDataDir();
    try {
      const unset = runPacta(bare, ...base, "--portal", double.origin);
      expect(unset.status).toBe(2);
      expect(unset.stderr).toContain("--relay needs the sync settings");
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
    const portal = runPacta(relayDir, ...base);
    expect(portal.status).toBe(2);
    expect(portal.stderr).toContain("--portal is needed until the app is installed");
    delete process.env.PACTA_CLIENT_SECRET;
    const secret = runPacta(relayDir, ...base, "--portal", double.origin, "--client-id", "x");
    expect(secret.status).toBe(2);
    expect(secret.stderr).toContain("PACTA_CLIENT_SECRET");
  });

  it("takes a workflow's call through to the desktop and answers once", async () => {
    const printed = await startRelay();
    expect(printed.installed).toBe(false);
    // Bound where told: 127.0.0.1 unless --host says otherwise.
    expect(printed.url).toBe(`http://127.0.0.1:${port}/`);
    expect(printed.handler).toBe(`${publicUrl()}bizproc/contract-lifecycle`);

    // The portal installs the app: the relay connects and registers the action.
    const install = await installApp(double, printed.install);
    expect(install.status, install.body).toBe(200);
    const actions = bizprocActionsOf(double.state);
    const activity = actions.appActivities(DEFAULT_APP.clientId).get(ACTION_CODE);
    expect(activity?.handler).toBe(printed.handler);
    expect(activity?.useSubscription).toBe("Y");
    expect(Object.keys(activity?.properties ?? {})).toEqual(
      expect.arrayContaining(["ContractTemplate", "Responsible", "StageDeadlines", "RenewalDate"]),
    );
    expect(Object.keys(activity?.returnProperties ?? {})).toEqual([
      "ContractId",
      "Stage",
      "NoticeDeadline",
    ]);
    // Installing again updates the action instead of failing on a duplicate.
    expect((await installApp(double, printed.install)).status).toBe(200);

    // A workflow on deal 3 reaches the action.
    const { run, answer } = await reachAction(double, {
      code: ACTION_CODE,
      documentId: ["crm", "CCrmDocumentDeal", "DEAL_3"],
      documentType: ["crm", "CCrmDocumentDeal", "DEAL"],
      properties: {
        ContractTitle: "Bail commercial Lemaître & Fils",
        ContractTemplate: "Bail commercial",
        Responsible: "user_2",
        StageDeadlines: "negotiation=2027-01-15\nactive=2027-02-01",
        RenewalDate: "2027-06-30",
        NoticePeriodDays: "90",
        WaitStage: "active",
      },
    });
    expect(answer.status, answer.body).toBe(200);
    const contracts = double.state.type(CONTRACT_TYPE_ID);
    const item = await until("the contract item", () =>
      [...contracts.items.values()].find((i) => i.values.xmlId === `pacta-relay:${run.workflowId}`),
    );
    expect(item.values).toMatchObject({
      title: "Bail commercial Lemaître & Fils",
      assignedById: 2,
      categoryId: 30,
      parentId2: 3,
      stageId: "DT1220_30:NEW",
    });

    // Properties that cannot make a contract: refused, and the workflow is told why.
    const wrong = await reachAction(double, {
      code: ACTION_CODE,
      documentId: ["crm", "CCrmDocumentDeal", "DEAL_4"],
      documentType: ["crm", "CCrmDocumentDeal", "DEAL"],
      properties: { Responsible: "Camille", WaitStage: "active" },
    });
    expect(wrong.answer.status).toBe(400);
    expect(wrong.answer.body).toContain("Responsible must be a portal user");
    await until("the refusal sent", () => (wrong.run.state === "resumed" ? true : null));
    expect(wrong.run.logMessage).toContain("Pacta refused the call");
    // A stage the stage map does not know could never be reached: refused at once too.
    const nowhere = await reachAction(double, {
      code: ACTION_CODE,
      documentId: ["crm", "CCrmDocumentDeal", "DEAL_5"],
      documentType: ["crm", "CCrmDocumentDeal", "DEAL"],
      properties: { Responsible: "user_2", WaitStage: "nowhere" },
    });
    expect(nowhere.answer.status).toBe(400);
    await until("the stage refusal sent", () => (nowhere.run.state === "resumed" ? true : null));
    expect(nowhere.run.logMessage).toContain('Pacta refused the call: WaitStage "nowhere"');

    // The same call again, and one with another app's token, are refused.
    expect((await postAction(double, run)).status).toBe(409);
    const forged = await postAction(double, run, { applicationToken: "f0rg3d" });
    expect(forged.status).toBe(403);
    expect(forged.body).not.toContain(actions.applicationToken(DEFAULT_APP.clientId));
    expect(invocations().map((i) => i.state)).toEqual(["waiting", "failed", "failed"]);
    const logged = fs.readFileSync(path.join(relayDir, "logs", "pacta.log"), "utf8");
    expect(logged).toContain("action call with a wrong application token refused");
    expect(logged).not.toContain(actions.applicationToken(DEFAULT_APP.clientId));
    expect(logged).not.toContain("f0rg3d");
    expect(logged).not.toContain(DEFAULT_APP.clientSecret);

    // The lawyer's desktop gets the contract by its sync.
    const connect = await runPactaAsync(desktopDir, "connect", "--webhook", double.webhookUrl());
    expect(connect.status, connect.stderr).toBe(0);
    const sync = await runPactaAsync(desktopDir, "sync");
    expect(sync.status, sync.stderr).toBe(0);
    const list = JSON.parse((await runPactaAsync(desktopDir, "list", "--json")).stdout) as {
      id: number;
      title: string;
      stage: string;
    }[];
    const contract = list.find((c) => c.title === "Bail commercial Lemaître & Fils");
    expect(contract?.stage).toBe("draft");

    // Still waiting: the stage is not the one the action waits for.
    await new Promise((r) => setTimeout(r, 600));
    expect(run.state).toBe("waiting");

    // The relay stops; meanwhile the lawyer moves the contract and syncs.
    await stopRelay();
    const move = await runPactaAsync(desktopDir, "move", String(contract?.id), "active", "--yes");
    expect(move.status, move.stderr).toBe(0);
    expect((await runPactaAsync(desktopDir, "sync")).status).toBe(0);
    expect(item.values.stageId).toBe("DT1220_30:SUCCESS");
    expect(invocations()[0]?.state).toBe("waiting");

    // Restarted, the relay resumes the stored call and answers the workflow once.
    const again = await startRelay();
    expect(again.installed).toBe(true);
    await until("the workflow's answer", () => (run.state === "resumed" ? run : null));
    expect(run.returnValues).toEqual({
      ContractId: item.id,
      Stage: "active",
      NoticeDeadline: "2027-04-01",
    });
    await until("the answer recorded", () =>
      invocations()[0]?.state === "answered" ? true : null,
    );
    await new Promise((r) => setTimeout(r, 600));
    // One answer for the contract's run (the others told the refused runs why).
    expect(double.stats.byMethod["bizproc.event.send"]).toBe(3);
    expect(actions.runs.filter((r) => r.state === "resumed")).toHaveLength(3);
  }, 90_000);
});
