import { List, Text } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../shared/domain/contract";
import { explainKeyDates } from "../../../shared/domain/explain-dates";
import { computeKeyDates, type KeyDatesInput } from "../../../shared/domain/key-dates";
import { useLanguage } from "../i18n/use-language";
import { localToday } from "./local-today";

export interface KeyDatesListProps {
  /** The contract whose dates are explained */
  contract: Contract;
  /** Move deadlines off weekends and public holidays (the contract's effective option) */
  workingDays?: boolean;
}

/** One sentence per computed key date, in the UI language. */
export function KeyDatesList({ contract, workingDays = false }: KeyDatesListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const sentences = useMemo(() => {
    const input: KeyDatesInput = {
      endDate: contract.endDate,
      renewal: contract.renewal,
      effectiveDate: contract.effectiveDate,
    };
    return explainKeyDates(input, computeKeyDates(input, localToday(), { workingDays }), language);
  }, [contract.endDate, contract.renewal, contract.effectiveDate, language, workingDays]);

  if (sentences.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("keyDates.none")}
      </Text>
    );
  }
  return (
    <List size="sm" aria-label={t("keyDates.title")}>
      {sentences.map((s) => (
        <List.Item key={s.field}>{s.text}</List.Item>
      ))}
    </List>
  );
}
