import { Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isCalendarDate } from "../../../shared/domain/calendar-date";
import { pacta } from "../api/client";
import { useApiError } from "../app/use-api-error";
import { CalendarDateInput } from "./CalendarDateInput";

export interface CustomDateFormProps {
  /** The contract the date belongs to */
  contractId: number;
  /** Called after a date was added */
  onAdded: () => void;
}

/** Adds a custom date (a day and what it is) to a contract's reminders. */
export function CustomDateForm({ contractId, onAdded }: CustomDateFormProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [date, setDate] = useState("");
  const [label, setLabel] = useState("");
  const [busy, setBusy] = useState(false);
  const dateError = date !== "" && !isCalendarDate(date) ? t("lifecycle.badDate") : undefined;

  const add = async () => {
    setBusy(true);
    const r = await pacta.reminders.addCustomDate({ contractId, date, label });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    setDate("");
    setLabel("");
    onAdded();
  };

  return (
    <Group align="flex-start" gap="sm">
      <CalendarDateInput
        label={t("reminders.customDate")}
        value={date}
        onChange={setDate}
        error={dateError}
      />
      <TextInput
        label={t("reminders.customLabel")}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        w={260}
      />
      <Button
        mt={25}
        variant="default"
        onClick={() => void add()}
        loading={busy}
        disabled={!isCalendarDate(date) || label.trim() === ""}
      >
        {t("reminders.addCustomDate")}
      </Button>
    </Group>
  );
}
