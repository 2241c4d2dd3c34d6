import { Stack } from "@mantine/core";
import type { Contract } from "../../../shared/domain/contract";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { ContractRemindersPanel } from "./ContractRemindersPanel";
import { KeyDatesList } from "./KeyDatesList";
import { useContractReminders } from "./use-contract-reminders";

export interface ContractKeyDatesProps {
  /** The contract whose dates and reminder options are shown */
  contract: Contract;
}

/** The key dates, moved off non-working days when the contract says so, and its reminders. */
export function ContractKeyDates({ contract }: ContractKeyDatesProps) {
  const reminders = useContractReminders(contract.id);
  const { settings } = reminders;
  return (
    <Stack gap="lg">
      <KeyDatesList contract={contract} workingDays={settings?.effective.workingDays ?? false} />
      {reminders.error && <ApiErrorAlert error={reminders.error} onRetry={reminders.reload} />}
      {settings && (
        <ContractRemindersPanel
          key={`${settings.workingDays}-${settings.leadDays?.join(",")}`}
          contractId={contract.id}
          settings={settings}
          customDates={reminders.customDates}
          onSaved={reminders.setSettings}
          onDatesChanged={reminders.reload}
        />
      )}
    </Stack>
  );
}
