import { Badge, Button, Group, Loader, Paper, Switch, Table, Text, Title } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../shared/api/lifecycle";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess } from "../app/use-api-error";
import { type PersonEdit, PersonModal } from "./PersonModal";
import { useLoad } from "./use-load";

export interface PeopleSectionProps {
  /** Called after a person was added, changed or archived */
  onPeopleChange?: () => void;
}

/** The local list of people, with add, edit and archive. */
export function PeopleSection({ onPeopleChange }: PeopleSectionProps) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const load = useCallback(
    () => pacta.lifecycle.listPeople({ includeArchived: showArchived }),
    [showArchived],
  );
  const people = useLoad(load);
  const [edit, setEdit] = useState<PersonEdit | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const archive = async (p: Person) => {
    const r = await pacta.lifecycle.archivePerson({ id: p.id, archived: !p.archived });
    if (!r.ok) return setError(r.error);
    setError(null);
    notifySuccess(
      t(p.archived ? "settings.people.unarchivedDone" : "settings.people.archivedDone"),
    );
    people.reload();
    onPeopleChange?.();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-people">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="settings-people">
          {t("settings.people.title")}
        </Title>
        <Group gap="md">
          <Switch
            label={t("settings.people.showArchived")}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          <Button variant="light" size="compact-sm" onClick={() => setEdit({ person: null })}>
            {t("settings.people.add")}
          </Button>
        </Group>
      </Group>
      {people.error && <ApiErrorAlert error={people.error} onRetry={people.reload} />}
      {error && <ApiErrorAlert error={error} />}
      {!people.value && !people.error && <Loader aria-label={t("app.loading")} />}
      {people.value?.length === 0 && <Text c="dimmed">{t("settings.people.empty")}</Text>}
      {people.value && people.value.length > 0 && (
        <Table striped>
          <Table.Caption>{t("settings.people.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("settings.people.name")}</Table.Th>
              <Table.Th>{t("settings.people.email")}</Table.Th>
              <Table.Th>{t("settings.people.role")}</Table.Th>
              <Table.Th>{t("settings.people.status")}</Table.Th>
              <Table.Th>{t("settings.people.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.value.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{p.name}</Table.Th>
                <Table.Td>{p.email}</Table.Td>
                <Table.Td>{p.role}</Table.Td>
                <Table.Td>
                  {p.archived ? (
                    <Badge color="gray">{t("settings.people.archived")}</Badge>
                  ) : (
                    <Text size="sm">{t("settings.people.inUse")}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => setEdit({ person: p })}
                      aria-label={t("settings.people.edit", { name: p.name })}
                    >
                      ✎
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color={p.archived ? "teal" : "red"}
                      onClick={() => void archive(p)}
                      aria-label={t(
                        p.archived ? "settings.people.unarchive" : "settings.people.archive",
                        { name: p.name },
                      )}
                    >
                      {p.archived ? "↺" : "⊘"}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PersonModal
        edit={edit}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null);
          setError(null);
          notifySuccess(t("settings.people.saved"));
          people.reload();
          onPeopleChange?.();
        }}
      />
    </Paper>
  );
}
