import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface ConfirmLeaveModalProps {
  /** Shown or not */
  opened: boolean;
  /** Closes and stays on the form */
  onStay: () => void;
  /** Leaves, dropping the changes */
  onLeave: () => void;
  /** What would be lost; a contract's form changes when not given */
  text?: string;
}

/** Asks before unsaved changes are dropped; Stay has the focus. */
export function ConfirmLeaveModal({ opened, onStay, onLeave, text }: ConfirmLeaveModalProps) {
  const { t } = useTranslation();
  // Built from parts so the dialog has no <header> of its own (one banner per page).
  return (
    <Modal.Root opened={opened} onClose={onStay} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Body pt="md">
          <Stack gap="md">
            <Modal.Title fw={700}>{t("form.leaveTitle")}</Modal.Title>
            <Text size="sm">{text ?? t("form.leaveText")}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={onStay} data-autofocus>
                {t("form.leaveStay")}
              </Button>
              <Button color="red.9" onClick={onLeave}>
                {t("form.leaveConfirm")}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
