import {
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  TagsInput,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReminderSettings } from "../../../shared/api/reminders";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useLanguage } from "../i18n/use-language";
import { isFireTime, parseLeadDays } from "./settings-values";
import { useLoad } from "./use-load";

const loadSettings = () => pacta.reminders.getSettings({});

/** Global reminder lead times, fire time and switches, and the calendar export. */
export function ReminderSettingsSection() {
  const { t } = useTranslation();
  const settings = useLoad(loadSettings);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-reminders">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="settings-reminders">
          {t("settings.reminders.title")}
        </Title>
        <ExportIcsButton />
      </Group>
      {settings.error && <ApiErrorAlert error={settings.error} onRetry={settings.reload} />}
      {!settings.value && !settings.error && <Loader aria-label={t("app.loading")} />}
      {settings.value && <ReminderSettingsForm initial={settings.value} onSaved={settings.set} />}
    </Paper>
  );
}

interface ReminderSettingsFormProps {
  initial: ReminderSettings;
  onSaved: (settings: ReminderSettings) => void;
}

function ReminderSettingsForm({ initial, onSaved }: ReminderSettingsFormProps) {
  const { t } = useTranslation();
  const [tags, setTags] = useState(initial.leadDays.map(String));
  const [fireTime, setFireTime] = useState(initial.fireTime);
  const [workingDays, setWorkingDays] = useState(initial.workingDays);
  const [startAtLogin, setStartAtLogin] = useState(initial.startAtLogin);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    setTags(initial.leadDays.map(String));
    setFireTime(initial.fireTime);
  }, [initial]);

  const leadDays = parseLeadDays(tags);
  let leadError: string | undefined;
  if (leadDays === null) leadError = t("settings.reminders.leadDaysInvalid");
  else if (leadDays.length === 0) leadError = t("settings.reminders.leadDaysEmpty");
  const timeError = isFireTime(fireTime) ? undefined : t("settings.reminders.fireTimeInvalid");

  const save = async () => {
    if (!leadDays || leadError || timeError) return;
    setBusy(true);
    const r = await pacta.reminders.setSettings({
      leadDays,
      fireTime: fireTime.trim(),
      workingDays,
      startAtLogin,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(t("settings.reminders.saved"));
    onSaved(r.value);
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="md" maw={640}>
        {error && <ApiErrorAlert error={error} />}
        <TagsInput
          label={t("settings.reminders.leadDays")}
          description={t("settings.reminders.leadDaysHint")}
          value={tags}
          onChange={setTags}
          error={leadError}
          maxTags={12}
          inputMode="numeric"
        />
        <TextInput
          label={t("settings.reminders.fireTime")}
          value={fireTime}
          onChange={(e) => setFireTime(e.currentTarget.value)}
          error={timeError}
          placeholder="09:00"
          maw={200}
        />
        <Switch
          label={t("settings.reminders.workingDays")}
          description={t("settings.reminders.workingDaysHint")}
          checked={workingDays}
          onChange={(e) => setWorkingDays(e.currentTarget.checked)}
        />
        <Switch
          label={t("settings.reminders.startAtLogin")}
          description={t("settings.reminders.startAtLoginHint")}
          checked={startAtLogin}
          onChange={(e) => setStartAtLogin(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={leadError !== undefined || !!timeError}>
            {t("settings.reminders.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Downloads the whole register's key dates as an iCalendar file. */
function ExportIcsButton() {
  const { t } = useTranslation();
  const language = useLanguage();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await pacta.reminders.exportIcs({ language });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    downloadFile(r.value.fileName, r.value.content, MEDIA_TYPES.ics);
    notifySuccess(t("settings.reminders.exported", { count: r.value.events }));
  };
  return (
    <Button variant="default" size="compact-sm" loading={busy} onClick={() => void run()}>
      {t("settings.reminders.exportIcs")}
    </Button>
  );
}
