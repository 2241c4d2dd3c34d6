import {
  Alert,
  Autocomplete,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import { type ContractInput, contractInputSchema } from "../../../shared/domain/contract";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFacets } from "../app/use-facets";
import { localeOf } from "../i18n/format";
import { useFormat } from "../i18n/use-format";
import { CalendarDateInput } from "./CalendarDateInput";
import { currencyOptions } from "./currencies";
import { issuesToErrors } from "./form-errors";
import { type ContractFormValues, DEFAULT_CURRENCY, toContractInput } from "./form-values";
import { PartiesFieldset } from "./PartiesFieldset";
import { RenewalFieldset } from "./RenewalFieldset";

export interface ContractFormProps {
  /** The values the form starts from */
  initialValues: ContractFormValues;
  /** `create` for a new contract, `edit` for a stored one (changes the button's words) */
  mode: "create" | "edit";
  /** Sends the checked input to main; resolves to the failure, or null when saved */
  onSave: (input: ContractInput) => Promise<ApiError | null>;
  /** Where Cancel goes */
  cancelHref: string;
  /** Reloads the stored contract after a stale update (edit only) */
  onReloadLatest?: () => void;
}

/** Every field of a contract, checked by the shared schema with messages next to fields. */
export function ContractForm(props: ContractFormProps) {
  const { initialValues, mode, onSave, cancelHref, onReloadLatest } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();
  const form = useForm<ContractFormValues>({ mode: "controlled", initialValues });
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const locale = localeOf(format.language);
  const currencies = useMemo(
    () => currencyOptions(locale, ["EUR", "USD", "GBP", "CHF", ...facets.currencies]),
    [locale, facets.currencies],
  );

  const showErrors = (errors: Record<string, string>) => {
    form.setErrors(errors);
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };

  const submit = async (values: ContractFormValues) => {
    setServerError(null);
    const input = toContractInput(values);
    const parsed = contractInputSchema.safeParse(input);
    if (!parsed.success) {
      showErrors(issuesToErrors(parsed.error.issues, t));
      return;
    }
    form.setSubmitting(true);
    const error = await onSave(input);
    form.setSubmitting(false);
    if (!error) return;
    setServerError(error);
    if (error.issues?.length) showErrors(issuesToErrors(error.issues, t));
    else if (error.reason === "duplicate_reference") {
      showErrors({ reference: t("validation.referenceTaken") });
    } else {
      // No field to point at: bring the explanation into view.
      requestAnimationFrame(() => alertRef.current?.scrollIntoView({ block: "center" }));
    }
  };

  const dateProps = (field: "signatureDate" | "effectiveDate" | "endDate") => ({
    value: form.values[field],
    onChange: (value: string) => {
      form.setFieldValue(field, value);
    },
    error: form.errors[field],
  });

  const stale = serverError?.reason === "stale_update";
  return (
    <form ref={formRef} onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="lg">
        {Object.keys(form.errors).length > 0 && !serverError && (
          <Alert color="red" role="alert">
            {t("form.fixErrors")}
          </Alert>
        )}
        {serverError && (
          <div ref={alertRef}>
            {stale && (
              <Alert color="yellow" title={t("form.staleTitle")} role="alert">
                <Stack gap="xs" align="flex-start">
                  {t("form.staleText")}
                  {onReloadLatest && (
                    <Button size="xs" variant="light" color="yellow" onClick={onReloadLatest}>
                      {t("form.reloadLatest")}
                    </Button>
                  )}
                </Stack>
              </Alert>
            )}
            {!stale && <ApiErrorAlert error={serverError} />}
          </div>
        )}
        <Fieldset legend={t("form.general")}>
          <Stack gap="sm">
            <TextInput
              label={t("fields.title")}
              placeholder={t("form.titlePlaceholder")}
              withAsterisk
              {...form.getInputProps("title")}
            />
            <Group grow align="flex-start">
              <TextInput label={t("fields.reference")} {...form.getInputProps("reference")} />
              <Autocomplete
                label={t("fields.type")}
                placeholder={t("form.typePlaceholder")}
                data={facets.types}
                {...form.getInputProps("type")}
              />
              <Select
                label={t("fields.stage")}
                data={facets.stages.map((s) => ({
                  value: s.key,
                  label: format.stage(s.key, facets.stages),
                }))}
                allowDeselect={false}
                {...form.getInputProps("stage")}
              />
            </Group>
          </Stack>
        </Fieldset>
        <PartiesFieldset form={form} />
        <Fieldset legend={t("form.dates")}>
          <Group grow align="flex-start">
            <CalendarDateInput label={t("fields.signatureDate")} {...dateProps("signatureDate")} />
            <CalendarDateInput label={t("fields.effectiveDate")} {...dateProps("effectiveDate")} />
            <CalendarDateInput label={t("fields.endDate")} {...dateProps("endDate")} />
          </Group>
        </Fieldset>
        <Fieldset legend={t("form.money")}>
          <Group grow align="flex-start">
            <NumberInput
              label={t("fields.value")}
              decimalSeparator={format.language === "fr" ? "," : "."}
              thousandSeparator={format.language === "fr" ? "\u202f" : ","}
              {...form.getInputProps("value")}
            />
            <Select
              label={t("fields.currency")}
              data={currencies}
              searchable
              limit={400}
              placeholder={DEFAULT_CURRENCY}
              allowDeselect={false}
              {...form.getInputProps("currency")}
            />
          </Group>
        </Fieldset>
        <RenewalFieldset form={form} />
        <Fieldset legend={t("form.other")}>
          <Stack gap="sm">
            <TextInput label={t("fields.governingLaw")} {...form.getInputProps("governingLaw")} />
            <TagsInput
              label={t("fields.tags")}
              placeholder={t("form.tagsPlaceholder")}
              data={facets.tags}
              clearable
              {...form.getInputProps("tags")}
            />
            <Textarea
              label={t("fields.notes")}
              autosize
              minRows={3}
              maxRows={12}
              {...form.getInputProps("notes")}
            />
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={form.submitting}>
            {mode === "create" ? t("form.create") : t("form.save")}
          </Button>
          <Button component="a" href={cancelHref} variant="default">
            {t("app.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
