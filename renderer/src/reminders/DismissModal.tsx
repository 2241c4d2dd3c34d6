import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";

export interface DismissModalProps {
  /** Open when set: the reminder's contract title, shown in the dialog */
  title: string | null;
  /** Called with the typed reason */
  onConfirm: (reason: string) => void;
  /** Called when the person gives up */
  onClose: () => void;
}

/** Asks why a reminder is dismissed. */
export function DismissModal({ title, onConfirm, onClose }: DismissModalProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    onClose();
  };
  return (
    <Modal opened={title !== null} onClose={close} title={t("reminders.dismissTitle")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return;
          onConfirm(reason.trim());
          setReason("");
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t("reminders.reason")}
            description={title ?? undefined}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("app.cancel")}
            </Button>
            <Button type="submit" color="red" disabled={!reason.trim()}>
              {t("reminders.dismiss")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
