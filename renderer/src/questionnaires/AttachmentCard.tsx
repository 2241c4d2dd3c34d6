import { Badge, Button, Group, List, Paper, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AttachmentDetail } from "../../../shared/domain/questionnaires";
import { useFacets } from "../app/use-facets";
import { useFormat } from "../i18n/use-format";
import { useAnswerText } from "./use-answer-text";

export interface AttachmentCardProps {
  /** The questionnaire handed to one party, with its answers */
  attachment: AttachmentDetail;
  /** Busy while its PDF is made */
  downloading: boolean;
  onDownload: () => void;
  onAnswer: (mode: "manual" | "correction") => void;
  onRemove: () => void;
}

/** One questionnaire handed to a party: its state, actions, answers and their history. */
export function AttachmentCard({
  attachment: a,
  downloading,
  onDownload,
  onAnswer,
  onRemove,
}: AttachmentCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();
  const text = useAnswerText();
  const answered = a.status === "answered";
  const heading = `${a.title} — ${a.party.name}`;
  const answerAction = answered
    ? "questionnaires.panel.correct"
    : "questionnaires.panel.enterAnswers";
  const kindOf = new Map(a.questions.map((q) => [q.id, q]));
  return (
    <Paper withBorder p="sm" component="article" aria-label={heading}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{heading}</Text>
              <Badge variant="light" tt="none" color={answered ? "teal" : "orange"}>
                {t(`questionnaires.panel.status.${a.status}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t("questionnaires.panel.version", { version: a.version })}
              {a.triggerStage
                ? ` · ${t("questionnaires.panel.fromStage", {
                    stage: format.stage(a.triggerStage, facets.stages),
                  })}`
                : ""}
              {` · ${format.timestamp(a.createdAt)}`}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              loading={downloading}
              onClick={onDownload}
              aria-label={`${t("questionnaires.panel.downloadPdf")} — ${heading}`}
            >
              {t("questionnaires.panel.downloadPdf")}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => onAnswer(answered ? "correction" : "manual")}
              aria-label={`${t(answerAction)} — ${heading}`}
            >
              {t(answerAction)}
            </Button>
            {!answered && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={onRemove}
                aria-label={`${t("questionnaires.panel.remove")} — ${heading}`}
              >
                {t("questionnaires.panel.remove")}
              </Button>
            )}
          </Group>
        </Group>
        {answered && (
          <Table
            withTableBorder
            aria-label={t("questionnaires.panel.answersOf", {
              title: a.title,
              party: a.party.name,
            })}
          >
            <Table.Tbody>
              {a.questions.map((q, i) => (
                <Table.Tr key={q.id}>
                  <Table.Th w="50%" fw={500}>
                    {`${i + 1}. ${q.text}`}
                  </Table.Th>
                  <Table.Td>
                    {text(q.kind, a.answers.find((x) => x.questionId === q.id)?.value ?? null)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {a.responses.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t("questionnaires.panel.history")}
            </Text>
            <List size="xs" spacing={2}>
              {a.responses.map((r) => (
                <List.Item key={r.id}>
                  {t("questionnaires.panel.responseLine", {
                    when: format.timestamp(r.at),
                    source: t(`questionnaires.panel.sources.${r.source}`),
                    who: r.respondentEmail
                      ? `${r.respondentName} <${r.respondentEmail}>`
                      : r.respondentName,
                    by: r.recordedBy,
                  })}
                  {r.source === "correction" &&
                    r.changes.map((c) => {
                      const q = kindOf.get(c.questionId);
                      return (
                        <Text key={c.questionId} size="xs" c="dimmed">
                          {t("questionnaires.panel.change", {
                            question: q?.text ?? c.questionId,
                            before: text(q?.kind ?? "text", c.before),
                            after: text(q?.kind ?? "text", c.after),
                          })}
                        </Text>
                      );
                    })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
