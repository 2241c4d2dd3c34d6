import { Alert, Button, Code, Container, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RegisterHealth } from "../../../shared/api/backups";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess } from "../app/use-api-error";
import { useLoad } from "../settings/use-load";
import { BackupList } from "./BackupsSection";
import { ConfirmModal } from "./ConfirmModal";

const loadList = () => pacta.backups.list({});

export interface RecoveryPageProps {
  health: Extract<RegisterHealth, { state: "damaged" }>;
  /** The register works again: leave the recovery screen. */
  onRecovered: () => void;
}

/** Shown instead of the app when the register cannot be opened. */
export function RecoveryPage({ health, onRecovered }: RecoveryPageProps) {
  const { t } = useTranslation();
  const backups = useLoad(loadList);
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const exportDamaged = async () => {
    const r = await pacta.app.exportDamaged({});
    if (!r.ok) return setError(r.error);
    setError(null);
    downloadFile(r.value.fileName, r.value.content, MEDIA_TYPES.json);
    notifySuccess(t("recovery.exported", { count: r.value.tables }));
  };

  const startFresh = async () => {
    setBusy(true);
    const r = await pacta.app.startFresh({});
    setBusy(false);
    setAsking(false);
    if (!r.ok) return setError(r.error);
    notifySuccess(t("recovery.freshDone", { file: r.value.setAside }));
    onRecovered();
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t("recovery.title")}
        </Title>
        <Alert color="red" role="alert">
          <Stack gap="xs">
            <Text size="sm">{t(`recovery.${health.problem}`)}</Text>
            <Text size="sm">{t("recovery.file", { file: health.file })}</Text>
            <Text size="xs" fw={600}>
              {t("recovery.detail")}
            </Text>
            <Code block>{health.detail}</Code>
          </Stack>
        </Alert>
        {error && <ApiErrorAlert error={error} />}
        <Text fw={600}>{t("recovery.choose")}</Text>
        <Paper withBorder p="md" component="section" aria-labelledby="recovery-restore">
          <Title order={2} size="h4" id="recovery-restore" mb="xs">
            {t("recovery.restoreTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("recovery.restoreText")}
          </Text>
          {backups.value?.length === 0 ? (
            <Text c="dimmed">{t("recovery.noBackups")}</Text>
          ) : (
            <BackupList
              backups={backups.value}
              error={backups.error}
              onRetry={backups.reload}
              onRestored={onRecovered}
            />
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="recovery-export">
          <Title order={2} size="h4" id="recovery-export" mb="xs">
            {t("recovery.exportTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("recovery.exportText")}
          </Text>
          <Button variant="default" onClick={() => void exportDamaged()}>
            {t("recovery.export")}
          </Button>
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="recovery-fresh">
          <Title order={2} size="h4" id="recovery-fresh" mb="xs">
            {t("recovery.freshTitle")}
          </Title>
          <Text size="sm" mb="sm">
            {t("recovery.freshText")}
          </Text>
          <Button color="red.9" variant="outline" onClick={() => setAsking(true)}>
            {t("recovery.fresh")}
          </Button>
        </Paper>
      </Stack>
      <ConfirmModal
        opened={asking}
        title={t("recovery.freshConfirmTitle")}
        text={t("recovery.freshConfirmText")}
        confirmLabel={t("recovery.fresh")}
        busy={busy}
        onCancel={() => setAsking(false)}
        onConfirm={() => void startFresh()}
      />
    </Container>
  );
}
