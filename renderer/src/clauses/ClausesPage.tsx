import {
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Clause } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { type ClauseEdit, ClauseModal } from "./ClauseModal";
import { ClauseStatusBadge } from "./ClauseStatusBadge";
import { useClauses } from "./use-clauses";

/** The clause library: search, filter by tag, add, edit and delete clauses. */
export function ClausesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const [search, setSearch] = useState("");
  const [tag, setTag] = useState<string | null>(null);
  const list = useClauses(search, tag);
  const all = useClauses("", null);
  const [edit, setEdit] = useState<ClauseEdit | null>(null);
  const [removing, setRemoving] = useState<Clause | null>(null);
  const tags = useMemo(
    () => [...new Set((all.clauses ?? []).flatMap((c) => c.tags))].sort(),
    [all.clauses],
  );
  const reload = () => {
    list.reload();
    all.reload();
  };

  const remove = async (clause: Clause) => {
    const r = await pacta.clauses.remove({ id: clause.id });
    setRemoving(null);
    if (!r.ok) return showError(r.error);
    notifySuccess(t("clauses.deleted"));
    reload();
  };

  const libraryEmpty = all.clauses?.length === 0;
  return (
    <Stack gap="lg" maw={1200}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t("clauses.title")}
        </Title>
        {all.clauses && !libraryEmpty && (
          <Button onClick={() => setEdit({ clause: null })}>{t("clauses.add")}</Button>
        )}
      </Group>
      {list.error && <ApiErrorAlert error={list.error} onRetry={reload} />}
      {libraryEmpty ? (
        <EmptyState py="xl">
          <EmptyState.Title order={2}>{t("clauses.emptyTitle")}</EmptyState.Title>
          <EmptyState.Description>{t("clauses.emptyText")}</EmptyState.Description>
          <EmptyState.Actions>
            <Button onClick={() => setEdit({ clause: null })}>{t("clauses.addFirst")}</Button>
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Paper withBorder p="md">
          <Group gap="md" mb="md" align="flex-end">
            <TextInput
              label={t("clauses.search")}
              placeholder={t("clauses.searchPlaceholder")}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={320}
            />
            <Select
              label={t("clauses.tagFilter")}
              placeholder={t("clauses.anyTag")}
              data={tags}
              value={tag}
              onChange={setTag}
              clearable
              w={220}
            />
          </Group>
          {!list.clauses && !list.error && <Loader aria-label={t("app.loading")} />}
          {list.clauses?.length === 0 && <Text c="dimmed">{t("clauses.noMatch")}</Text>}
          {list.clauses && list.clauses.length > 0 && (
            <Table striped>
              <Table.Caption>{t("clauses.caption")}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("clauses.name")}</Table.Th>
                  <Table.Th>{t("clauses.statusLabel")}</Table.Th>
                  <Table.Th>{t("clauses.tags")}</Table.Th>
                  <Table.Th>{t("templates.language")}</Table.Th>
                  <Table.Th>{t("templates.updated")}</Table.Th>
                  <Table.Th>{t("settings.people.actions")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.clauses.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">{c.name}</Table.Th>
                    <Table.Td>
                      <ClauseStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {c.tags.map((tg) => (
                          <Badge key={tg} variant="outline" color="gray.8" tt="none">
                            {tg}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`templates.languages.${c.language}`)}</Table.Td>
                    <Table.Td>{format.timestamp(c.updatedAt)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEdit({ clause: c })}
                          aria-label={t("clauses.edit", { name: c.name })}
                        >
                          ✎
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(c)}
                          aria-label={t("clauses.delete", { name: c.name })}
                        >
                          ✕
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      <ClauseModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null);
          notifySuccess(t("clauses.saved"));
          reload();
        }}
      />
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("clauses.deleteTitle")}
      >
        <Stack gap="md">
          <Text size="sm">{t("clauses.deleteText", { name: removing?.name ?? "" })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)} data-autofocus>
              {t("app.cancel")}
            </Button>
            <Button color="red.9" onClick={() => removing && void remove(removing)}>
              {t("clauses.deleteConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
