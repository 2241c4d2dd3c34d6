import { Select } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogField } from "../../../shared/api/templates";
import type { TemplateField } from "../../../shared/domain/templates";
import { useLanguage } from "../i18n/use-language";

export interface FieldPickerProps {
  /** The template's own declared fields */
  declared: readonly TemplateField[];
  /** The fields every template can use */
  catalog: readonly CatalogField[];
  /** Called with the chosen field's key */
  onPick: (key: string) => void;
}

/** A searchable list of merge fields; picking one hands its key over, then clears. */
export function FieldPicker({ declared, catalog, onPick }: FieldPickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [value, setValue] = useState<string | null>(null);
  const data = useMemo(() => {
    const own = new Set(declared.map((f) => f.key));
    return [
      {
        group: t("templates.fieldGroupDeclared"),
        items: declared.map((f) => ({ value: f.key, label: `${f.label} — ${f.key}` })),
      },
      {
        group: t("templates.fieldGroupCatalog"),
        items: catalog
          .filter((f) => !own.has(f.key))
          .map((f) => ({ value: f.key, label: `${f.label[language]} — ${f.key}` })),
      },
    ].filter((g) => g.items.length > 0);
  }, [declared, catalog, language, t]);

  return (
    <Select
      aria-label={t("templates.insertField")}
      placeholder={t("templates.insertField")}
      data={data}
      value={value}
      searchable
      size="xs"
      w={260}
      nothingFoundMessage={t("templates.noFieldFound")}
      onChange={(key) => {
        if (!key) return;
        onPick(key);
        setValue(null);
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
