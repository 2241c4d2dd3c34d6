import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../../shared/api/contract";
import { paths } from "../app/routes";
import { ScrollRegion } from "../app/ScrollRegion";
import { useFormat } from "../i18n/use-format";
import { problemText } from "./problem-text";

export interface ReportStepProps {
  /** What the import did */
  report: ImportReport;
  /** Starts again with another file */
  onAnother: () => void;
}

const SHOWN_PROBLEMS = 500;

/** Step 4: counts, the problems with their row and column, and where to go next. */
export function ReportStep({ report, onAnother }: ReportStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const counts = [
    ["rows", report.rows],
    ["created", report.created],
    ["updated", report.updated],
    ["unchanged", report.unchanged],
    ["skipped", report.skipped],
    ["flagged", report.flagged],
  ] as const;
  const problems = report.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t("import.reportTitle")}
      </Title>
      {report.dryRun && <Alert color="blue">{t("import.reportDryRun")}</Alert>}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
        {counts.map(([key, count]) => (
          <Paper key={key} withBorder p="sm" data-testid={`report-${key}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t(`import.${key}`)}
            </Text>
            <Text size="xl" fw={700}>
              {format.count(count)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Group>
        {report.flagged > 0 && !report.dryRun && (
          <Button component="a" href={paths.needsReview}>
            {t("import.showNeedsReview")}
          </Button>
        )}
        <Button component="a" href={paths.register} variant="light">
          {t("import.showRegister")}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t("import.another")}
        </Button>
      </Group>
      <Title order={3} size="h4">
        {t("import.problemsTitle")}
      </Title>
      {problems.length === 0 ? (
        <Text size="sm">{t("import.noProblems")}</Text>
      ) : (
        <ScrollRegion label={t("import.problemsTitle")} maxHeight={480}>
          <Table stickyHeader striped miw={700}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t("import.problemRow")}</Table.Th>
                <Table.Th w={260}>{t("import.problemColumn")}</Table.Th>
                <Table.Th>{t("import.problemMessage")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((p, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a report never reorders.
                <Table.Tr key={index}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{p.column ?? t("app.none")}</Table.Td>
                  <Table.Td>{problemText(p.message, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
      {report.problems.length > SHOWN_PROBLEMS && (
        <Text size="sm" c="dimmed">
          {t("import.problemsMore", {
            count: report.problems.length - SHOWN_PROBLEMS,
          })}
        </Text>
      )}
    </Stack>
  );
}
