import { Select } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ImportMapping } from "../../../shared/domain/import-mapping";
import { currencyOptions } from "../contract/currencies";
import { localeOf } from "../i18n/format";
import { useLanguage } from "../i18n/use-language";

export interface DefaultCurrencySelectProps {
  /** The mapping as set now */
  mapping: ImportMapping;
  /** Called with the changed mapping */
  onChange: (mapping: ImportMapping) => void;
}

/** The option that sets no default currency (a Select value cannot be empty). */
const NONE = "none";

/** The currency of amounts the file gives without one (`defaults.currency`). */
export function DefaultCurrencySelect({ mapping, onChange }: DefaultCurrencySelectProps) {
  const { t } = useTranslation();
  const locale = localeOf(useLanguage());
  const data = useMemo(
    () => [
      { value: NONE, label: t("import.defaultCurrencyNone") },
      ...currencyOptions(locale, ["EUR", "USD", "GBP", "CHF"]),
    ],
    [locale, t],
  );
  return (
    <Select
      label={t("import.defaultCurrency")}
      description={t("import.defaultCurrencyHelp")}
      data={data}
      value={mapping.defaults.currency ?? NONE}
      onChange={(value) => {
        const currency = value === null || value === NONE ? undefined : value;
        onChange({ ...mapping, defaults: { ...mapping.defaults, currency } });
      }}
      searchable
      limit={400}
      allowDeselect={false}
      w={300}
    />
  );
}
