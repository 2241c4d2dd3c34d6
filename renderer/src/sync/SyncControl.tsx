import { Badge, Button, Group, Progress, Stack, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { paths } from "../app/routes";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { useSyncStatus } from "./use-sync-status";

/**
 * The one-click sync in the header: the button, a progress bar while it
 * runs, the last sync's summary, the offline state and open conflicts.
 * Nothing shows until a portal is connected.
 */
export function SyncControl() {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const { status, start } = useSyncStatus();
  if (!status?.connection) return null;
  const last = status.lastRun;
  const when = last ? format.timestamp(last.finishedAt ?? last.startedAt) : "";
  const offline = !status.running && last?.state === "offline";
  let summary = t("sync.never");
  if (last?.state === "done") {
    summary = t("sync.lastDone", { when, pulled: last.pulled, pushed: last.pushed });
  } else if (last?.state === "offline") {
    summary = t("sync.lastOffline", { when, count: status.pending });
  } else if (last && last.state !== "running") summary = t("sync.lastFailed", { when });
  const progress = status.progress;

  const run = async () => {
    const r = await start();
    if (!r.ok) showError(r.error);
    else if (r.value.started) notifySuccess(t("sync.started"));
  };

  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label="Bitrix24" miw={0}>
      {offline && (
        <Tooltip label={t("sync.offlineHint")} multiline w={280}>
          <Badge color="orange" variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t("sync.offline")}
          </Badge>
        </Tooltip>
      )}
      {status.deletedOnPortal.length > 0 && (
        <Tooltip label={t("sync.deletedOnPortalHint")} multiline w={280}>
          <Badge color="gray" variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t("sync.deletedOnPortal", { count: status.deletedOnPortal.length })}
          </Badge>
        </Tooltip>
      )}
      {status.openConflicts > 0 && (
        <Badge
          component="a"
          href={paths.conflicts}
          color="red"
          variant="light"
          tt="none"
          style={{ cursor: "pointer", flexShrink: 0 }}
          aria-label={t("sync.conflictsLink", { count: status.openConflicts })}
        >
          {t("sync.conflictsShort", { count: status.openConflicts })}
        </Badge>
      )}
      <Stack gap={2} miw={0} style={{ flex: "0 1 160px" }}>
        <Text
          size="xs"
          c="dimmed"
          truncate="end"
          data-testid="sync-summary"
          title={summary}
          data-run={status.running ? "running" : String(last?.id ?? 0)}
        >
          {status.running && progress
            ? t("sync.progress", { step: t(`sync.steps.${progress.phase}`), done: progress.done })
            : summary}
        </Text>
        {status.running ? (
          <Progress value={100} animated striped size="sm" aria-label={t("sync.running")} />
        ) : (
          <>
            {status.pending > 0 && (
              <Text size="xs" c="dimmed">
                {t("sync.pending", { count: status.pending })}
              </Text>
            )}
            {status.pendingAnswers > 0 && (
              <Text size="xs" c="dimmed">
                {t("sync.pendingAnswers", { count: status.pendingAnswers })}
              </Text>
            )}
          </>
        )}
      </Stack>
      <Button
        variant="light"
        loading={status.running}
        onClick={() => void run()}
        style={{ flexShrink: 0 }}
      >
        {t("sync.button")}
      </Button>
    </Group>
  );
}
