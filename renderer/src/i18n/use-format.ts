import { useMemo } from "react";
import type { StageDefinition } from "../../../shared/domain/stages";
import { DEFAULT_STAGES } from "../../../shared/domain/stages";
import {
  formatCalendarDate,
  formatCount,
  formatDecimal,
  formatDuration,
  formatPercent,
  formatTimestamp,
  formatValue,
} from "./format";
import type { Language } from "./i18n";
import { useLanguage } from "./use-language";

export interface Formatters {
  language: Language;
  date: (date: string | null) => string | null;
  timestamp: (iso: string) => string;
  value: (value: number | null, currency: string | null) => string | null;
  duration: (iso: string | null) => string | null;
  count: (count: number) => string;
  /** A number with at most `digits` decimals. */
  decimal: (n: number, digits: number) => string;
  /** A share from 0 to 1 as a percentage. */
  percent: (share: number) => string;
  /** The stage's name in the UI language; the key itself when the stage is unknown. */
  stage: (key: string, stages?: readonly StageDefinition[]) => string;
}

/** Formatters bound to the current UI language. */
export function useFormat(): Formatters {
  const language = useLanguage();
  return useMemo(
    () => ({
      language,
      date: (date) => formatCalendarDate(date, language),
      timestamp: (iso) => formatTimestamp(iso, language),
      value: (value, currency) => formatValue(value, currency, language),
      duration: (iso) => formatDuration(iso, language),
      count: (count) => formatCount(count, language),
      decimal: (n, digits) => formatDecimal(n, digits, language),
      percent: (share) => formatPercent(share, language),
      stage: (key, stages = DEFAULT_STAGES) =>
        stages.find((s) => s.key === key)?.names[language] ?? key,
    }),
    [language],
  );
}
