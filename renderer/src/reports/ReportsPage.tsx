import { Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportFilters } from "../../../shared/domain/reports";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { usePipeline } from "../contract/use-pipeline";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { ReportExportMenu } from "./ReportExportMenu";
import { ReportFilterBar } from "./ReportFilterBar";
import { ReportSectionView } from "./ReportSectionView";
import { reportSections } from "./report-sections";

const isDate = (v: string | null | undefined) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The reports: filters, a section per figure (chart and table), exports. */
export function ReportsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { people, stages } = usePipeline();
  const [filters, setFilters] = useState<ReportFilters>({});
  const badPeriod = !!filters.from && !!filters.to && filters.to < filters.from;
  const usable = !badPeriod && isDate(filters.from) && isDate(filters.to);
  // Half-typed dates are not sent: the last usable filters stay on screen.
  const [applied, setApplied] = useState<ReportFilters>({});
  if (usable && JSON.stringify(applied) !== JSON.stringify(filters)) setApplied(filters);
  const load = useCallback(() => pacta.reports.figures({ filters: applied }), [applied]);
  const { value: report, error, reload } = useLoad(load);

  const sections = useMemo(() => {
    if (!report) return [];
    return reportSections(report, {
      t: (key, options) => String(t(key as never, options as never)),
      number: (n) => format.count(n),
      money: (n, currency) => format.value(n, currency) ?? "",
      stage: (key) =>
        format.stage(key, stages ?? report.stages.map((s) => ({ ...s, terminal: false }))),
    });
  }, [report, t, format, stages]);

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("reports.title")}
          </Title>
          {report && (
            <Text c="dimmed" size="sm">
              {t("reports.asOf", { date: format.date(report.today) })}
            </Text>
          )}
        </div>
        <ReportExportMenu filters={applied} disabled={!usable} />
      </Group>
      <ReportFilterBar
        filters={filters}
        onChange={setFilters}
        people={people}
        periodError={badPeriod ? t("reports.periodError") : null}
      />
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!report && !error && <Loader aria-label={t("app.loading")} />}
      {sections.map((section) => (
        <ReportSectionView key={section.id} section={section} />
      ))}
    </Stack>
  );
}
