import { Button, Group } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../shared/domain/contract";
import { pacta } from "../api/client";
import { navigate, paths } from "../app/routes";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFacets } from "../app/use-facets";
import { ConfirmDeleteModal, type PortalChoice } from "./ConfirmDeleteModal";

export interface ContractActionsProps {
  /** The contract the buttons act on */
  contract: Contract;
  /** Called with the contract as an action left it */
  onChange: (contract: Contract) => void;
}

/** Edit, archive or restore, and delete (after a confirmation). */
export function ContractActions({ contract, onChange }: ContractActionsProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  const { refresh } = useFacets();
  const [confirming, confirm] = useDisclosure(false);
  const [busy, setBusy] = useState<"archive" | "delete" | null>(null);
  const [linked, setLinked] = useState(false);
  const [portal, setPortal] = useState<PortalChoice | null>(null);

  const askDelete = async () => {
    // A contract linked to a live portal item needs a choice for that item.
    const link = await pacta.sync.contractLink({ id: contract.id });
    setLinked(link.ok && link.value !== null && !link.value.deleted);
    setPortal(null);
    confirm.open();
  };

  const toggleArchive = async () => {
    setBusy("archive");
    const r = contract.archived
      ? await pacta.contracts.restore({ id: contract.id })
      : await pacta.contracts.archive({ id: contract.id });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    onChange(r.value);
    notifySuccess(r.value.archived ? t("contract.archivedDone") : t("contract.restoredDone"));
  };

  const remove = async () => {
    setBusy("delete");
    const r = await pacta.contracts.remove({
      id: contract.id,
      ...(linked && portal ? { portal } : {}),
    });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    confirm.close();
    refresh();
    notifySuccess(t("contract.deletedDone"));
    navigate(paths.register);
  };

  return (
    <Group gap="xs">
      <Button component="a" href={paths.edit(contract.id)}>
        {t("contract.edit")}
      </Button>
      <Button variant="default" onClick={() => void toggleArchive()} loading={busy === "archive"}>
        {contract.archived ? t("contract.restore") : t("contract.archive")}
      </Button>
      <Button variant="light" color="red" onClick={() => void askDelete()}>
        {t("contract.delete")}
      </Button>
      <ConfirmDeleteModal
        opened={confirming}
        title={contract.title}
        busy={busy === "delete"}
        linked={linked}
        portal={portal}
        onPortalChange={setPortal}
        onCancel={confirm.close}
        onConfirm={() => void remove()}
      />
    </Group>
  );
}
