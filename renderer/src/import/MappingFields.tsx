import { Select, SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
} from "../../../shared/domain/import-mapping";
import { useFieldLabel } from "../contract/use-field-label";

export interface MappingFieldsProps {
  /** The file's column headers */
  headers: readonly string[];
  /** The mapping as set now */
  mapping: ImportMapping;
  /** Called with the changed mapping */
  onChange: (mapping: ImportMapping) => void;
}

/** For each contract field, a select of the file's columns. */
export function MappingFields({ headers, mapping, onChange }: MappingFieldsProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const options = [...new Set(headers)].filter((h) => h !== "");

  const setColumn = (field: ImportField, column: string | null) => {
    const columns = { ...mapping.columns };
    if (column) columns[field] = column;
    else delete columns[field];
    onChange({ ...mapping, columns });
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
      {IMPORT_FIELDS.map((field) => (
        <Select
          key={field}
          label={fieldLabel(field)}
          placeholder={t("import.notMapped")}
          data={options}
          value={mapping.columns[field] ?? null}
          onChange={(column) => setColumn(field, column)}
          clearable
          searchable
          nothingFoundMessage={t("app.none")}
          withAsterisk={field === "title"}
          error={
            field === "title" && !mapping.columns.title ? t("import.titleRequired") : undefined
          }
        />
      ))}
    </SimpleGrid>
  );
}
