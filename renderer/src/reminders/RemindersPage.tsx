import { Button, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Reminder } from "../../../shared/api/reminders";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { localToday } from "../contract/local-today";
import { DismissModal } from "./DismissModal";
import { ReminderTable } from "./ReminderTable";
import { groupReminders, REMINDER_GROUPS } from "./reminder-groups";
import { SnoozeUntilModal } from "./SnoozeUntilModal";
import { useReminders } from "./use-reminders";

const WITHIN_DAYS = 90;

/** What is overdue, due, coming up or snoozed, with snooze and dismiss. */
export function RemindersPage() {
  const { t } = useTranslation();
  const showError = useApiError();
  const { reminders, error, reload } = useReminders(WITHIN_DAYS);
  const [dismissing, setDismissing] = useState<Reminder | null>(null);
  const [snoozing, setSnoozing] = useState<Reminder | null>(null);

  const snooze = async (r: Reminder, when: { preset: "1d" | "1w" } | { until: string }) => {
    const res = await pacta.reminders.snooze({ key: r.key, ...when });
    if (!res.ok) return showError(res.error);
    notifySuccess(t("reminders.snoozed"));
    reload();
  };

  const dismiss = async (r: Reminder, reason: string) => {
    setDismissing(null);
    const res = await pacta.reminders.dismiss({ key: r.key, reason });
    if (!res.ok) return showError(res.error);
    notifySuccess(t("reminders.dismissed"));
    reload();
  };

  const groups = reminders ? groupReminders(reminders, localToday(), new Date()) : null;

  return (
    <Stack gap="lg" maw={1100}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("reminders.title")}
        </Title>
        <NotificationPermissionButton />
      </Group>
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!groups && !error && <Loader aria-label={t("app.loading")} />}
      {reminders?.length === 0 && <Text c="dimmed">{t("reminders.empty")}</Text>}
      {groups &&
        REMINDER_GROUPS.filter((g) => groups[g].length > 0).map((g) => (
          <Paper key={g} withBorder p="md" component="section">
            <Title order={2} size="h4" mb="sm">
              {t(`reminders.groups.${g}`)}
            </Title>
            <ReminderTable
              caption={t(`reminders.groups.${g}`)}
              reminders={groups[g]}
              onSnooze={(r, preset) => void snooze(r, { preset })}
              onSnoozeUntil={setSnoozing}
              onDismiss={setDismissing}
            />
          </Paper>
        ))}
      <SnoozeUntilModal
        title={snoozing?.contractTitle ?? null}
        onClose={() => setSnoozing(null)}
        onConfirm={(until) => {
          if (snoozing) void snooze(snoozing, { until });
          setSnoozing(null);
        }}
      />
      <DismissModal
        title={dismissing?.contractTitle ?? null}
        onClose={() => setDismissing(null)}
        onConfirm={(reason) => {
          if (dismissing) void dismiss(dismissing, reason);
        }}
      />
    </Stack>
  );
}

/**
 * Asks the browser for desktop notifications, when it has not been asked yet.
 * The desktop app shows native notifications from main and refuses every
 * page permission, so there is nothing to ask there.
 */
function NotificationPermissionButton() {
  const { t } = useTranslation();
  const supported = typeof Notification !== "undefined" && window.pacta === undefined;
  const [permission, setPermission] = useState(supported ? Notification.permission : "denied");
  if (!supported) return null;
  if (permission === "granted") return <Text size="sm">{t("reminders.notificationsOn")}</Text>;
  if (permission === "denied") {
    return (
      <Text size="sm" c="dimmed">
        {t("reminders.notificationsDenied")}
      </Text>
    );
  }
  return (
    <Button
      variant="light"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t("reminders.enableNotifications")}
    </Button>
  );
}
