import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { Questionnaire } from "../../../shared/domain/questionnaires";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFacets } from "../app/use-facets";
import { useFormat } from "../i18n/use-format";
import { useLanguage } from "../i18n/use-language";
import { QuestionEditor } from "./QuestionEditor";
import {
  contentOf,
  draftOf,
  emptyDraft,
  emptyQuestion,
  moved,
  type QuestionnaireDraft,
  triggerOf,
} from "./question-draft";

export interface QuestionnaireEditorModalProps {
  opened: boolean;
  /** The questionnaire to edit; null for a new one */
  questionnaire: Questionnaire | null;
  onClose: () => void;
  /** Called with what main saved */
  onSaved: (questionnaire: Questionnaire, created: boolean) => void;
}

/**
 * Defines a questionnaire: title, language, trigger and questions.
 *
 * TODO(questionnaires): a refused save shows main's words (English, with
 * the path of each problem such as content.questions.1.options) under the
 * general message, not a message per field beside it.
 */
export function QuestionnaireEditorModal({
  opened,
  questionnaire,
  onClose,
  onSaved,
}: QuestionnaireEditorModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const { facets } = useFacets();
  const [draft, setDraft] = useState<QuestionnaireDraft>(() => emptyDraft(language));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setDraft(questionnaire ? draftOf(questionnaire) : emptyDraft(language));
    setError(null);
  }, [opened, questionnaire, language]);

  const set = (patch: Partial<QuestionnaireDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setSaving(true);
    const content = contentOf(draft);
    const trigger = triggerOf(draft);
    const r = questionnaire
      ? await pacta.questionnaires.save({
          id: questionnaire.id,
          content,
          trigger,
          expectedVersion: questionnaire.currentVersion,
        })
      : await pacta.questionnaires.create({ content, trigger });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.value, questionnaire === null);
  };

  const stages = facets.stages.map((s) => ({
    value: s.key,
    label: format.stage(s.key, facets.stages),
  }));
  const title = questionnaire
    ? t("questionnaires.editor.editTitle", { title: questionnaire.content.title })
    : t("questionnaires.editor.newTitle");

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      <Stack gap="md">
        {error && (
          <ApiErrorAlert
            error={error}
            lead={error.reason === "stale_update" ? t("questionnaires.editor.stale") : undefined}
          />
        )}
        <TextInput
          label={t("questionnaires.editor.titleLabel")}
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          required
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label={t("questionnaires.editor.language")}
            data={(["fr", "en"] as const).map((l) => ({
              value: l,
              label: t(`templates.languages.${l}`),
            }))}
            value={draft.language}
            onChange={(v) => v && set({ language: v as "fr" | "en" })}
            allowDeselect={false}
          />
          <Select
            label={t("questionnaires.editor.triggerStage")}
            data={[{ value: "", label: t("questionnaires.editor.triggerNone") }, ...stages]}
            value={draft.triggerStage ?? ""}
            onChange={(v) => set({ triggerStage: v || null })}
            allowDeselect={false}
          />
          <TextInput
            label={t("questionnaires.editor.triggerRole")}
            description={t("questionnaires.editor.triggerRoleHelp")}
            value={draft.triggerRole}
            disabled={!draft.triggerStage}
            onChange={(e) => set({ triggerRole: e.currentTarget.value })}
          />
        </Group>
        <Textarea
          label={t("questionnaires.editor.introLabel")}
          value={draft.intro}
          onChange={(e) => set({ intro: e.currentTarget.value })}
          autosize
          minRows={2}
        />
        <Title order={3} size="h5">
          {t("questionnaires.editor.questionsTitle")}
        </Title>
        {questionnaire && (
          <Alert color="blue" variant="light">
            <Text size="sm">{t("questionnaires.editor.versionNote")}</Text>
          </Alert>
        )}
        {draft.questions.map((q, i) => (
          <QuestionEditor
            key={q.key}
            question={q}
            index={i}
            count={draft.questions.length}
            onChange={(next) =>
              set({ questions: draft.questions.map((x, j) => (j === i ? next : x)) })
            }
            onMove={(to) => set({ questions: moved(draft.questions, i, to) })}
            onRemove={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}
          />
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            onClick={() => set({ questions: [...draft.questions, emptyQuestion()] })}
          >
            {t("questionnaires.editor.add")}
          </Button>
          <Group>
            <Button variant="default" onClick={onClose}>
              {t("app.cancel")}
            </Button>
            <Button onClick={() => void save()} loading={saving}>
              {t("questionnaires.editor.save")}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
