/** Sync settings for tests: the double's smart process "Contrats", pipeline 30. */
import { CONTRACT_TYPE_ID } from "../../e2e/bitrix24-double/catalog";
import type { SyncSettings } from "../../shared/api/sync";

export const SPA_SETTINGS: SyncSettings = {
  target: { kind: "smartProcess", entityTypeId: CONTRACT_TYPE_ID, categoryId: 30 },
  stageMap: {
    draft: "DT1220_30:NEW",
    negotiation: "DT1220_30:CLIENT",
    active: "DT1220_30:SUCCESS",
  },
  fieldMap: [
    { local: "title", remote: "title" },
    { local: "value", remote: "opportunity" },
    { local: "currency", remote: "currencyId" },
    { local: "effectiveDate", remote: "begindate" },
    { local: "endDate", remote: "closedate" },
  ],
  intervalMinutes: 0,
};
