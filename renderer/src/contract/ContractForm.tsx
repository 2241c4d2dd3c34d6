import {
  Alert,
  Autocomplete,
  Button,
  Fieldset,
  Group,
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
import { isCalendarDate } from "../../../shared/domain/calendar-date";
import { type ContractInput, contractInputSchema } from "../../../shared/domain/contract";
import { parseMajorAmount } from "../../../shared/domain/money";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFacets } from "../app/use-facets";
import { localeOf } from "../i18n/format";
import { useFormat } from "../i18n/use-format";
import { AmountInput } from "./AmountInput";
import { CalendarDateInput } from "./CalendarDateInput";
import { ConfirmLeaveModal } from "./ConfirmLeaveModal";
import { currencyOptions } from "./currencies";
import { issuesToErrors } from "./form-errors";
import {
  amountCurrency,
  type ContractFormValues,
  DEFAULT_CURRENCY,
  toContractInput,
} from "./form-values";
import { PartiesFieldset } from "./PartiesFieldset";
import { RenewalFieldset } from "./RenewalFieldset";
import { useLeaveGuard } from "./use-leave-guard";

export interface ContractFormProps {
  /** The values the form starts from */
  initialValues: ContractFormValues;
  /** `create` for a new contract, `edit` for a stored one (its stage is then shown, not edited) */
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
  const dateRule = (text: string) =>
    text === "" || isCalendarDate(text) ? null : t("validation.dateUnreadable");
  const form = useForm<ContractFormValues>({
    mode: "controlled",
    initialValues,
    // Text the schema never sees: what the fields could not read stays there, flagged.
    validate: {
      value: (text, values) =>
        text.trim() === "" || parseMajorAmount(text, amountCurrency(values)) !== null
          ? null
          : t("validation.amountUnreadable"),
      signatureDate: dateRule,
      effectiveDate: dateRule,
      endDate: dateRule,
    },
    // A date field hands its text over on leaving, so it is checked as it changes.
    validateInputOnChange: ["signatureDate", "effectiveDate", "endDate"],
    validateInputOnBlur: ["value"],
  });
  const guard = useLeaveGuard(form.isDirty() && !form.submitting);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const locale = localeOf(format.language);
  const currencies = useMemo(
    () => currencyOptions(locale, ["EUR", "USD", "GBP", "CHF", ...facets.currencies]),
    [locale, facets.currencies],
  );

  const focusFirstError = () => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  };
  const showErrors = (errors: Record<string, string>) => {
    form.setErrors(errors);
    focusFirstError();
  };
  /** A text field the form validates on leaving it (typed text it cannot read stays there). */
  const typedProps = (field: "value" | "signatureDate" | "effectiveDate" | "endDate") => ({
    ...form.getInputProps(field),
    value: form.values[field],
  });

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

  const stale = serverError?.reason === "stale_update";
  return (
    <form
      ref={formRef}
      onSubmit={form.onSubmit((values) => void submit(values), focusFirstError)}
      noValidate
    >
      <ConfirmLeaveModal
        opened={guard.pending !== null}
        onStay={guard.stay}
        onLeave={guard.leave}
      />
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
              {mode === "create" ? (
                <Select
                  label={t("fields.stage")}
                  data={facets.stages.map((s) => ({
                    value: s.key,
                    label: format.stage(s.key, facets.stages),
                  }))}
                  allowDeselect={false}
                  {...form.getInputProps("stage")}
                />
              ) : (
                // Stages move through the contract's lifecycle, not through this form.
                <TextInput
                  label={t("fields.stage")}
                  value={format.stage(form.values.stage, facets.stages)}
                  description={t("form.stageReadOnly")}
                  readOnly
                  variant="filled"
                />
              )}
            </Group>
          </Stack>
        </Fieldset>
        <PartiesFieldset form={form} />
        <Fieldset legend={t("form.dates")}>
          <Group grow align="flex-start">
            <CalendarDateInput label={t("fields.signatureDate")} {...typedProps("signatureDate")} />
            <CalendarDateInput label={t("fields.effectiveDate")} {...typedProps("effectiveDate")} />
            <CalendarDateInput label={t("fields.endDate")} {...typedProps("endDate")} />
          </Group>
        </Fieldset>
        <Fieldset legend={t("form.money")}>
          <Group grow align="flex-start">
            <AmountInput
              label={t("fields.value")}
              currency={amountCurrency(form.values)}
              {...typedProps("value")}
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
