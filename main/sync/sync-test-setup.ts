/**
 * What the sync test files share: fast client limits, opening the services
 * on a data folder, and short-hands on the Bitrix24 double's smart-process
 * items. Each test file starts its own double and register per test.
 */
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import type { Bitrix24Double } from "../../e2e/bitrix24-double/server";
import type { SyncSettings } from "../../shared/api/sync";
import { contractInputSchema } from "../../shared/domain/contract";
import { openServices, type PactaServices } from "../app/services";
import { SPA_SETTINGS } from "../test-support/bitrix24";

/** Short retries and a fast-draining bucket, so that faults cost the tests little time. */
export const FAST = {
  retry: { baseDelayMs: 20, operationLimitDelayMs: 40, maxDelayMs: 200 },
  rateLimit: { capacity: 50, drainPerSecond: 100 },
};

export function openIn(dataDir: string, client: object = FAST): PactaServices {
  return openServices({ dataDir, actor: "tester", bitrix24: client });
}

export const spaItems = (double: Bitrix24Double) => [
  ...double.state.type(CONTRACT_TYPE_ID).items.values(),
];

export const byUid = (double: Bitrix24Double, uid: string) =>
  spaItems(double).filter((i) => i.values.xmlId === uid);

export function create(s: PactaServices, title: string, extra: object = {}) {
  return s.register.create(contractInputSchema.parse({ title, ...extra }));
}

export async function connected(
  s: PactaServices,
  double: Bitrix24Double,
  settings: SyncSettings = SPA_SETTINGS,
) {
  await s.sync.connectWebhook(double.webhookUrl());
  s.sync.saveSettings(settings);
}
