import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionKind } from "../../../shared/domain/questionnaires";
import { useFormat } from "../i18n/use-format";
import { answerText } from "./answer-text";

/** An answer as the UI shows it; "—" when there is none. */
export function useAnswerText(): (kind: QuestionKind, value: string | null) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (kind, value) =>
      answerText(kind, value, {
        yes: t("questionnaires.values.yes"),
        no: t("questionnaires.values.no"),
        date: format.date,
      }) ?? t("questionnaires.panel.notAnswered"),
    [t, format],
  );
}
