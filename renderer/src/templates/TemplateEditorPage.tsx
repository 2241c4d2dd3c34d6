import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { TemplateContent } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { notifySuccess } from "../app/use-api-error";
import { ConfirmLeaveModal } from "../contract/ConfirmLeaveModal";
import { useLeaveGuard } from "../contract/use-leave-guard";
import { DeclaredFieldsEditor } from "./DeclaredFieldsEditor";
import { ProblemText } from "./ProblemText";
import { SectionEditor } from "./SectionEditor";
import { SectionList } from "./SectionList";
import { TemplateInfoFields } from "./TemplateInfoFields";
import { TemplatePreview } from "./TemplatePreview";
import {
  contentIssues,
  type IssueKey,
  moveItem,
  newSectionId,
  patchSection,
  problemsBySection,
} from "./template-content";
import { useLiveCheck } from "./use-live-check";
import { useTemplateDraft } from "./use-template-draft";
import { VersionsDrawer } from "./VersionsDrawer";

export interface TemplateEditorPageProps {
  /** The template to edit */
  id: number;
}

/**
 * One template: its name and language, its sections (reorder, add, remove,
 * edit with a rich-text body and merge fields), its declared fields, a live
 * preview with problems shown where they are, and its versions.
 */
export function TemplateEditorPage({ id }: TemplateEditorPageProps) {
  const { t } = useTranslation();
  const draft = useTemplateDraft(id);
  const { saved, content, setContent } = draft;
  const [selected, setSelected] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [stale, setStale] = useState(false);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const guard = useLeaveGuard(draft.dirty);

  const issues = useMemo(
    () => (content ? contentIssues(content) : new Map<string, IssueKey>()),
    [content],
  );
  const live = useLiveCheck(content && issues.size === 0 ? content : null);
  const problems = useMemo(() => problemsBySection(live.problems ?? []), [live.problems]);

  if (!content || !saved) {
    return (
      <Stack gap="md" maw={1400}>
        <Anchor href={paths.templates}>← {t("templates.back")}</Anchor>
        {draft.error ? (
          <ApiErrorAlert error={draft.error} onRetry={draft.reload} />
        ) : (
          <Loader aria-label={t("app.loading")} />
        )}
      </Stack>
    );
  }

  const sectionIndex = Math.max(
    0,
    content.sections.findIndex((s) => s.id === selected),
  );
  const section = content.sections[sectionIndex] ?? content.sections[0];
  const errorAt = (path: string): string | undefined => {
    const key = tried ? issues.get(path) : undefined;
    return key ? t(`templates.issues.${key}`) : undefined;
  };
  const invalidIds = new Set(
    tried
      ? content.sections.filter((_, i) => issues.has(`sections.${i}.title`)).map((s) => s.id)
      : [],
  );
  const problemCounts = new Map(
    content.sections.map((s) => [s.id, problems.get(s.id)?.length ?? 0]),
  );
  const edit = (update: (c: TemplateContent) => TemplateContent) => {
    setContent(update);
    setSaveError(null);
  };

  const save = async () => {
    setTried(true);
    if (issues.size > 0) return;
    setBusy(true);
    const sent = content;
    const r = await pacta.templates.save({
      id,
      content: sent,
      expectedVersion: saved.version,
      note: note.trim() || null,
    });
    setBusy(false);
    if (!r.ok) {
      if (r.error.reason === "stale_update") setStale(true);
      else setSaveError(r.error);
      return;
    }
    draft.adopt(r.value, sent);
    setNote("");
    setTried(false);
    notifySuccess(t("templates.savedVersion", { version: r.value.version }));
  };

  const addSection = () => {
    const id = newSectionId(content.sections);
    const title = t("templates.newSectionTitle", { number: content.sections.length + 1 });
    edit((c) => ({ ...c, sections: [...c.sections, { id, title, body: "" }] }));
    setSelected(id);
  };

  return (
    <Stack gap="md" maw={1400}>
      <Anchor href={paths.templates}>← {t("templates.back")}</Anchor>
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <Title order={1} size="h2">
            {saved.name}
          </Title>
          <Badge variant="light" tt="none" size="lg">
            {t("templates.versionN", { version: saved.version })}
          </Badge>
          {saved.archived && (
            <Badge color="gray" tt="none">
              {t("templates.archived")}
            </Badge>
          )}
          {draft.dirty && (
            <Badge color="orange" variant="light" tt="none">
              {t("templates.unsaved")}
            </Badge>
          )}
        </Group>
        <Group gap="sm" align="flex-end">
          <Button variant="default" onClick={() => setVersionsOpen(true)}>
            {t("templates.versions")}
          </Button>
          <TextInput
            label={t("templates.note")}
            placeholder={t("templates.notePlaceholder")}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            w={260}
          />
          <Button onClick={() => void save()} loading={busy} disabled={!draft.dirty}>
            {t("templates.save")}
          </Button>
        </Group>
      </Group>
      {stale && (
        <Alert color="orange" role="alert" title={t("templates.staleTitle")}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("templates.staleText")}</Text>
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => {
                setStale(false);
                draft.reload();
              }}
            >
              {t("templates.reloadLatest")}
            </Button>
          </Stack>
        </Alert>
      )}
      {saveError && (
        <ApiErrorAlert
          error={saveError}
          lead={saveError.reason === "invalid_argument" ? t("templates.saveRefused") : undefined}
        />
      )}
      {tried && issues.size > 0 && (
        <Alert color="red" role="alert">
          {t("templates.fixBeforeSave")}
        </Alert>
      )}
      {(problems.get(null) ?? []).map((p) => (
        <Alert key={`${p.kind}-${p.message}`} color="red">
          <ProblemText problem={p} />
        </Alert>
      ))}
      <Panel title={t("templates.info")}>
        <TemplateInfoFields content={content} onChange={edit} nameError={errorAt("name")} />
      </Panel>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Panel title={t("templates.sections")}>
            <SectionList
              sections={content.sections}
              selectedId={section?.id ?? ""}
              problemCounts={problemCounts}
              invalidIds={invalidIds}
              onSelect={setSelected}
              onMove={(from, to) =>
                edit((c) => ({ ...c, sections: moveItem(c.sections, from, to) }))
              }
              onAdd={addSection}
              onRemove={(sid) =>
                edit((c) => ({ ...c, sections: c.sections.filter((s) => s.id !== sid) }))
              }
            />
          </Panel>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {section && (
            <Panel title={t("templates.sectionEditor", { number: sectionIndex + 1 })}>
              <SectionEditor
                key={`${section.id}-${draft.generation}`}
                section={section}
                number={sectionIndex + 1}
                declared={content.fields}
                catalog={draft.catalog}
                problems={problems.get(section.id) ?? []}
                titleError={errorAt(`sections.${sectionIndex}.title`)}
                conditionError={errorAt(`sections.${sectionIndex}.condition`)}
                onChange={(patch) => edit((c) => patchSection(c, section.id, patch))}
              />
            </Panel>
          )}
        </Grid.Col>
      </Grid>
      <Panel title={t("templates.fields")}>
        <DeclaredFieldsEditor
          fields={content.fields}
          onChange={(fields) => edit((c) => ({ ...c, fields }))}
          errorAt={errorAt}
        />
      </Panel>
      <Panel title={t("templates.preview")}>
        <TemplatePreview
          preview={live.preview}
          error={live.error}
          pending={live.pending}
          blocked={issues.size > 0}
        />
      </Panel>
      <VersionsDrawer
        opened={versionsOpen}
        onClose={() => setVersionsOpen(false)}
        templateId={id}
        version={saved.version}
        dirty={draft.dirty}
        onRestored={(tpl) => {
          draft.adopt(tpl);
          setVersionsOpen(false);
          notifySuccess(t("templates.restored", { version: tpl.version }));
        }}
      />
      <ConfirmLeaveModal
        opened={guard.pending !== null}
        onStay={guard.stay}
        onLeave={guard.leave}
        text={t("templates.leaveText")}
      />
    </Stack>
  );
}

interface PanelProps {
  /** The panel's heading */
  title: string;
  children: ReactNode;
}

function Panel({ title, children }: PanelProps) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
