import { Button, Checkbox, Group, Stack, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PortalUserOption, TaskDecision, WorkflowTaskView } from "../../../shared/api/bizproc";
import { pacta } from "../api/client";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { announceSyncChange } from "../sync/use-sync-status";
import { type FormValue, isEmptyValue, ValueInput } from "./ValueInput";

export interface AnswerFormProps {
  /** The task to answer */
  task: WorkflowTaskView;
  /** The portal's users, for user fields */
  users: PortalUserOption[];
  /** Called once the answer is saved (sent or waiting) */
  onAnswered: () => void;
}

const BUTTONS: Record<WorkflowTaskView["type"], TaskDecision[]> = {
  approve: ["approve", "reject"],
  review: ["answer"],
  request: ["answer"],
  requestOptional: ["answer", "cancel"],
  other: [],
};

/** The answer to one task: comment, the fields it asks for, and its decisions. */
export function AnswerForm({ task, users, onAnswered }: AnswerFormProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [comment, setComment] = useState("");
  const [values, setValues] = useState<Record<string, FormValue>>({});
  const [attach, setAttach] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<TaskDecision | null>(null);
  const id = `task-${task.id}`;

  const needsComment = (d: TaskDecision) =>
    task.commentRequired === "Y" ||
    (task.commentRequired === "YA" && d === "approve") ||
    (task.commentRequired === "YR" && (d === "reject" || d === "cancel"));

  const submit = async (decision: TaskDecision) => {
    const found: Record<string, string> = {};
    if (needsComment(decision) && comment.trim() === "")
      found.comment = t("bizproc.commentMissing");
    if (decision === "answer") {
      for (const f of task.fields) {
        const filled = f.type === "file" ? attach.includes(f.id) : !isEmptyValue(values[f.id]);
        if (f.required && !filled) found[f.id] = t("bizproc.fieldRequired");
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const fields: Record<string, string | number | boolean | null> = {};
    if (decision === "answer") {
      for (const f of task.fields) {
        const v = values[f.id];
        if (f.type !== "file" && !isEmptyValue(v)) fields[f.id] = v ?? null;
      }
    }
    setBusy(decision);
    const r = await pacta.bizproc.answer({
      taskId: task.id,
      decision,
      comment,
      fields,
      attachPdf: decision === "answer" ? attach : [],
    });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    const state = r.value.state;
    if (state === "sent") notifySuccess(t("bizproc.answeredSent"));
    else if (state === "pending") notifySuccess(t("bizproc.answeredPending"));
    // The header counts the answers that wait for the portal.
    announceSyncChange();
    onAnswered();
  };

  const label = (d: TaskDecision) =>
    d === "approve"
      ? t("bizproc.approve")
      : d === "reject"
        ? t("bizproc.reject")
        : d === "cancel"
          ? t("bizproc.decline")
          : t("bizproc.answer");
  const commentRequired = BUTTONS[task.type].some(needsComment);

  return (
    <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={task.name}>
      <Stack gap="sm">
        {task.fields.map((f) =>
          f.type === "file" ? (
            <Checkbox
              key={f.id}
              id={`${id}-${f.id}`}
              label={`${f.name} — ${t("bizproc.attachPdf")}`}
              description={t("bizproc.attachPdfHint")}
              checked={attach.includes(f.id)}
              error={errors[f.id]}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setAttach((a) => (on ? [...a, f.id] : a.filter((x) => x !== f.id)));
              }}
            />
          ) : (
            <ValueInput
              key={f.id}
              type={f.type}
              label={f.name}
              description={f.description || undefined}
              required={f.required}
              options={f.options}
              users={users}
              value={values[f.id] ?? null}
              error={errors[f.id]}
              onChange={(v) => setValues((all) => ({ ...all, [f.id]: v }))}
            />
          ),
        )}
        <Textarea
          label={commentRequired ? t("bizproc.commentRequired") : t("bizproc.comment")}
          autosize
          minRows={2}
          value={comment}
          error={errors.comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        <Group gap="sm">
          {BUTTONS[task.type].map((d) => (
            <Button
              key={d}
              variant={d === "reject" || d === "cancel" ? "default" : "filled"}
              color={d === "reject" ? "red" : undefined}
              loading={busy === d}
              disabled={busy !== null && busy !== d}
              onClick={() => void submit(d)}
            >
              {label(d)}
            </Button>
          ))}
        </Group>
      </Stack>
    </form>
  );
}
