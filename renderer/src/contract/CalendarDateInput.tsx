import { DateInput } from "@mantine/dates";
import type { FocusEventHandler, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isCalendarDate, parseCalendarDate } from "../../../shared/domain/calendar-date";

export interface CalendarDateInputProps {
  /** Visible label */
  label: string;
  /** The date as `YYYY-MM-DD`, or "" when empty */
  value: string;
  /** Called with `YYYY-MM-DD`, or "" when cleared */
  onChange: (value: string) => void;
  /** Validation message */
  error?: ReactNode;
  /** Passed on from the form, to mark the field touched */
  onFocus?: FocusEventHandler<HTMLInputElement>;
  /** Passed on from the form */
  onBlur?: FocusEventHandler<HTMLInputElement>;
}

/** Accepts `31/12/2026` as people write it, or `2026-12-31`. */
function readDate(text: string): string | null {
  const t = text.trim();
  return parseCalendarDate(t, "YYYY-MM-DD") ?? parseCalendarDate(t, "DD/MM/YYYY");
}

/** `2026-12-31` → `31/12/2026`, with no Date object and so no time zone in between. */
function showDate(date: string): string {
  if (!isCalendarDate(date)) return date;
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/**
 * A calendar date (no time, no time zone): typed as DD/MM/YYYY or
 * YYYY-MM-DD, or picked from a calendar in the UI language.
 */
export function CalendarDateInput({
  label,
  value,
  onChange,
  error,
  ...rest
}: CalendarDateInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      label={label}
      value={value === "" ? null : value}
      onChange={(next) => onChange(next ?? "")}
      valueFormat={showDate}
      dateParser={readDate}
      placeholder={t("form.datePlaceholder")}
      error={error}
      clearable
      clearButtonProps={{ "aria-label": t("app.clear") }}
      ariaLabels={{
        nextMonth: t("dates.nextMonth"),
        previousMonth: t("dates.previousMonth"),
        nextYear: t("dates.nextYear"),
        previousYear: t("dates.previousYear"),
        nextDecade: t("dates.nextDecade"),
        previousDecade: t("dates.previousDecade"),
        monthLevelControl: t("dates.monthLevel"),
        yearLevelControl: t("dates.yearLevel"),
      }}
      {...rest}
    />
  );
}
