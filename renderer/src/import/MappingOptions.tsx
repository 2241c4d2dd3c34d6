import { Checkbox, Group, Select, Stack, TagsInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DATE_FORMATS, type DateFormat } from "../../../shared/domain/calendar-date";
import type { ImportMapping } from "../../../shared/domain/import-mapping";
import { DefaultCurrencySelect } from "./DefaultCurrencySelect";

export interface MappingOptionsProps {
  /** The mapping as set now */
  mapping: ImportMapping;
  /** Called with the changed mapping */
  onChange: (mapping: ImportMapping) => void;
  /** Offers the column separator (CSV files only) */
  csv: boolean;
}

const EXAMPLES: Record<DateFormat, string> = {
  "YYYY-MM-DD": "2025-12-31",
  "DD/MM/YYYY": "31/12/2025",
  "M/D/YYYY": "12/31/2025",
};

type Delimiter = ImportMapping["delimiter"];
const DELIMITERS: Delimiter[] = ["auto", ",", ";", "\t"];

/**
 * How the file writes dates, separates columns, says "renewal" and
 * "evergreen", and which currency its bare amounts are in.
 */
export function MappingOptions({ mapping, onChange, csv }: MappingOptionsProps) {
  const { t } = useTranslation();
  const delimiterLabels: Record<Delimiter, string> = {
    auto: t("import.delimiterAuto"),
    ",": t("import.delimiterComma"),
    ";": t("import.delimiterSemicolon"),
    "\t": t("import.delimiterTab"),
  };
  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="md" wrap="wrap">
        <Select
          label={t("import.dateFormat")}
          data={DATE_FORMATS.map((f) => ({ value: f, label: `${f} (${EXAMPLES[f]})` }))}
          value={mapping.dateFormat}
          onChange={(value) => {
            const format = DATE_FORMATS.find((f) => f === value);
            if (format) onChange({ ...mapping, dateFormat: format });
          }}
          allowDeselect={false}
          w={240}
        />
        {csv && (
          <Select
            label={t("import.delimiter")}
            data={DELIMITERS.map((d) => ({ value: d, label: delimiterLabels[d] }))}
            value={mapping.delimiter}
            onChange={(value) => {
              const delimiter = DELIMITERS.find((d) => d === value);
              if (delimiter) onChange({ ...mapping, delimiter });
            }}
            allowDeselect={false}
            w={240}
          />
        )}
        <DefaultCurrencySelect mapping={mapping} onChange={onChange} />
        <TagsInput
          label={t("import.evergreenWords")}
          placeholder={t("import.evergreenPlaceholder")}
          value={mapping.evergreenWords}
          onChange={(evergreenWords) => onChange({ ...mapping, evergreenWords })}
          w={360}
        />
      </Group>
      <Checkbox
        label={t("import.termImpliesAutomatic")}
        checked={mapping.renewalTermImplies === "automatic"}
        onChange={(event) =>
          onChange({
            ...mapping,
            renewalTermImplies: event.currentTarget.checked ? "automatic" : null,
          })
        }
      />
    </Stack>
  );
}
