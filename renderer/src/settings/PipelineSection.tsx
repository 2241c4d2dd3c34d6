import { Badge, Button, Group, Loader, Paper, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PipelineStage } from "../../../shared/api/lifecycle";
import type { ApiError, ApiResult } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess } from "../app/use-api-error";
import { useFacets } from "../app/use-facets";
import { useLanguage } from "../i18n/use-language";
import { type StageEdit, StageModal } from "./StageModal";
import { movedKeys } from "./settings-values";
import { useLoad } from "./use-load";

const loadStages = () => pacta.lifecycle.listStages({});

/** The stages in order, with edit, add after, move up/down and retire. */
export function PipelineSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { refresh } = useFacets();
  const stages = useLoad(loadStages);
  const [edit, setEdit] = useState<StageEdit | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const nameOf = (s: PipelineStage) => s.names[language];

  /** Runs a change; on success reloads the list and the app's facets. */
  const change = async (run: () => Promise<ApiResult<unknown>>, done: string) => {
    const r = await run();
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    notifySuccess(done);
    stages.reload();
    refresh();
  };

  const move = (index: number, delta: -1 | 1) => {
    const keys = movedKeys(stages.value?.map((s) => s.key) ?? [], index, delta);
    if (keys) {
      void change(() => pacta.lifecycle.reorderStages({ keys }), t("settings.pipeline.reordered"));
    }
  };

  const retire = (s: PipelineStage) =>
    void change(
      () => pacta.lifecycle.retireStage({ key: s.key, retired: !s.retired }),
      t(s.retired ? "settings.pipeline.unretiredDone" : "settings.pipeline.retiredDone"),
    );

  const list = stages.value ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-pipeline">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="settings-pipeline">
          {t("settings.pipeline.title")}
        </Title>
        <Button variant="light" size="compact-sm" onClick={() => setEdit({ after: null })}>
          {t("settings.pipeline.addTitle")}
        </Button>
      </Group>
      {stages.error && <ApiErrorAlert error={stages.error} onRetry={stages.reload} />}
      {error && <ApiErrorAlert error={error} />}
      {!stages.value && !stages.error && <Loader aria-label={t("app.loading")} />}
      {stages.value && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Caption>{t("settings.pipeline.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("settings.pipeline.position")}</Table.Th>
                <Table.Th>{t("settings.pipeline.nameFr")}</Table.Th>
                <Table.Th>{t("settings.pipeline.nameEn")}</Table.Th>
                <Table.Th>{t("settings.pipeline.role")}</Table.Th>
                <Table.Th>{t("settings.pipeline.defaultDays")}</Table.Th>
                <Table.Th>{t("settings.pipeline.required")}</Table.Th>
                <Table.Th>{t("settings.pipeline.status")}</Table.Th>
                <Table.Th>{t("settings.pipeline.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((s, i) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Th scope="row">{s.names.fr}</Table.Th>
                  <Table.Td>{s.names.en}</Table.Td>
                  <Table.Td>{s.responsibleRole ?? t("app.none")}</Table.Td>
                  <Table.Td>{s.defaultDays ?? t("app.none")}</Table.Td>
                  <Table.Td>{s.required ? t("app.yes") : t("app.no")}</Table.Td>
                  <Table.Td>
                    {s.retired ? (
                      <Badge color="gray">{t("settings.pipeline.retired")}</Badge>
                    ) : (
                      <Text size="sm">{t("settings.pipeline.inUse")}</Text>
                    )}
                    {s.terminal && (
                      <Text size="xs" c="dimmed">
                        {t("settings.pipeline.terminal")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <StageActions
                      name={nameOf(s)}
                      retired={s.retired}
                      first={i === 0}
                      last={i === list.length - 1}
                      onEdit={() => setEdit({ stage: s })}
                      onAddAfter={() => setEdit({ after: s })}
                      onMove={(delta) => move(i, delta)}
                      onRetire={() => retire(s)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <StageModal
        edit={edit}
        nameOf={nameOf}
        onClose={() => setEdit(null)}
        onSaved={() => {
          setEdit(null);
          setError(null);
          notifySuccess(t("settings.pipeline.saved"));
          stages.reload();
          refresh();
        }}
      />
    </Paper>
  );
}

interface StageActionsProps {
  name: string;
  retired: boolean;
  first: boolean;
  last: boolean;
  onEdit: () => void;
  onAddAfter: () => void;
  onMove: (delta: -1 | 1) => void;
  onRetire: () => void;
}

function StageActions(p: StageActionsProps) {
  const { t } = useTranslation();
  const label = (key: string) =>
    t(`settings.pipeline.${key}` as "settings.pipeline.edit", { name: p.name });
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" onClick={p.onEdit} aria-label={label("edit")}>
        ✎
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={p.onAddAfter}
        aria-label={label("addAfter")}
      >
        +
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        disabled={p.first}
        onClick={() => p.onMove(-1)}
        aria-label={label("moveUp")}
      >
        ↑
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        disabled={p.last}
        onClick={() => p.onMove(1)}
        aria-label={label("moveDown")}
      >
        ↓
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        color={p.retired ? "teal" : "red"}
        onClick={p.onRetire}
        aria-label={label(p.retired ? "unretire" : "retire")}
      >
        {p.retired ? "↺" : "⊘"}
      </Button>
    </Group>
  );
}
