import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface ConfirmDeleteModalProps {
  /** Shown or not */
  opened: boolean;
  /** The contract's title, named in the question */
  title: string;
  /** True while the deletion is being saved */
  busy: boolean;
  /** Closes without deleting */
  onCancel: () => void;
  /** Deletes */
  onConfirm: () => void;
}

/** Asks before a contract is deleted; Cancel has the focus. */
export function ConfirmDeleteModal(props: ConfirmDeleteModalProps) {
  const { t } = useTranslation();
  // Built from parts so the dialog has no <header> of its own (one banner per page).
  return (
    <Modal.Root opened={props.opened} onClose={props.onCancel} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Body pt="md">
          <Stack gap="md">
            <Modal.Title fw={700}>{t("contract.deleteTitle")}</Modal.Title>
            <Text size="sm">{t("contract.deleteText", { title: props.title })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onCancel} data-autofocus>
                {t("app.cancel")}
              </Button>
              <Button color="red.9" onClick={props.onConfirm} loading={props.busy}>
                {t("contract.deleteConfirm")}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
