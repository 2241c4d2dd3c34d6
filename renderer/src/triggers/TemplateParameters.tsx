/**
 * The parameters of the workflow template a rule starts, as text the portal takes: a list's
 * value, Y/N for a flag, `user_N` for a portal user. Required ones must be filled.
 */
import { Select, Stack, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TemplateParameterView, WorkflowTemplateView } from "../../../shared/api/bizproc";

export interface TemplateParametersProps {
  template: WorkflowTemplateView;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
}

export function TemplateParameters({ template, values, onChange }: TemplateParametersProps) {
  const { t } = useTranslation();
  if (template.parameters.length === 0) return null;
  return (
    <Stack gap="xs" role="group" aria-label={t("triggers.parametersOf", { name: template.name })}>
      {template.parameters.map((p) => (
        <ParameterInput
          key={p.key}
          parameter={p}
          value={values[p.key] ?? ""}
          onChange={(value) => onChange(p.key, value)}
        />
      ))}
    </Stack>
  );
}

interface ParameterInputProps {
  parameter: TemplateParameterView;
  value: string;
  onChange: (value: string) => void;
}

function ParameterInput({ parameter: p, value, onChange }: ParameterInputProps) {
  const { t } = useTranslation();
  const choices =
    p.type === "select"
      ? p.options
      : p.type === "bool"
        ? [
            { value: "Y", label: t("triggers.yes") },
            { value: "N", label: t("triggers.no") },
          ]
        : null;
  const hint = p.type === "user" ? t("triggers.userParameterHint") : null;
  const description = [p.description, hint].filter((x) => x).join(" — ") || undefined;
  if (choices) {
    return (
      <Select
        label={p.name}
        description={description}
        required={p.required}
        data={choices}
        value={value === "" ? null : value}
        onChange={(v) => onChange(v ?? "")}
        clearable={!p.required}
      />
    );
  }
  return (
    <TextInput
      label={p.name}
      description={description}
      required={p.required}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}
