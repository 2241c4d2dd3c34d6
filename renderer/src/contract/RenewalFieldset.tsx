import { Fieldset, Group, Select } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { RENEWAL_KINDS, type RenewalKind } from "../../../shared/domain/contract";
import { DurationInput } from "./DurationInput";
import type { ContractFormValues } from "./form-values";

export interface RenewalFieldsetProps {
  /** The contract form whose `renewal` this edits */
  form: UseFormReturnType<ContractFormValues>;
}

function isKind(value: string | null): value is RenewalKind {
  return RENEWAL_KINDS.includes(value as RenewalKind);
}

/** Renewal kind, renewal term and notice period. */
export function RenewalFieldset({ form }: RenewalFieldsetProps) {
  const { t } = useTranslation();
  const { renewal } = form.values;
  return (
    <Fieldset legend={t("form.renewalSection")}>
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Select
          label={t("fields.renewalKind")}
          data={RENEWAL_KINDS.map((kind) => ({ value: kind, label: t(`renewalKinds.${kind}`) }))}
          value={renewal.kind}
          onChange={(kind) => {
            if (isKind(kind)) form.setFieldValue("renewal.kind", kind);
          }}
          error={form.errors["renewal.kind"]}
          allowDeselect={false}
          w={220}
        />
        <DurationInput
          label={t("form.termAmount")}
          unitLabel={t("form.termUnit")}
          value={renewal.term}
          onChange={(term) => {
            form.setFieldValue("renewal.term", term);
            form.clearFieldError("renewal.term.amount");
          }}
          error={form.errors["renewal.term.amount"]}
        />
        <DurationInput
          label={t("form.noticeAmount")}
          unitLabel={t("form.noticeUnit")}
          value={renewal.notice}
          onChange={(notice) => {
            form.setFieldValue("renewal.notice", notice);
            form.clearFieldError("renewal.notice.amount");
          }}
          error={form.errors["renewal.notice.amount"]}
        />
      </Group>
    </Fieldset>
  );
}
