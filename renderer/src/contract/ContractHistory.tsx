import { List, Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { HistoryEntry } from "../../../shared/domain/contract";
import { useFormat } from "../i18n/use-format";
import { useChangeValue } from "./use-change-value";
import { useFieldLabel } from "./use-field-label";

export interface ContractHistoryProps {
  /** The contract's history, oldest first or newest first as main sends it */
  history: readonly HistoryEntry[];
  /** The contract's currency, to show value changes */
  currency: string | null;
}

const LONG_TEXT = 160;

function clip(text: string): string {
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT)}…` : text;
}

/** Who changed what and when, with each field's value before → after. */
export function ContractHistory({ history, currency }: ContractHistoryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldLabel = useFieldLabel();
  const changeValue = useChangeValue();
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("contract.noHistory")}
      </Text>
    );
  }
  const newestFirst = [...history].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline bulletSize={14} lineWidth={2} active={newestFirst.length}>
      {newestFirst.map((entry) => {
        const changes = Object.entries(entry.changes);
        return (
          <Timeline.Item key={entry.id} title={t(`actions.${entry.action}`)}>
            <Text size="xs" c="dimmed">
              {t("contract.historyBy", { when: format.timestamp(entry.at), who: entry.actor })}
            </Text>
            {changes.length === 0 ? (
              <Text size="sm">{t("contract.historyNoChange")}</Text>
            ) : (
              <List size="sm" spacing={2} mt={4}>
                {changes.map(([field, [before, after]]) => (
                  <List.Item key={field}>
                    <Text span fw={500} size="sm">
                      {fieldLabel(field)}
                    </Text>
                    {t("contract.fieldSeparator")}
                    {before !== null && before !== undefined && (
                      <>
                        <Text span size="sm" c="dimmed" td="line-through">
                          {clip(changeValue(field, before, currency))}
                        </Text>
                        {" → "}
                      </>
                    )}
                    <Text span size="sm">
                      {clip(changeValue(field, after, currency))}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
