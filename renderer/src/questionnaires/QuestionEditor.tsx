import {
  ActionIcon,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QUESTION_KINDS, type QuestionKind } from "../../../shared/domain/questionnaires";
import type { QuestionDraft } from "./question-draft";

export interface QuestionEditorProps {
  /** The question as edited */
  question: QuestionDraft;
  /** Its place in the questionnaire, from 0 */
  index: number;
  /** How many questions there are (to disable moving past the ends) */
  count: number;
  onChange: (question: QuestionDraft) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One question of the editor: kind, wording, required flag, options of a choice. */
export function QuestionEditor({
  question,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: QuestionEditorProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const set = (patch: Partial<QuestionDraft>) => onChange({ ...question, ...patch });
  return (
    <Paper
      withBorder
      p="sm"
      component="fieldset"
      aria-label={t("questionnaires.editor.question", { n })}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t("questionnaires.editor.question", { n })}
            {question.id ? ` (${question.id})` : ""}
          </Text>
          <Group gap={4}>
            <ActionIcon
              variant="subtle"
              aria-label={t("questionnaires.editor.up", { n })}
              disabled={index === 0}
              onClick={() => onMove(index - 1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t("questionnaires.editor.down", { n })}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1)}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("questionnaires.editor.remove", { n })}
              disabled={count === 1}
              onClick={onRemove}
            >
              ×
            </ActionIcon>
          </Group>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label={t("questionnaires.editor.text")}
            value={question.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
            required
          />
          <Select
            label={t("questionnaires.editor.kind")}
            data={QUESTION_KINDS.map((k) => ({
              value: k,
              label: t(`questionnaires.editor.kinds.${k}`),
            }))}
            value={question.kind}
            onChange={(v) => v && set({ kind: v as QuestionKind })}
            allowDeselect={false}
          />
        </Group>
        {question.kind === "choice" && (
          <Textarea
            label={t("questionnaires.editor.options")}
            value={question.options}
            onChange={(e) => set({ options: e.currentTarget.value })}
            autosize
            minRows={3}
          />
        )}
        <Checkbox
          label={t("questionnaires.editor.required")}
          checked={question.required}
          onChange={(e) => set({ required: e.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
