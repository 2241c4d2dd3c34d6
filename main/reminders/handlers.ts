/** The reminders group of the API over the reminders service. */
import type { ApiHandlers } from "../../shared/api/contract";
import { PactaError } from "../../shared/api/result";
import { parseInstant } from "../../shared/domain/reminder-rules";
import type { PactaServices } from "../app/services";

export function reminderHandlers(s: PactaServices): ApiHandlers["reminders"] {
  const r = s.reminders;
  return {
    list: ({ within, states, limit }) => r.list({ within, limit, ...(states ? { states } : {}) }),
    upcoming: ({ limit }) => r.upcoming(limit),
    snooze: ({ key, preset, until }) => {
      if (preset) return r.snooze(key, { preset });
      const at = until === undefined ? null : parseInstant(until);
      if (at === null) {
        throw new PactaError("invalid_argument", "until: expected an ISO date-time", [
          { path: ["until"], message: "expected an ISO date-time" },
        ]);
      }
      return r.snooze(key, { until: at });
    },
    dismiss: ({ key, reason }) => r.dismiss(key, reason),
    feed: ({ since, limit }) => r.feed(since, limit),
    getSettings: () => r.getSettings(),
    setSettings: (change) => r.setSettings(definedOnly(change)),
    getContractSettings: ({ contractId }) => r.contractSettings(contractId),
    setContractSettings: ({ contractId, workingDays, leadDays }) =>
      r.setContractSettings(contractId, workingDays, leadDays),
    listCustomDates: ({ contractId }) => r.customDates(contractId),
    addCustomDate: (input) => r.addCustomDate(input),
    removeCustomDate: ({ id }) => r.removeCustomDate(id),
    exportIcs: ({ contractId, language }) =>
      r.exportIcs({ language, ...(contractId === undefined ? {} : { contractId }) }),
  };
}

/** Drops keys whose value is undefined (zod keeps absent optional keys out already). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
