import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { ContractDocument, FieldValue } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { useLoad } from "../settings/use-load";

export interface GenerateDocumentModalProps {
  opened: boolean;
  contractId: number;
  /** The contract already has a text, which generating replaces */
  replaces: boolean;
  /** Called with the new document and the fields that stayed empty, as "Label (key)" */
  onGenerated: (document: ContractDocument, missing: string[]) => void;
  onClose: () => void;
}

/** Picks a template, asks for its declared fields (prefilled), generates the contract's text. */
export function GenerateDocumentModal(props: GenerateDocumentModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t("document.generateTitle")}
      size="lg"
    >
      {props.opened && <GenerateForm {...props} />}
    </Modal>
  );
}

const loadTemplates = () => pacta.templates.list({});

function GenerateForm({ contractId, replaces, onGenerated, onClose }: GenerateDocumentModalProps) {
  const { t } = useTranslation();
  const templates = useLoad(loadTemplates);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldValue[] | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** Keys of the fields whose value main could not read as their type */
  const [badValues, setBadValues] = useState<ReadonlySet<string>>(new Set());

  const loadFields = useCallback(
    async (id: number) => {
      setFields(null);
      const r = await pacta.documents.fields({ contractId, templateId: id });
      if (!r.ok) return setError(r.error);
      setError(null);
      setFields(r.value);
      setValues(Object.fromEntries(r.value.map((f) => [f.field.key, f.value])));
      setBadValues(new Set(r.value.filter((f) => f.unreadable).map((f) => f.field.key)));
    },
    [contractId],
  );
  useEffect(() => {
    if (templateId) void loadFields(Number(templateId));
  }, [templateId, loadFields]);

  const missingRequired = (fields ?? []).filter(
    (f) => f.field.required && !(values[f.field.key] ?? "").trim(),
  );
  const submit = async () => {
    setTried(true);
    if (!templateId || missingRequired.length > 0) return;
    setBusy(true);
    const r = await pacta.documents.generate({
      contractId,
      templateId: Number(templateId),
      values,
    });
    setBusy(false);
    if (!r.ok) {
      const bad = (r.error.issues ?? []).filter((i) => i.path[0] === "values");
      setBadValues(new Set(bad.map((i) => String(i.path[1]))));
      // Values the fields explain in place need no second, generic message.
      return setError(bad.length > 0 ? null : r.error);
    }
    const labels = new Map((fields ?? []).map((f) => [f.field.key, f.field.label]));
    onGenerated(
      r.value.document,
      r.value.missing.map((key) => {
        const label = labels.get(key);
        return label && label !== key ? `${label} (${key})` : key;
      }),
    );
  };

  const empty = (fields ?? []).filter((f) => !(values[f.field.key] ?? "").trim());
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {templates.error && <ApiErrorAlert error={templates.error} onRetry={templates.reload} />}
        {error && <ApiErrorAlert error={error} />}
        {templates.value?.length === 0 && (
          <Alert color="blue">
            {t("document.noTemplates")}{" "}
            <Anchor href={paths.templates} underline="always">
              {t("document.openTemplates")}
            </Anchor>
          </Alert>
        )}
        <Select
          label={t("document.template")}
          placeholder={t("document.templatePlaceholder")}
          data={(templates.value ?? []).map((tpl) => ({
            value: String(tpl.id),
            label: t("document.templateOption", { name: tpl.name, version: tpl.version }),
          }))}
          value={templateId}
          onChange={setTemplateId}
          error={tried && !templateId ? t("document.templateRequired") : undefined}
          searchable
          required
          data-autofocus
        />
        {templateId && !fields && !error && <Loader size="sm" aria-label={t("app.loading")} />}
        {fields && fields.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("document.noFields")}
          </Text>
        )}
        {fields && fields.length > 0 && (
          <Stack gap="sm" role="group" aria-label={t("document.fieldsGroup")}>
            <Text size="sm">
              {empty.length > 0
                ? t("document.emptyCount", { count: empty.length })
                : t("document.allFilled")}
            </Text>
            {fields.map((f) => (
              <FieldInput
                key={f.field.key}
                value={f}
                text={values[f.field.key] ?? ""}
                onChange={(text) => {
                  setValues((v) => ({ ...v, [f.field.key]: text }));
                  setBadValues((keys) => new Set([...keys].filter((k) => k !== f.field.key)));
                }}
                error={
                  tried && f.field.required && !(values[f.field.key] ?? "").trim()
                    ? t("document.requiredEmpty")
                    : badValues.has(f.field.key)
                      ? t(`document.badValue.${f.field.type}`)
                      : undefined
                }
              />
            ))}
          </Stack>
        )}
        {replaces && <Alert color="yellow">{t("document.replaceWarning")}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" loading={busy} disabled={!fields}>
            {t("document.generate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface FieldInputProps {
  value: FieldValue;
  text: string;
  onChange: (text: string) => void;
  error?: string;
}

/** One declared field: required ones marked, empty ones flagged, where the value came from. */
function FieldInput({ value, text, onChange, error }: FieldInputProps) {
  const { t } = useTranslation();
  const { field } = value;
  const isEmpty = !text.trim();
  const label = (
    <Group gap={6} component="span" display="inline-flex">
      <span>{field.label}</span>
      {isEmpty && (
        <Badge color="orange" variant="light" size="sm" tt="none" component="span">
          {t("document.emptyBadge")}
        </Badge>
      )}
    </Group>
  );
  const description = [
    field.key,
    t(`templates.types.${field.type}`),
    value.source !== "empty" && !isEmpty ? t(`document.sources.${value.source}`) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const common = {
    label,
    description,
    value: text,
    required: field.required,
    error,
    styles: isEmpty ? { input: { borderColor: "var(--mantine-color-orange-filled)" } } : undefined,
  };
  return field.type === "longText" || field.type === "list" ? (
    <Textarea {...common} autosize minRows={2} onChange={(e) => onChange(e.currentTarget.value)} />
  ) : (
    <TextInput
      {...common}
      placeholder={field.type === "date" ? t("document.datePlaceholder") : undefined}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
