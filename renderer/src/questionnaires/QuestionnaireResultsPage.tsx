import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";
import {
  Anchor,
  Button,
  Group,
  Loader,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { QuestionResult } from "../../../shared/domain/questionnaires";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { downloadFile, MEDIA_TYPES } from "../app/download";
import { paths } from "../app/routes";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { useAnswerText } from "./use-answer-text";

export interface QuestionnaireResultsPageProps {
  /** The questionnaire whose answers are shown */
  id: number;
}

/** A questionnaire's answers taken together: a chart and a table per question, CSV export. */
export function QuestionnaireResultsPage({ id }: QuestionnaireResultsPageProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  const load = useCallback(() => pacta.questionnaires.results({ id }), [id]);
  const results = useLoad(load);
  const r = results.value;

  const exportCsv = async (kind: "answers" | "summary", separator: "," | ";") => {
    const x = await pacta.questionnaires.exportCsv({ id, kind, separator });
    if (!x.ok) return showError(x.error);
    downloadFile(x.value.fileName, x.value.content, MEDIA_TYPES.csv);
    notifySuccess(t("questionnaires.resultsPage.exported"));
  };

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor href={paths.questionnaires}>← {t("questionnaires.backToList")}</Anchor>
      {results.error && <ApiErrorAlert error={results.error} onRetry={results.reload} />}
      {!r && !results.error && <Loader aria-label={t("app.loading")} />}
      {r && (
        <>
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={1} size="h2">
                {t("questionnaires.resultsPage.title", { title: r.title })}
              </Title>
              <Text c="dimmed" size="sm">
                {t("questionnaires.resultsPage.summary", {
                  answered: r.answered,
                  attachments: r.attachments,
                  version: r.version,
                })}
              </Text>
            </Stack>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="light">{t("questionnaires.resultsPage.export")}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void exportCsv("answers", ",")}>
                  {t("questionnaires.resultsPage.exportAnswers")}
                </Menu.Item>
                <Menu.Item onClick={() => void exportCsv("answers", ";")}>
                  {t("questionnaires.resultsPage.exportAnswersSemicolon")}
                </Menu.Item>
                <Menu.Item onClick={() => void exportCsv("summary", ",")}>
                  {t("questionnaires.resultsPage.exportSummary")}
                </Menu.Item>
                <Menu.Item onClick={() => void exportCsv("summary", ";")}>
                  {t("questionnaires.resultsPage.exportSummarySemicolon")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
          {r.answered === 0 && <Text c="dimmed">{t("questionnaires.resultsPage.noAnswers")}</Text>}
          {r.questions.map((q, i) => (
            <QuestionResultCard key={q.questionId} result={q} number={i + 1} />
          ))}
        </>
      )}
    </Stack>
  );
}

interface QuestionResultCardProps {
  /** One question's figures */
  result: QuestionResult;
  /** Its number in the questionnaire */
  number: number;
}

function QuestionResultCard({ result, number }: QuestionResultCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useAnswerText();
  const label = (option: string) => text(result.kind, option);
  const data = result.counts.map((c) => ({ option: label(c.option), count: c.count }));
  const heading = `${number}. ${result.text}`;
  return (
    <Paper withBorder p="md" component="section" aria-label={heading}>
      <Title order={2} size="h4">
        {heading}
      </Title>
      <Group gap="md" mb="sm">
        <Text size="sm" c="dimmed">
          {t("questionnaires.resultsPage.answeredCount", { count: result.answered })}
        </Text>
        {result.average !== null && (
          <Text size="sm" fw={600}>
            {t("questionnaires.resultsPage.average", {
              value: format.decimal(result.average, 2),
            })}
          </Text>
        )}
      </Group>
      {data.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <figure
            style={{ margin: 0 }}
            aria-label={t("questionnaires.resultsPage.chartLabel", { question: result.text })}
          >
            <BarChart
              h={200}
              data={data}
              dataKey="option"
              series={[
                { name: "count", label: t("questionnaires.resultsPage.count"), color: "indigo.6" },
              ]}
              tickLine="y"
              yAxisProps={{ allowDecimals: false }}
            />
          </figure>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("questionnaires.resultsPage.option")}</Table.Th>
                <Table.Th>{t("questionnaires.resultsPage.count")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((d) => (
                <Table.Tr key={d.option}>
                  <Table.Td>{d.option}</Table.Td>
                  <Table.Td>{d.count}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          {t("questionnaires.resultsPage.freeText")}
        </Text>
      )}
    </Paper>
  );
}
