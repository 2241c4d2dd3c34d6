import { Loader, Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { ContractInput } from "../../../shared/domain/contract";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { navigate, paths } from "../app/routes";
import { notifySuccess } from "../app/use-api-error";
import { useFacets } from "../app/use-facets";
import { localeOf } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";
import { ContractForm } from "./ContractForm";
import { emptyFormValues, formValuesFromContract } from "./form-values";
import { useContract } from "./use-contract";

export interface ContractFormPageProps {
  /** The contract to edit, or null to create one */
  id: number | null;
}

/** Creating a new contract, or editing a stored one (with a stale-edit check). */
export function ContractFormPage({ id }: ContractFormPageProps) {
  const { t } = useTranslation();
  const { refresh } = useFacets();
  const language = useLanguage();
  const { contract, error, loading, reload } = useContract(id);

  const save = async (input: ContractInput): Promise<ApiError | null> => {
    const r =
      id === null
        ? await pacta.contracts.create(input)
        : await pacta.contracts.update({
            id,
            // Stages move through the lifecycle API; an edit never sends one.
            fields: { ...input, stage: undefined },
            expectedUpdatedAt: contract?.updatedAt,
          });
    if (!r.ok) return r.error;
    refresh();
    notifySuccess(id === null ? t("form.created") : t("form.saved"));
    navigate(paths.contract(r.value.id));
    return null;
  };

  const heading = (
    <Title order={1} size="h2">
      {id === null ? t("form.newTitle") : t("form.editTitle")}
    </Title>
  );

  if (id !== null && !contract) {
    return (
      <Stack gap="md" maw={1100}>
        {heading}
        {loading && <Loader aria-label={t("app.loading")} />}
        {error && <ApiErrorAlert error={error} onRetry={reload} />}
      </Stack>
    );
  }

  return (
    <Stack gap="md" maw={1100}>
      {heading}
      <ContractForm
        // A reloaded contract starts the form afresh from its stored values.
        key={contract?.updatedAt ?? "new"}
        initialValues={
          contract ? formValuesFromContract(contract, localeOf(language)) : emptyFormValues()
        }
        mode={id === null ? "create" : "edit"}
        onSave={save}
        cancelHref={id === null ? paths.register : paths.contract(id)}
        onReloadLatest={reload}
      />
    </Stack>
  );
}
