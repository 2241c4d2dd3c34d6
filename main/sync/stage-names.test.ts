/** A stage conflict names the portal's stages, not their ids (real register, real double). */
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";
import { tempDataDir } from "../test-support/temp-register";
import { stageEntityOf } from "./stage-names";

let double: Bitrix24Double;
let dataDir: string;
let s: PactaServices;

beforeEach(async () => {
  double = await Bitrix24Double.start();
  dataDir = tempDataDir();
  s = openServices({
    dataDir,
    actor: "tester",
    bitrix24: { rateLimit: { capacity: 50, drainPerSecond: 100 } },
  });
});

afterEach(async () => {
  s.close();
  await double.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("stage names", () => {
  it("knows which status list a stage id belongs to", () => {
    expect(stageEntityOf("DT1220_30:CLIENT")).toBe("DYNAMIC_1220_STAGE_30");
    expect(stageEntityOf("C4:NEW")).toBe("DEAL_STAGE_4");
    expect(stageEntityOf("NEW")).toBe("DEAL_STAGE");
  });

  it("shows a stage conflict with the portal's stage names", async () => {
    await s.sync.connectWebhook(double.webhookUrl());
    s.sync.saveSettings(SPA_SETTINGS);
    const a = s.register.create(contractInputSchema.parse({ title: "Bail Lyon" }));
    await s.sync.run();
    const itemId = s.sync.contractLink(a.id)?.itemId ?? 0;
    double.state.update(CONTRACT_TYPE_ID, itemId, { stageId: "DT1220_30:SUCCESS" }, 1);
    s.lifecycle.move({ contractId: a.id, to: "negotiation", comment: null, confirmSkip: true });
    const run = await s.sync.run();
    expect(run.conflicts).toBe(1);
    const [conflict] = s.sync.conflicts();
    expect(conflict).toMatchObject({
      field: "stage",
      mine: "DT1220_30:CLIENT",
      theirs: "DT1220_30:SUCCESS",
      labels: { mine: "Négociation", theirs: "Signé" },
    });
    expect(conflict?.labels?.base).toEqual(expect.any(String));
  });
});
