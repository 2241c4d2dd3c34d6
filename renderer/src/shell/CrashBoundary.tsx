import { Alert, Button, Code, Container, Group, Stack, Text, Title } from "@mantine/core";
import { Component, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { pacta } from "../api/client";

interface CrashBoundaryProps {
  children: ReactNode;
}

interface CrashBoundaryState {
  error: Error | null;
}

/** Catches a screen that failed to draw and shows the crash screen instead of a blank page. */
export class CrashBoundary extends Component<CrashBoundaryProps, CrashBoundaryState> {
  override state: CrashBoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): CrashBoundaryState {
    return { error };
  }

  override render() {
    if (this.state.error) return <CrashScreen error={this.state.error} />;
    return this.props.children;
  }
}

function CrashScreen({ error }: { error: Error }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState<string | null>(null);
  const openLogs = async () => {
    const r = await pacta.app.openLogFolder({});
    if (r.ok && !r.value.opened) setFolder(r.value.folder);
  };
  return (
    <Container size="sm" py="xl">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t("crash.title")}
        </Title>
        <Alert color="red" role="alert">
          <Stack gap="xs">
            <Text size="sm">{t("crash.text")}</Text>
            <Code block>{error.message}</Code>
          </Stack>
        </Alert>
        <Group>
          <Button onClick={() => window.location.reload()}>{t("crash.reload")}</Button>
          <Button
            variant="default"
            onClick={() => {
              window.location.hash = "#/settings";
              window.location.reload();
            }}
          >
            {t("crash.backups")}
          </Button>
          <Button variant="default" onClick={() => void openLogs()}>
            {t("logs.open")}
          </Button>
        </Group>
        {folder && (
          <Text size="sm" role="status">
            {t("logs.notOpened", { folder })}
          </Text>
        )}
      </Stack>
    </Container>
  );
}
