import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PortalUserOption, WorkflowTaskView } from "../../../shared/api/bizproc";
import { pacta } from "../api/client";
import { paths } from "../app/routes";
import { useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { AnswerForm } from "./AnswerForm";
import { PortalLink } from "./PortalLink";

export interface TaskCardProps {
  /** The task */
  task: WorkflowTaskView;
  /** The portal's users, for user fields */
  users: PortalUserOption[];
  /** Show which contract it belongs to (the inbox does; the contract page need not) */
  showContract: boolean;
  /** Heading level of the task's name */
  level: 2 | 3 | 4;
  /** Called after an answer or a dismissal */
  onChange: () => void;
}

const STATE_COLORS = { pending: "orange", sent: "teal", dropped: "red", failed: "red" } as const;

/** One workflow task: what it asks, its state, and the answer form or the portal's link. */
export function TaskCard({ task, users, showContract, level, onChange }: TaskCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const answer = task.answer;
  const canAnswer = task.answerable && task.open && (answer === null || answer.state === "failed");
  const dismiss = async () => {
    const r = await pacta.bizproc.dismiss({ id: task.id });
    if (!r.ok) showError(r.error);
    onChange();
  };
  const headingId = `task-${task.id}-name`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={level} size="h5" id={headingId}>
              {task.name}
            </Title>
            {showContract && (
              <Text size="sm">
                {t("bizproc.contractLabel")}{" "}
                <Anchor href={paths.contract(task.contractId)}>{task.contractTitle}</Anchor>
              </Text>
            )}
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Badge variant="light" tt="none">
              {t(`bizproc.types.${task.type}`)}
            </Badge>
            {answer && (
              <Badge color={STATE_COLORS[answer.state]} variant="light" tt="none">
                {t(`bizproc.answerStates.${answer.state}`)}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t("bizproc.since", { date: format.timestamp(task.createdAt) })}
          {task.templateName ? ` · ${t("bizproc.workflow", { name: task.templateName })}` : ""}
          {task.workflowState ? ` · ${t("bizproc.state", { state: task.workflowState })}` : ""}
        </Text>
        {task.description && <Text size="sm">{task.description}</Text>}
        {answer?.state === "pending" && <Text size="sm">{t("bizproc.pendingHint")}</Text>}
        {answer?.state === "dropped" && (
          <Alert color="red" title={t("bizproc.answerStates.dropped")}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t("bizproc.droppedText")}</Text>
              <Button size="xs" variant="default" onClick={() => void dismiss()}>
                {t("bizproc.dismiss")}
              </Button>
            </Stack>
          </Alert>
        )}
        {answer?.state === "failed" && (
          <Alert color="red" title={t("bizproc.answeredFailed")}>
            <Text size="sm">{answer.message}</Text>
          </Alert>
        )}
        {!task.answerable && <Text size="sm">{t("bizproc.notAnswerable")}</Text>}
        <PortalLink href={task.portalUrl} />
        {canAnswer && <AnswerForm task={task} users={users} onAnswered={onChange} />}
      </Stack>
    </Paper>
  );
}
