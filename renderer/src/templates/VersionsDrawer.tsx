import {
  Alert,
  Button,
  Drawer,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { TemplateComparison } from "../../../shared/api/templates";
import type { Template, TemplateVersion } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { ComparisonView } from "./ComparisonView";
import { ReadOnlyBody } from "./ReadOnlyBody";

export interface VersionsDrawerProps {
  opened: boolean;
  onClose: () => void;
  templateId: number;
  /** The newest version's number (the list reloads when it changes) */
  version: number;
  /** Unsaved changes in the editor: restoring would drop them, so it waits */
  dirty: boolean;
  /** Called with the template after an old version was saved again as the newest */
  onRestored: (template: Template) => void;
}

/** Every saved version: view one, compare two, restore one as a new version. */
export function VersionsDrawer(props: VersionsDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={props.opened}
      onClose={props.onClose}
      position="right"
      size="xl"
      title={t("templates.versionsTitle")}
      closeButtonProps={{ "aria-label": t("app.close") }}
    >
      {props.opened && <VersionsBody {...props} />}
    </Drawer>
  );
}

function VersionsBody({ templateId, version, dirty, onRestored }: VersionsDrawerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // `version` is in the dependencies so a new save shows up.
  const load = useCallback(() => {
    void version;
    return pacta.templates.versions({ id: templateId });
  }, [templateId, version]);
  const versions = useLoad(load);
  const [viewing, setViewing] = useState<TemplateVersion | null>(null);
  const [from, setFrom] = useState<string | null>(version > 1 ? String(version - 1) : null);
  const [to, setTo] = useState<string | null>(String(version));
  const [comparison, setComparison] = useState<TemplateComparison | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const view = async (n: number) => {
    const r = await pacta.templates.version({ id: templateId, version: n });
    if (!r.ok) return setError(r.error);
    setError(null);
    setComparison(null);
    setViewing(r.value);
  };
  const compare = async () => {
    if (!from || !to) return;
    const r = await pacta.templates.compare({ id: templateId, from: Number(from), to: Number(to) });
    if (!r.ok) return setError(r.error);
    setError(null);
    setViewing(null);
    setComparison(r.value);
  };
  const restore = async (n: number) => {
    const r = await pacta.templates.restore({ id: templateId, version: n });
    if (!r.ok) return setError(r.error);
    setError(null);
    setViewing(null);
    setComparison(null);
    onRestored(r.value);
  };

  const options = (versions.value ?? []).map((v) => ({
    value: String(v.version),
    label: t("templates.versionN", { version: v.version }),
  }));
  return (
    <Stack gap="md">
      {versions.error && <ApiErrorAlert error={versions.error} onRetry={versions.reload} />}
      {error && <ApiErrorAlert error={error} />}
      {dirty && <Alert color="yellow">{t("templates.restoreNeedsSave")}</Alert>}
      {!versions.value && !versions.error && <Loader aria-label={t("app.loading")} />}
      {versions.value && (
        <Table>
          <Table.Caption>{t("templates.versionsCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("templates.version")}</Table.Th>
              <Table.Th>{t("templates.savedAt")}</Table.Th>
              <Table.Th>{t("templates.savedBy")}</Table.Th>
              <Table.Th>{t("templates.note")}</Table.Th>
              <Table.Th>{t("settings.people.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.value.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Th scope="row">{v.version}</Table.Th>
                <Table.Td>{format.timestamp(v.savedAt)}</Table.Td>
                <Table.Td>{v.savedBy}</Table.Td>
                <Table.Td>{v.note ?? ""}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => void view(v.version)}>
                      {t("templates.viewVersion", { version: v.version })}
                    </Button>
                    {v.version !== version && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        disabled={dirty}
                        onClick={() => void restore(v.version)}
                      >
                        {t("templates.restoreVersion", { version: v.version })}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {options.length > 1 && (
        <Group align="flex-end" gap="sm">
          <Select
            label={t("templates.compareFrom")}
            data={options}
            value={from}
            onChange={setFrom}
          />
          <Select label={t("templates.compareTo")} data={options} value={to} onChange={setTo} />
          <Button
            variant="light"
            onClick={() => void compare()}
            disabled={!from || !to || from === to}
          >
            {t("templates.compare")}
          </Button>
        </Group>
      )}
      {comparison && <ComparisonView comparison={comparison} />}
      {viewing && (
        <Stack gap="sm" data-testid="version-view">
          <Title order={3} size="h5">
            {t("templates.viewingVersion", {
              version: viewing.version,
              name: viewing.content.name,
            })}
          </Title>
          {viewing.content.sections.map((s) => (
            <article key={s.id}>
              <Text fw={600} size="sm">
                {s.title}
              </Text>
              <ReadOnlyBody html={s.body} />
            </article>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
