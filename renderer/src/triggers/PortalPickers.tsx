/**
 * The portal stage and the workflow template of a trigger rule, picked from the portal's lists
 * (the stages of the sync target's pipeline, the templates of its items). While those lists
 * cannot be read (no portal, portal away, refused), the id is typed instead, so a rule can be
 * written offline; a stored id missing from the list is still shown and kept.
 *
 * TODO(triggers): with the template typed (its list unread), its parameters cannot be seen
 * or changed and its required ones are not checked; the rule keeps the ones it had.
 */
import { Alert, Button, Select, Stack, Text, TextInput } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { WorkflowTemplateView } from "../../../shared/api/bizproc";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { useLoad } from "../settings/use-load";
import { TemplateParameters } from "./TemplateParameters";

const loadSchema = () => pacta.sync.portalSchema({});
const loadTemplates = () => pacta.bizproc.templates({});

interface PickerProps {
  value: string;
  onChange: (value: string) => void;
}

/** The stage of the sync target's pipeline; stores its STATUS_ID. */
export function StagePicker({ value, onChange }: PickerProps) {
  const { t } = useTranslation();
  const schema = useLoad(loadSchema);
  const stages = schema.value?.stages ?? null;
  return (
    <PortalPicker
      label={t("triggers.stage")}
      typedLabel={t("triggers.stageId")}
      missing={t("triggers.stagesMissing")}
      empty={t("triggers.noStages")}
      options={stages?.map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })) ?? null}
      error={schema.error}
      onRetry={schema.reload}
      value={value}
      onChange={onChange}
    />
  );
}

export interface TemplateActionProps {
  templateId: string;
  parameters: Record<string, string>;
  onChange: (patch: { templateId?: string; parameters?: Record<string, string> }) => void;
  /** Mark the required parameters left empty */
  showMissing: boolean;
  /** Told the template's parameters once it is known (the form checks the required ones) */
  onTemplate: (template: WorkflowTemplateView | null) => void;
}

/** A workflow template for the sync target's items (its number is stored), and its parameters. */
export function TemplateAction(props: TemplateActionProps) {
  const { templateId, parameters, onChange, onTemplate } = props;
  const { t } = useTranslation();
  const list = useLoad(loadTemplates);
  const templates = list.value;
  const chosen = templates?.find((x) => String(x.id) === templateId) ?? null;
  useEffect(() => onTemplate(chosen), [chosen, onTemplate]);
  const pick = (id: string) => {
    const next = templates?.find((x) => String(x.id) === id);
    const defaults = Object.fromEntries(
      (next?.parameters ?? []).flatMap((p) => (p.default === null ? [] : [[p.key, p.default]])),
    );
    onChange({ templateId: id, parameters: defaults });
  };
  return (
    <Stack gap="xs">
      <PortalPicker
        label={t("triggers.template")}
        typedLabel={t("triggers.templateId")}
        numeric
        missing={t("triggers.templatesMissing")}
        empty={t("triggers.noTemplates")}
        options={templates?.map((x) => ({ value: String(x.id), label: `${x.name} (${x.id})` }))}
        error={list.error}
        onRetry={list.reload}
        value={templateId}
        onChange={pick}
      />
      {chosen && (
        <TemplateParameters
          template={chosen}
          values={parameters}
          showMissing={props.showMissing}
          onChange={(key, value) => onChange({ parameters: { ...parameters, [key]: value } })}
        />
      )}
    </Stack>
  );
}

interface PortalPickerProps extends PickerProps {
  /** The picker's label */
  label: string;
  /** The label of the typed id, while the list cannot be read */
  typedLabel: string;
  /** What to do without the list */
  missing: string;
  /** Said when the portal's list is empty */
  empty: string;
  numeric?: boolean;
  /** null while loading */
  options: { value: string; label: string }[] | null | undefined;
  error: ApiError | null;
  onRetry: () => void;
}

function PortalPicker(props: PortalPickerProps) {
  const { t } = useTranslation();
  const { value, onChange, options, error } = props;
  if (error || options?.length === 0) {
    return (
      <Stack gap={4}>
        {error ? (
          <ListNotice lead={props.missing} error={error} onRetry={props.onRetry} />
        ) : (
          <Text size="sm">{props.empty}</Text>
        )}
        <TextInput
          label={props.typedLabel}
          required
          inputMode={props.numeric ? "numeric" : undefined}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      </Stack>
    );
  }
  const data = [...(options ?? [])];
  if (value !== "" && options && !options.some((o) => o.value === value)) {
    data.push({ value, label: t("triggers.notOnPortal", { id: value }) });
  }
  return (
    <Select
      label={props.label}
      required
      disabled={!options}
      placeholder={options ? t("triggers.choose") : t("triggers.loadingPortal")}
      data={data}
      value={value === "" ? null : value}
      onChange={(v) => onChange(v ?? "")}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t("triggers.nothingFound")}
    />
  );
}

function ListNotice({
  lead,
  error,
  onRetry,
}: {
  lead: string;
  error: ApiError;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const why = (REASONS as readonly string[]).includes(error.reason)
    ? t(`triggers.listReasons.${error.reason as (typeof REASONS)[number]}`)
    : t(`errors.${error.reason}`);
  return (
    <Alert color="yellow" p="xs">
      <Stack gap={4} align="flex-start">
        <Text size="sm">
          {why} {lead}
        </Text>
        {error.detail && (
          <Text size="sm" c="dimmed" lang="en">
            {error.detail}
          </Text>
        )}
        <Button size="compact-sm" variant="light" onClick={onRetry}>
          {t("app.retry")}
        </Button>
      </Stack>
    </Alert>
  );
}

const REASONS = ["not_connected", "portal_unreachable", "portal_refused"] as const;
