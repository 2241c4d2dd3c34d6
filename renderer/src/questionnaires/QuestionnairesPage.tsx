import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type {
  Questionnaire,
  QuestionnaireSummary,
  StageTrigger,
} from "../../../shared/domain/questionnaires";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { notifySuccess } from "../app/use-api-error";
import { useFacets } from "../app/use-facets";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { QuestionnaireEditorModal } from "./QuestionnaireEditorModal";

/** The questionnaires: list, define, edit, archive; each links to its results. */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const load = useCallback(
    () => pacta.questionnaires.list({ includeArchived: showArchived }),
    [showArchived],
  );
  const list = useLoad(load);
  const [editing, setEditing] = useState<Questionnaire | "new" | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const edit = async (id: number) => {
    const r = await pacta.questionnaires.get({ id });
    if (!r.ok) return setError(r.error);
    setError(null);
    setEditing(r.value);
  };

  const archive = async (q: QuestionnaireSummary) => {
    const r = await pacta.questionnaires.archive({ id: q.id, archived: !q.archived });
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(t(q.archived ? "questionnaires.unarchive" : "questionnaires.archive"));
    list.reload();
  };

  const rows = list.value ?? [];
  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t("questionnaires.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("questionnaires.intro")}
          </Text>
        </Stack>
        <Group>
          <Switch
            label={t("questionnaires.showArchived")}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          <Button onClick={() => setEditing("new")}>{t("questionnaires.new")}</Button>
        </Group>
      </Group>
      {list.error && <ApiErrorAlert error={list.error} onRetry={list.reload} />}
      {error && <ApiErrorAlert error={error} />}
      {!list.value && !list.error && <Loader aria-label={t("app.loading")} />}
      {list.value && rows.length === 0 && (
        <EmptyState align="left">
          <EmptyState.Title order={2}>{t("questionnaires.emptyTitle")}</EmptyState.Title>
          <EmptyState.Description>{t("questionnaires.emptyText")}</EmptyState.Description>
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={700}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("questionnaires.columns.title")}</Table.Th>
                  <Table.Th>{t("questionnaires.columns.version")}</Table.Th>
                  <Table.Th>{t("questionnaires.columns.questions")}</Table.Th>
                  <Table.Th>{t("questionnaires.columns.trigger")}</Table.Th>
                  <Table.Th>{t("questionnaires.columns.answered")}</Table.Th>
                  <Table.Th>{t("questionnaires.columns.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>
                      <Anchor href={paths.questionnaire(q.id)}>{q.title}</Anchor>{" "}
                      {q.archived && (
                        <Badge color="gray" size="sm" tt="none">
                          {t("questionnaires.archivedBadge")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t("questionnaires.panel.version", { version: q.version })}</Table.Td>
                    <Table.Td>{q.questionCount}</Table.Td>
                    <Table.Td>
                      <TriggerText trigger={q.trigger} />
                    </Table.Td>
                    <Table.Td>
                      {t("questionnaires.answeredOf", {
                        answered: q.answered,
                        attachments: q.attachments,
                      })}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => void edit(q.id)}
                          aria-label={`${t("questionnaires.edit")} — ${q.title}`}
                        >
                          {t("questionnaires.edit")}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          component="a"
                          href={paths.questionnaire(q.id)}
                          aria-label={`${t("questionnaires.results")} — ${q.title}`}
                        >
                          {t("questionnaires.results")}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          onClick={() => void archive(q)}
                          aria-label={`${t(archiveKey(q))} — ${q.title}`}
                        >
                          {t(archiveKey(q))}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <QuestionnaireEditorModal
        opened={editing !== null}
        questionnaire={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(q, created) => {
          setEditing(null);
          notifySuccess(
            created
              ? t("questionnaires.created")
              : t("questionnaires.saved", { version: q.version }),
          );
          list.reload();
        }}
      />
    </Stack>
  );
}

function archiveKey(q: QuestionnaireSummary) {
  return q.archived ? "questionnaires.unarchive" : "questionnaires.archive";
}

export interface TriggerTextProps {
  /** The questionnaire's stage trigger, if any */
  trigger: StageTrigger | null;
}

/** "At stage “Signature” (role: client)", or "By hand". */
export function TriggerText({ trigger }: TriggerTextProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();
  if (!trigger) return <>{t("questionnaires.noTrigger")}</>;
  const text = t("questionnaires.triggerText", {
    stage: format.stage(trigger.stage, facets.stages),
  });
  return (
    <>
      {trigger.partyRole
        ? t("questionnaires.triggerRole", { text, role: trigger.partyRole })
        : text}
    </>
  );
}
