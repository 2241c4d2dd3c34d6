import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { TemplateSummary } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { navigate, paths } from "../app/routes";
import { notifySuccess } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { ImportMarkdownButton } from "./ImportMarkdownButton";
import { NewTemplateModal } from "./NewTemplateModal";

/** The firm's templates: list, create, import from Markdown, archive. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [showArchived, setShowArchived] = useState(false);
  const load = useCallback(
    () => pacta.templates.list({ includeArchived: showArchived }),
    [showArchived],
  );
  const templates = useLoad(load);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);

  const archive = async (tpl: TemplateSummary) => {
    const r = tpl.archived
      ? await pacta.templates.unarchive({ id: tpl.id })
      : await pacta.templates.archive({ id: tpl.id });
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(t(tpl.archived ? "templates.unarchivedDone" : "templates.archivedDone"));
    templates.reload();
  };

  const imported = (id: number, name: string) => {
    notifySuccess(t("templates.imported", { name }));
    navigate(paths.template(id));
  };

  const actions = (primary: boolean) => (
    <>
      <Button variant={primary ? "filled" : "light"} onClick={() => setCreating(true)}>
        {t("templates.new")}
      </Button>
      <ImportMarkdownButton
        onImported={(tpl) => imported(tpl.id, tpl.name)}
        onError={setImportError}
      />
    </>
  );

  const empty = templates.value?.length === 0;
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("templates.title")}
        </Title>
        <Group gap="sm">
          <Switch
            label={t("templates.showArchived")}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          {!empty && actions(false)}
        </Group>
      </Group>
      {templates.error && <ApiErrorAlert error={templates.error} onRetry={templates.reload} />}
      {error && <ApiErrorAlert error={error} />}
      {importError && (
        <ApiErrorAlert
          error={importError}
          lead={
            importError.reason === "invalid_argument" ? t("templates.importRefused") : undefined
          }
        />
      )}
      {!templates.value && !templates.error && <Loader aria-label={t("app.loading")} />}
      {empty && !showArchived && (
        <EmptyState py="xl">
          <EmptyState.Title order={2}>{t("templates.emptyTitle")}</EmptyState.Title>
          <EmptyState.Description>
            {t("templates.emptyText", {
              example: "{{party.client.name}}",
              token: "{{champ}}",
            })}
          </EmptyState.Description>
          <EmptyState.Actions>{actions(true)}</EmptyState.Actions>
        </EmptyState>
      )}
      {templates.value && (!empty || showArchived) && (
        <Paper withBorder p="md">
          {empty ? (
            <Text c="dimmed">{t("templates.noneEvenArchived")}</Text>
          ) : (
            <Table striped>
              <Table.Caption>{t("templates.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("templates.name")}</Table.Th>
                  <Table.Th>{t("templates.language")}</Table.Th>
                  <Table.Th>{t("templates.version")}</Table.Th>
                  <Table.Th>{t("templates.sections")}</Table.Th>
                  <Table.Th>{t("templates.updated")}</Table.Th>
                  <Table.Th>{t("settings.people.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.value.map((tpl) => (
                  <Table.Tr key={tpl.id}>
                    <Table.Th scope="row">
                      <Group gap="xs">
                        <Anchor href={paths.template(tpl.id)}>{tpl.name}</Anchor>
                        {tpl.archived && (
                          <Badge color="gray" tt="none">
                            {t("templates.archived")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{t(`templates.languages.${tpl.language}`)}</Table.Td>
                    <Table.Td>{format.count(tpl.version)}</Table.Td>
                    <Table.Td>{format.count(tpl.sectionCount)}</Table.Td>
                    <Table.Td>{format.timestamp(tpl.updatedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color={tpl.archived ? "teal.9" : "red.9"}
                        onClick={() => void archive(tpl)}
                        aria-label={t(tpl.archived ? "templates.unarchive" : "templates.archive", {
                          name: tpl.name,
                        })}
                      >
                        {tpl.archived ? t("templates.unarchiveShort") : t("templates.archiveShort")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      <NewTemplateModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(tpl) => {
          setCreating(false);
          notifySuccess(t("templates.created"));
          navigate(paths.template(tpl.id));
        }}
      />
    </Stack>
  );
}
