import { ActionIcon, Button, Checkbox, Group, Select, Table, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FIELD_TYPES, type FieldType, type TemplateField } from "../../../shared/domain/templates";

export interface DeclaredFieldsEditorProps {
  fields: readonly TemplateField[];
  onChange: (fields: TemplateField[]) => void;
  /** Message for a field's key or label, by `fields.N.key` / `fields.N.label` */
  errorAt: (path: string) => string | undefined;
}

/** The fields a template asks for before it renders: key, label, type, required. */
export function DeclaredFieldsEditor({ fields, onChange, errorAt }: DeclaredFieldsEditorProps) {
  const { t } = useTranslation();
  const patch = (index: number, change: Partial<TemplateField>) =>
    onChange(fields.map((f, i) => (i === index ? { ...f, ...change } : f)));
  const types = FIELD_TYPES.map((type) => ({ value: type, label: t(`templates.types.${type}`) }));

  return (
    <div>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t("templates.noFields")}
        </Text>
      ) : (
        <Table>
          <Table.Caption>{t("templates.fieldsCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("templates.fieldKey")}</Table.Th>
              <Table.Th>{t("templates.fieldLabel")}</Table.Th>
              <Table.Th>{t("templates.fieldType")}</Table.Th>
              <Table.Th>{t("templates.fieldRequired")}</Table.Th>
              <Table.Th>{t("settings.people.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((f, i) => {
              const n = i + 1;
              return (
                // Rows have no stable id while a key is being typed; the index is the identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Tr key={i}>
                  <Table.Td>
                    <TextInput
                      aria-label={t("templates.fieldKeyN", { number: n })}
                      value={f.key}
                      onChange={(e) => patch(i, { key: e.currentTarget.value })}
                      error={errorAt(`fields.${i}.key`)}
                      ff="monospace"
                      size="xs"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t("templates.fieldLabelN", { number: n })}
                      value={f.label}
                      onChange={(e) => patch(i, { label: e.currentTarget.value })}
                      error={errorAt(`fields.${i}.label`)}
                      size="xs"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t("templates.fieldTypeN", { number: n })}
                      data={types}
                      value={f.type}
                      onChange={(v) => patch(i, { type: (v as FieldType | null) ?? "text" })}
                      allowDeselect={false}
                      size="xs"
                      w={140}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={t("templates.fieldRequiredN", { number: n })}
                      checked={f.required}
                      onChange={(e) => patch(i, { required: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      onClick={() => onChange(fields.filter((_, j) => j !== i))}
                      aria-label={t("templates.removeField", { key: f.key || n })}
                    >
                      ✕
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button
          variant="light"
          size="compact-sm"
          onClick={() =>
            onChange([...fields, { key: "", label: "", type: "text", required: false }])
          }
        >
          {t("templates.addField")}
        </Button>
      </Group>
    </div>
  );
}
