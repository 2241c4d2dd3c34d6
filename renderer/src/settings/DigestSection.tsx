import { Loader, Paper, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DigestSetting } from "../../../shared/api/digests";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess } from "../app/use-api-error";
import { useLoad } from "./use-load";

/** Each person's daily digest: on or off, and at what time. */
export function DigestSection() {
  const { t } = useTranslation();
  const load = useCallback(() => pacta.digests.settings({}), []);
  const settings = useLoad(load);
  const [error, setError] = useState<ApiError | null>(null);
  const [times, setTimes] = useState<Record<number, string>>({});

  const save = async (
    s: DigestSetting,
    change: Partial<Pick<DigestSetting, "enabled" | "time">>,
  ) => {
    const next = { personId: s.personId, enabled: s.enabled, time: s.time, ...change };
    const r = await pacta.digests.setSetting(next);
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(t("digests.saved"));
    settings.set((settings.value ?? []).map((x) => (x.personId === s.personId ? r.value : x)));
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-digests">
      <Title order={2} size="h4" id="settings-digests" mb="xs">
        {t("digests.title")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("digests.intro")}
      </Text>
      {settings.error && <ApiErrorAlert error={settings.error} onRetry={settings.reload} />}
      {error && <ApiErrorAlert error={error} />}
      {!settings.value && !settings.error && <Loader aria-label={t("app.loading")} />}
      {settings.value?.length === 0 && <Text c="dimmed">{t("digests.none")}</Text>}
      {settings.value && settings.value.length > 0 && (
        <Table striped>
          <Table.Caption>{t("digests.title")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("digests.person")}</Table.Th>
              <Table.Th>{t("digests.enabled")}</Table.Th>
              <Table.Th>{t("digests.time")}</Table.Th>
              <Table.Th>{t("digests.portal")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.value.map((s) => (
              <Table.Tr key={s.personId}>
                <Table.Td>{s.person}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={t("digests.enabledFor", { name: s.person })}
                    checked={s.enabled}
                    onChange={(e) => void save(s, { enabled: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    type="time"
                    aria-label={t("digests.timeFor", { name: s.person })}
                    value={times[s.personId] ?? s.time}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setTimes((all) => ({ ...all, [s.personId]: value }));
                    }}
                    onBlur={() => {
                      const time = times[s.personId];
                      if (time && time !== s.time) void save(s, { time });
                    }}
                    w={120}
                  />
                </Table.Td>
                <Table.Td>
                  {s.bitrixUserId
                    ? t("digests.portalYes", { id: s.bitrixUserId })
                    : t("digests.portalNo")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
