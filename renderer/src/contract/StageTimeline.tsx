import { List, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Timeline } from "../../../shared/api/lifecycle";
import type { StageDefinition } from "../../../shared/domain/stages";
import { useFormat } from "../i18n/use-format";

export interface StageTimelineProps {
  /** The contract's stages: passed, current, to come */
  timeline: Timeline;
  /** The pipeline's stages, for their names */
  stages: readonly StageDefinition[];
}

/** Where a contract stands in the pipeline, with dates, days spent and lateness. */
export function StageTimeline({ timeline, stages }: StageTimelineProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const day = (iso: string) => format.date(iso.slice(0, 10)) ?? iso;
  const { current } = timeline;
  return (
    <Stack gap="sm">
      {timeline.passed.length > 0 && (
        <div>
          <Title order={3} size="h6">
            {t("lifecycle.passed")}
          </Title>
          <List size="sm" aria-label={t("lifecycle.passed")}>
            {timeline.passed.map((p) => (
              <List.Item key={`${p.stage}-${p.enteredAt}`}>
                <Text span fw={600} size="sm">
                  {format.stage(p.stage, stages)}
                </Text>{" "}
                <Text span size="sm" c="dimmed">
                  {t("lifecycle.passedItem", {
                    from: day(p.enteredAt),
                    to: day(p.leftAt),
                    count: p.days,
                  })}
                </Text>
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <div data-testid="current-stage">
        <Title order={3} size="h6">
          {t("lifecycle.current")}
        </Title>
        <Text fw={700}>{format.stage(current.stage, stages)}</Text>
        <Text size="sm">
          {t("lifecycle.enteredOn", { date: day(current.enteredAt), count: current.days })}
        </Text>
        <Text size="sm" c={current.late ? "red.8" : undefined} fw={current.late ? 700 : undefined}>
          {current.dueDate
            ? t("lifecycle.dueOn", { date: format.date(current.dueDate) })
            : t("lifecycle.noDue")}
          {current.late && ` — ${t("lifecycle.late", { count: current.daysLate })}`}
        </Text>
        <Text size="sm">
          {current.responsible
            ? t("lifecycle.responsible", { name: current.responsible.name })
            : t("lifecycle.nobody")}
        </Text>
      </div>
      <div>
        <Title order={3} size="h6">
          {t("lifecycle.upcoming")}
        </Title>
        {timeline.upcoming.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("lifecycle.noUpcoming")}
          </Text>
        ) : (
          <List size="sm" aria-label={t("lifecycle.upcoming")}>
            {timeline.upcoming.map((key) => (
              <List.Item key={key}>{format.stage(key, stages)}</List.Item>
            ))}
          </List>
        )}
      </div>
    </Stack>
  );
}
