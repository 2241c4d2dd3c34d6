import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CalendarDateInput } from "../contract/CalendarDateInput";
import { snoozeUntil } from "./snooze-until";

export interface SnoozeUntilModalProps {
  /** Open when set: the reminder's contract title, shown in the dialog */
  title: string | null;
  /** Called with the chosen local time, `YYYY-MM-DDTHH:MM:00` */
  onConfirm: (until: string) => void;
  /** Called when the person gives up */
  onClose: () => void;
}

/** Asks until which day and time a reminder is put off. */
export function SnoozeUntilModal({ title, onConfirm, onClose }: SnoozeUntilModalProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState("");
  const [time, setTime] = useState("09:00");
  const until = snoozeUntil(date, time);
  const close = () => {
    setDate("");
    onClose();
  };
  return (
    <Modal opened={title !== null} onClose={close} title={t("reminders.snoozeUntilTitle")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!until) return;
          onConfirm(until);
          setDate("");
        }}
      >
        <Stack gap="md">
          <CalendarDateInput label={t("reminders.snoozeDate")} value={date} onChange={setDate} />
          <TextInput
            type="time"
            label={t("reminders.snoozeTime")}
            description={title ?? undefined}
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("app.cancel")}
            </Button>
            <Button type="submit" disabled={!until}>
              {t("reminders.snoozeConfirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
