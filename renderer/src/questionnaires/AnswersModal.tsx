import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { AnswerProblem, AttachmentDetail } from "../../../shared/domain/questionnaires";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { AnswerInput } from "./AnswerInput";
import { ProblemList } from "./ProblemList";

export interface AnswersModalProps {
  /** The attachment answered; null when closed */
  attachment: AttachmentDetail | null;
  /** All answers by hand, or a correction of some */
  mode: "manual" | "correction";
  onClose: () => void;
  onSaved: (attachment: AttachmentDetail) => void;
}

/** Answers typed by hand, or corrected: each question with the input its kind calls for. */
export function AnswersModal({ attachment, mode, onClose, onSaved }: AnswersModalProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!attachment) return;
    const current = new Map(attachment.answers.map((a) => [a.questionId, a.value ?? ""]));
    setValues(Object.fromEntries(attachment.questions.map((q) => [q.id, current.get(q.id) ?? ""])));
    setName(attachment.party.name);
    setEmail(attachment.party.email ?? "");
    setProblems([]);
    setError(null);
  }, [attachment]);

  if (!attachment) return null;

  const save = async () => {
    const before = new Map(attachment.answers.map((a) => [a.questionId, a.value ?? ""]));
    const sent =
      mode === "correction"
        ? Object.fromEntries(Object.entries(values).filter(([k, v]) => (before.get(k) ?? "") !== v))
        : values;
    setSaving(true);
    const r = await pacta.questionnaires.answer({
      attachmentId: attachment.id,
      mode,
      values: sent,
      ...(mode === "manual" ? { respondentName: name, respondentEmail: email } : {}),
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    if (!r.value.stored) return setProblems(r.value.problems);
    onSaved(r.value.attachment);
  };

  const title =
    mode === "manual"
      ? t("questionnaires.answers.manualTitle")
      : t("questionnaires.answers.correctionTitle");
  return (
    <Modal opened onClose={onClose} title={`${title} — ${attachment.title}`} size="lg">
      <Stack gap="md">
        {error && <ApiErrorAlert error={error} />}
        {problems.length > 0 && (
          <ProblemList
            title={t("questionnaires.panel.refusedAnswers")}
            problems={problems}
            onClose={() => setProblems([])}
          />
        )}
        {mode === "correction" ? (
          <Text size="sm" c="dimmed">
            {t("questionnaires.answers.correctionHelp")}
          </Text>
        ) : (
          <Group grow>
            <TextInput
              label={t("questionnaires.answers.respondentName")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <TextInput
              label={t("questionnaires.answers.respondentEmail")}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
          </Group>
        )}
        {attachment.questions.map((q, i) => (
          <AnswerInput
            key={q.id}
            question={q}
            number={i + 1}
            value={values[q.id] ?? ""}
            onChange={(v) => setValues((now) => ({ ...now, [q.id]: v }))}
          />
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t("questionnaires.answers.save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
