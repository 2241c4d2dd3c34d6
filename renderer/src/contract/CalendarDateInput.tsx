import { ActionIcon, Popover, TextInput } from "@mantine/core";
import { DatePicker } from "@mantine/dates";
import { type FocusEventHandler, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { isCalendarDate } from "../../../shared/domain/calendar-date";
import { useLanguage } from "../i18n/use-language";
import { readDate, showDate } from "./date-text";

export interface CalendarDateInputProps {
  /** Visible label */
  label: string;
  /** `YYYY-MM-DD`, "" when empty, or the text as typed when it is no date */
  value: string;
  /** Called with `YYYY-MM-DD`, "" when cleared, or the typed text it could not read */
  onChange: (value: string) => void;
  /** Validation message */
  error?: ReactNode;
  /** Passed on from the form, to mark the field touched */
  onFocus?: FocusEventHandler<HTMLInputElement>;
  /** Passed on from the form, after the typed text has been read */
  onBlur?: FocusEventHandler<HTMLInputElement>;
}

/**
 * A calendar date (no time, no time zone): typed as DD/MM/YYYY or
 * YYYY-MM-DD, or picked from a calendar in the UI language. Text it cannot
 * read stays in the field for the form to flag; it is never dropped.
 */
export function CalendarDateInput(props: CalendarDateInputProps) {
  const { label, value, onChange, error, onFocus, onBlur } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<string | null>(null);
  const [opened, setOpened] = useState(false);

  const leave: FocusEventHandler<HTMLInputElement> = (event) => {
    if (draft !== null) {
      const text = draft.trim();
      onChange(text === "" ? "" : (readDate(text) ?? text));
      setDraft(null);
    }
    onBlur?.(event);
  };

  const ariaLabels = {
    nextMonth: t("dates.nextMonth"),
    previousMonth: t("dates.previousMonth"),
    nextYear: t("dates.nextYear"),
    previousYear: t("dates.previousYear"),
    nextDecade: t("dates.nextDecade"),
    previousDecade: t("dates.previousDecade"),
    monthLevelControl: t("dates.monthLevel"),
    yearLevelControl: t("dates.yearLevel"),
  };
  // The popover hangs on the button, so the text box keeps a plain textbox role.
  const calendar = (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t("dates.openCalendar", { field: label })}
          onClick={() => setOpened((o) => !o)}
        >
          <CalendarIcon />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <DatePicker
          value={isCalendarDate(value) ? value : null}
          defaultDate={isCalendarDate(value) ? value : undefined}
          onChange={(next) => {
            onChange(next ?? "");
            setDraft(null);
            setOpened(false);
          }}
          ariaLabels={ariaLabels}
        />
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <TextInput
      label={label}
      value={draft ?? showDate(value, language)}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onFocus={onFocus}
      onBlur={leave}
      placeholder={t("form.datePlaceholder")}
      error={error}
      rightSection={calendar}
    />
  );
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none">
      <rect x="2" y="3" width="12" height="11" rx="1.5" stroke="currentColor" strokeWidth="1.4" />
      <path d="M2 6.5h12M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
    </svg>
  );
}
