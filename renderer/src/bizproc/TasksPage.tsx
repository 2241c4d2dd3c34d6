import { Alert, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useSyncStatus } from "../sync/use-sync-status";
import { TaskCard } from "./TaskCard";
import { usePortalUsers, useTasks } from "./use-tasks";

/** The inbox: the user's Bitrix24 workflow tasks on linked contracts. */
export function TasksPage() {
  const { t } = useTranslation();
  const tasks = useTasks();
  const users = usePortalUsers();
  const { status } = useSyncStatus();
  return (
    <Stack gap="lg" maw={1000}>
      <Title order={1} size="h2">
        {t("bizproc.inboxTitle")}
      </Title>
      <Text>{t("bizproc.inboxIntro")}</Text>
      {status && !status.connection && <Alert color="gray">{t("bizproc.notConnected")}</Alert>}
      {tasks.error && <ApiErrorAlert error={tasks.error} onRetry={tasks.reload} />}
      {!tasks.value && !tasks.error && <Loader aria-label={t("app.loading")} />}
      {tasks.value?.length === 0 && status?.connection && (
        <Alert color="teal">{t("bizproc.empty")}</Alert>
      )}
      {tasks.value?.map((task) => (
        <TaskCard
          key={task.id}
          task={task}
          users={users}
          showContract
          level={2}
          onChange={tasks.reload}
        />
      ))}
    </Stack>
  );
}
