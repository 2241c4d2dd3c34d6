import { Button, Group, Modal, Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** What happens to the portal item of a linked contract. */
export type PortalChoice = "keep" | "delete";

export interface ConfirmDeleteModalProps {
  /** Shown or not */
  opened: boolean;
  /** The contract's title, named in the question */
  title: string;
  /** True while the deletion is being saved */
  busy: boolean;
  /** The contract is linked to a Bitrix24 item: the person must say what becomes of it */
  linked?: boolean;
  /** The choice made for the portal item, null until made */
  portal?: PortalChoice | null;
  /** Called when the person picks what happens to the portal item */
  onPortalChange?: (choice: PortalChoice) => void;
  /** Closes without deleting */
  onCancel: () => void;
  /** Deletes */
  onConfirm: () => void;
}

/** Asks before a contract is deleted; Cancel has the focus. */
export function ConfirmDeleteModal(props: ConfirmDeleteModalProps) {
  const { t } = useTranslation();
  const needsChoice = props.linked === true && !props.portal;
  // Built from parts so the dialog has no <header> of its own (one banner per page).
  return (
    <Modal.Root opened={props.opened} onClose={props.onCancel} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Body pt="md">
          <Stack gap="md">
            <Modal.Title fw={700}>{t("contract.deleteTitle")}</Modal.Title>
            <Text size="sm">{t("contract.deleteText", { title: props.title })}</Text>
            {props.linked && (
              <Radio.Group
                label={t("sync.delete.label")}
                value={props.portal ?? null}
                onChange={(v) => props.onPortalChange?.(v as PortalChoice)}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="delete" label={t("sync.delete.delete")} />
                  <Radio value="keep" label={t("sync.delete.keep")} />
                </Stack>
              </Radio.Group>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onCancel} data-autofocus>
                {t("app.cancel")}
              </Button>
              <Button
                color="red.9"
                onClick={props.onConfirm}
                loading={props.busy}
                disabled={needsChoice}
              >
                {t("contract.deleteConfirm")}
              </Button>
            </Group>
          </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
