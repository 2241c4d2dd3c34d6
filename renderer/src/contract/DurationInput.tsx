import { Group, NumberInput, Select, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/use-format";
import { DURATION_UNITS, type DurationUnit, type DurationValue } from "./form-values";

export interface DurationInputProps {
  /** Visible label of the number */
  label: string;
  /** Accessible name of the unit select, naming what it belongs to */
  unitLabel: string;
  /** The duration as edited */
  value: DurationValue;
  /** Called with the changed duration */
  onChange: (value: DurationValue) => void;
  /** A validation message for this duration */
  error?: ReactNode;
}

function isUnit(value: string | null): value is DurationUnit {
  return DURATION_UNITS.includes(value as DurationUnit);
}

/** A duration edited as a whole number and a unit (days, weeks, months, years). */
export function DurationInput({ label, unitLabel, value, onChange, error }: DurationInputProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <NumberInput
          label={label}
          value={value.amount}
          onChange={(amount) =>
            onChange({ ...value, amount: typeof amount === "number" ? amount : "" })
          }
          min={0}
          allowDecimal={false}
          allowNegative={false}
          error={error}
          w={210}
        />
        <Select
          label={t("form.unit")}
          aria-label={unitLabel}
          data={DURATION_UNITS.map((unit) => ({ value: unit, label: t(`units.${unit}`) }))}
          value={value.unit}
          onChange={(unit) => onChange({ ...value, unit: isUnit(unit) ? unit : value.unit })}
          allowDeselect={false}
          w={140}
        />
      </Group>
      {value.amount === "" && value.kept && (
        <Text size="xs" c="dimmed" mt={4}>
          {t("form.keptDuration", { value: format.duration(value.kept) })}
        </Text>
      )}
    </div>
  );
}
