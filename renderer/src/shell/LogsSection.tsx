import { Button, Group, Paper, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { pacta } from "../api/client";
import { useApiError } from "../app/use-api-error";

/** Settings: where the logs are, and a button that opens the folder (desktop app). */
export function LogsSection() {
  const { t } = useTranslation();
  const showError = useApiError();
  const [folder, setFolder] = useState<string | null>(null);

  const open = async () => {
    const r = await pacta.app.openLogFolder({});
    if (!r.ok) return showError(r.error);
    // Behind the headless host nothing opens: the folder is shown instead.
    setFolder(r.value.opened ? null : r.value.folder);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-logs">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="settings-logs">
          {t("logs.title")}
        </Title>
        <Button size="compact-sm" variant="light" onClick={() => void open()}>
          {t("logs.open")}
        </Button>
      </Group>
      <Text size="sm">{t("logs.text")}</Text>
      {folder && (
        <Text size="sm" mt="sm" role="status">
          {t("logs.notOpened", { folder })}
        </Text>
      )}
    </Paper>
  );
}
