import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractWorkflows, WorkflowTemplateView } from "../../../shared/api/bizproc";
import type { ApiResult } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { StartWorkflowModal } from "./StartWorkflowModal";
import { TaskCard } from "./TaskCard";
import { usePortalUsers, useTasks } from "./use-tasks";

export interface ContractWorkflowsPanelProps {
  /** The contract shown */
  contractId: number;
}

type Loaded = "off" | ContractWorkflows;

/** Workflows on a contract: those running with their state and tasks, and templates to start. */
export function ContractWorkflowsPanel({ contractId }: ContractWorkflowsPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const users = usePortalUsers();
  const tasks = useTasks(contractId);
  const [starting, setStarting] = useState<WorkflowTemplateView | null>(null);
  const load = useCallback(async (): Promise<ApiResult<Loaded>> => {
    const status = await pacta.sync.status({});
    if (!status.ok || !status.value.connection) return { ok: true, value: "off" };
    return pacta.bizproc.workflows({ contractId });
  }, [contractId]);
  const workflows = useLoad(load);
  const value = workflows.value;
  if (value === "off") return null;
  const refresh = () => {
    workflows.reload();
    tasks.reload();
  };
  // Tasks come from the local table, fresher than the portal's list read at load.
  const tasksOf = (workflowId: string) =>
    (tasks.value ?? []).filter((task) => task.workflowId === workflowId);
  const running = value?.running ?? [];
  const loose = (tasks.value ?? []).filter(
    (task) => !running.some((w) => w.id === task.workflowId),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="contract-workflows">
      <Title order={2} size="h4" mb="sm" id="contract-workflows">
        {t("bizproc.panelTitle")}
      </Title>
      {value === null && <Loader size="sm" aria-label={t("app.loading")} />}
      {value && !value.linked && <Text c="dimmed">{t("bizproc.panelNotLinked")}</Text>}
      {value?.linked && (
        <Stack gap="md">
          {value.notice && (
            <Alert color="gray">{t("bizproc.offlineNotice", { notice: value.notice })}</Alert>
          )}
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t("bizproc.running")}
            </Title>
            {running.length === 0 && loose.length === 0 && (
              <Text size="sm" c="dimmed">
                {t("bizproc.noneRunning")}
              </Text>
            )}
            {running.map((wf) => (
              <Stack key={wf.id} gap="xs" component="section" aria-label={wf.templateName}>
                <Text size="sm" fw={600}>
                  {wf.templateName} — {wf.state ?? t("bizproc.unknownState")}
                  {wf.startedAt
                    ? ` (${t("bizproc.startedOn", { date: format.timestamp(wf.startedAt) })})`
                    : ""}
                </Text>
                {tasksOf(wf.id).map((task) => (
                  <TaskCard
                    key={task.id}
                    task={task}
                    users={users}
                    showContract={false}
                    level={4}
                    onChange={refresh}
                  />
                ))}
              </Stack>
            ))}
            {loose.map((task) => (
              <TaskCard
                key={task.id}
                task={task}
                users={users}
                showContract={false}
                level={4}
                onChange={refresh}
              />
            ))}
          </Stack>
          {value.live && (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t("bizproc.templates")}
              </Title>
              {value.templates.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t("bizproc.noTemplates")}
                </Text>
              )}
              {value.templates.map((tpl) => (
                <Group key={tpl.id} justify="space-between">
                  <Text size="sm">{tpl.name}</Text>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setStarting(tpl)}
                    aria-label={t("bizproc.startTitle", { name: tpl.name })}
                  >
                    {t("bizproc.start")}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      <StartWorkflowModal
        contractId={contractId}
        template={starting}
        users={users}
        onClose={() => setStarting(null)}
        onStarted={refresh}
      />
    </Paper>
  );
}
