import { Button, Code, Group, Loader, NumberInput, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BackupInfo } from "../../../shared/api/backups";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess } from "../app/use-api-error";
import { useLanguage } from "../i18n/use-language";
import { useLoad } from "../settings/use-load";
import { BackupTable } from "./BackupTable";
import { backupDate } from "./backup-text";
import { ConfirmModal } from "./ConfirmModal";

const loadStatus = () => pacta.backups.status({});
const loadList = () => pacta.backups.list({});

/** Settings: how long daily backups are kept, "back up now", and restore. */
export function BackupsSection() {
  const { t } = useTranslation();
  const status = useLoad(loadStatus);
  const list = useLoad(loadList);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [keepDays, setKeepDays] = useState<string | number>("");

  useEffect(() => {
    if (status.value) setKeepDays(status.value.keepDays);
  }, [status.value]);

  const keepValid = typeof keepDays === "number" && Number.isInteger(keepDays) && keepDays >= 1;
  const keepError = keepDays === "" || keepValid ? undefined : t("backups.keepDaysInvalid");

  const backupNow = async () => {
    setBusy(true);
    const r = await pacta.backups.create({});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(t("backups.backedUp", { name: r.value.name }));
    list.reload();
    status.reload();
  };

  const saveKeep = async () => {
    if (!keepValid || typeof keepDays !== "number") return;
    const r = await pacta.backups.setSettings({ keepDays });
    if (!r.ok) return setError(r.error);
    setError(null);
    status.set(r.value);
    list.reload();
    notifySuccess(t("backups.settingsSaved"));
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-backups">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="settings-backups">
          {t("backups.title")}
        </Title>
        <Button size="compact-sm" variant="light" loading={busy} onClick={() => void backupNow()}>
          {t("backups.backupNow")}
        </Button>
      </Group>
      <Stack gap="md">
        <Text size="sm">{t("backups.intro")}</Text>
        {status.error && <ApiErrorAlert error={status.error} onRetry={status.reload} />}
        {error && <ApiErrorAlert error={error} />}
        {status.value && (
          <>
            <div>
              <Text size="sm" fw={600}>
                {t("backups.folder")}
              </Text>
              <Code>{status.value.folder}</Code>
            </div>
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void saveKeep();
              }}
            >
              <Group align="flex-end">
                <NumberInput
                  label={t("backups.keepDays")}
                  value={keepDays}
                  onChange={setKeepDays}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  error={keepError}
                  maw={320}
                />
                <Button type="submit" variant="default" disabled={!keepValid}>
                  {t("backups.saveSettings")}
                </Button>
              </Group>
            </form>
          </>
        )}
        <BackupList
          backups={list.value}
          error={list.error}
          onRetry={list.reload}
          onRestored={() => {
            list.reload();
            status.reload();
          }}
        />
      </Stack>
    </Paper>
  );
}

interface BackupListProps {
  backups: BackupInfo[] | null;
  error: ApiError | null;
  onRetry: () => void;
  onRestored: () => void;
}

/** The list of backups with a confirmed restore; used by Settings and the recovery screen. */
export function BackupList({ backups, error, onRetry, onRestored }: BackupListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    const r = await pacta.backups.restore({ name: chosen.name });
    setBusy(false);
    setChosen(null);
    if (!r.ok) return setFailure(r.error);
    setFailure(null);
    notifySuccess(t("backups.restored"));
    onRestored();
  };

  return (
    <>
      {error && <ApiErrorAlert error={error} onRetry={onRetry} />}
      {failure && <ApiErrorAlert error={failure} />}
      {!backups && !error && <Loader aria-label={t("app.loading")} />}
      {backups?.length === 0 && <Text c="dimmed">{t("backups.empty")}</Text>}
      {backups && backups.length > 0 && <BackupTable backups={backups} onRestore={setChosen} />}
      <ConfirmModal
        opened={chosen !== null}
        title={t("backups.confirmTitle")}
        text={t("backups.confirmText", {
          date: chosen ? backupDate(chosen.createdAt, language) : "",
        })}
        confirmLabel={t("backups.confirm")}
        busy={busy}
        onCancel={() => setChosen(null)}
        onConfirm={() => void restore()}
      />
    </>
  );
}
