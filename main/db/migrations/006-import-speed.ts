import type { Migration } from "../migrate";

/**
 * Drops the two per-row triggers on the insert paths that imports take:
 * each made an INSERT cost about twice as much, even when it did nothing.
 * The code that writes does their work instead:
 *
 * - a new contract's `working_days` is set by its INSERT, from the
 *   `reminders.workingDays` setting (`ContractRegister`);
 * - a new stage visit marks its contract in `reminder_dirty` for the next
 *   scan (`StageVisits`; an import batch marks its contracts once).
 *
 * The triggers on updates and deletes stay: they are off the hot paths.
 */
export const importSpeed: Migration = {
  version: 6,
  name: "import-speed",
  up: `
    DROP TRIGGER IF EXISTS contracts_working_days_default;
    DROP TRIGGER IF EXISTS reminder_stage_insert;
  `,
};
