import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { paths } from "../app/routes";
import { BackupsSection } from "../shell/BackupsSection";
import { LogsSection } from "../shell/LogsSection";
import { SyncSettingsSection } from "../sync/SyncSettingsSection";
import { DigestSection } from "./DigestSection";
import { PeopleSection } from "./PeopleSection";
import { PipelineSection } from "./PipelineSection";
import { ReminderSettingsSection } from "./ReminderSettingsSection";

/** The register's settings: the stage pipeline, the people, the reminder defaults. */
export function SettingsPage() {
  const { t } = useTranslation();
  // The digests list the people: it reloads when they change.
  const [peopleVersion, setPeopleVersion] = useState(0);
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} size="h2">
        {t("settings.title")}
      </Title>
      <PipelineSection />
      <PeopleSection onPeopleChange={() => setPeopleVersion((v) => v + 1)} />
      <ReminderSettingsSection />
      <DigestSection key={peopleVersion} />
      <SyncSettingsSection />
      <BackupsSection />
      <LogsSection />
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t("triggers.title")}
          </Title>
          <Text>{t("triggers.settingsIntro")}</Text>
          <Anchor href={paths.triggers}>{t("triggers.settingsLink")}</Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}
