/**
 * The parameters of the workflow template a rule starts, asked with the inputs the contract's
 * start form uses, and kept as the text the portal takes: a list's value, Y/N for a flag,
 * `user_N` for a portal user, a number as digits.
 */
import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TemplateParameterView, WorkflowTemplateView } from "../../../shared/api/bizproc";
import { usePortalUsers } from "../bizproc/use-tasks";
import { type FormValue, ValueInput } from "../bizproc/ValueInput";

export interface TemplateParametersProps {
  template: WorkflowTemplateView;
  values: Record<string, string>;
  onChange: (key: string, value: string) => void;
  /** Mark the required ones left empty */
  showMissing: boolean;
}

export function TemplateParameters(props: TemplateParametersProps) {
  const { template, values, onChange } = props;
  const { t } = useTranslation();
  const users = usePortalUsers();
  if (template.parameters.length === 0) return null;
  return (
    <Stack gap="xs" role="group" aria-label={t("triggers.parametersOf", { name: template.name })}>
      {template.parameters.map((p) => (
        <ValueInput
          key={p.key}
          type={p.type}
          label={p.name}
          description={p.description || undefined}
          required={p.required}
          options={p.options}
          users={users}
          value={fromText(p, values[p.key] ?? "")}
          onChange={(value) => onChange(p.key, toText(value))}
          error={props.showMissing && missing(p, values) ? t("triggers.parameterRequired") : null}
        />
      ))}
    </Stack>
  );
}

/** A required parameter left empty (a flag is never empty). */
export function missing(p: TemplateParameterView, values: Record<string, string>): boolean {
  return p.required && p.type !== "bool" && (values[p.key] ?? "").trim() === "";
}

function fromText(p: TemplateParameterView, text: string): FormValue {
  if (p.type === "bool") return text === "Y" || text === "1";
  if (p.type === "int" || p.type === "double") {
    return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : null;
  }
  return text;
}

function toText(value: FormValue): string {
  if (typeof value === "boolean") return value ? "Y" : "N";
  return value === null ? "" : String(value);
}
