import { TextInput } from "@mantine/core";
import type { FocusEventHandler, ReactNode } from "react";
import { parseMajorAmount } from "../../../shared/domain/money";
import { localeOf } from "../i18n/format";
import { useFormat } from "../i18n/use-format";
import { showAmount } from "./amount-text";

export interface AmountInputProps {
  /** Visible label */
  label: string;
  /** The amount as typed (`1 500,50`) */
  value: string;
  /** Called with the text as typed, and with it tidied on leaving the field */
  onChange: (value: string) => void;
  /** The currency the amount is in (sets the decimals) */
  currency: string;
  /** Validation message */
  error?: ReactNode;
  /** Passed on from the form, to mark the field touched */
  onFocus?: FocusEventHandler<HTMLInputElement>;
  /** Passed on from the form, after the text has been tidied */
  onBlur?: FocusEventHandler<HTMLInputElement>;
}

/** An amount typed as people write it; shown with the language's separators once left. */
export function AmountInput(props: AmountInputProps) {
  const { label, value, onChange, currency, error, onFocus, onBlur } = props;
  const format = useFormat();
  return (
    <TextInput
      label={label}
      value={value}
      inputMode="decimal"
      onChange={(event) => onChange(event.currentTarget.value)}
      onFocus={onFocus}
      onBlur={(event) => {
        const minor = parseMajorAmount(value, currency);
        if (minor !== null) onChange(showAmount(minor, currency, localeOf(format.language)));
        onBlur?.(event);
      }}
      error={error}
    />
  );
}
