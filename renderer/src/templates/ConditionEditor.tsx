import { Group, Select, Switch, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SectionCondition } from "../../../shared/domain/templates";

export interface ConditionEditorProps {
  /** The section's condition, or null when it always shows */
  condition: SectionCondition | null;
  /** The fields a condition can test: key and label */
  fields: readonly { key: string; label: string }[];
  onChange: (condition: SectionCondition | null) => void;
  /** What to fix, if anything */
  error?: string;
}

type Op = SectionCondition["op"];

/** "Show this section only when FIELD is present / absent / equals VALUE". */
export function ConditionEditor({ condition, fields, onChange, error }: ConditionEditorProps) {
  const { t } = useTranslation();
  const data = fields.map((f) => ({ value: f.key, label: `${f.label} — ${f.key}` }));
  if (condition && !fields.some((f) => f.key === condition.field) && condition.field) {
    data.unshift({ value: condition.field, label: condition.field });
  }
  return (
    <div>
      <Switch
        label={t("templates.conditionSwitch")}
        checked={condition !== null}
        onChange={(e) =>
          onChange(e.currentTarget.checked ? { field: fields[0]?.key ?? "", op: "present" } : null)
        }
      />
      {condition && (
        <Group align="flex-start" gap="sm" mt="xs">
          <Select
            label={t("templates.conditionField")}
            data={data}
            value={condition.field || null}
            onChange={(v) => onChange({ ...condition, field: v ?? "" })}
            searchable
            w={300}
            error={error}
          />
          <Select
            label={t("templates.conditionOp")}
            data={(["present", "absent", "equals"] as const).map((op) => ({
              value: op,
              label: t(`templates.ops.${op}`),
            }))}
            value={condition.op}
            onChange={(v) => onChange({ ...condition, op: (v as Op | null) ?? "present" })}
            allowDeselect={false}
            w={180}
          />
          {condition.op === "equals" && (
            <TextInput
              label={t("templates.conditionValue")}
              value={condition.value ?? ""}
              onChange={(e) => onChange({ ...condition, value: e.currentTarget.value })}
              w={200}
            />
          )}
        </Group>
      )}
      {!condition && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("templates.alwaysShown")}
        </Text>
      )}
    </div>
  );
}
