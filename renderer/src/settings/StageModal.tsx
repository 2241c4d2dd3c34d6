import { Button, Checkbox, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PipelineStage } from "../../../shared/api/lifecycle";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { MAX_DAYS } from "./settings-values";

/** What the modal edits: a stage, or a new one after another. */
export type StageEdit = { stage: PipelineStage } | { after: PipelineStage | null };

export interface StageModalProps {
  /** Open when set */
  edit: StageEdit | null;
  /** The stage names in the UI language, for titles */
  nameOf: (stage: PipelineStage) => string;
  /** Called with the stage main saved */
  onSaved: (stage: PipelineStage) => void;
  /** Called when the person gives up */
  onClose: () => void;
}

/** Adds a stage or edits one's names and settings. */
export function StageModal({ edit, nameOf, onSaved, onClose }: StageModalProps) {
  const { t } = useTranslation();
  let title = t("settings.pipeline.addTitle");
  if (edit && "stage" in edit)
    title = t("settings.pipeline.editTitle", { name: nameOf(edit.stage) });
  else if (edit?.after) title = t("settings.pipeline.addTitleAfter", { name: nameOf(edit.after) });
  return (
    <Modal opened={edit !== null} onClose={onClose} title={title}>
      {edit && <StageForm edit={edit} onSaved={onSaved} onClose={onClose} />}
    </Modal>
  );
}

interface StageFormProps {
  edit: StageEdit;
  onSaved: (stage: PipelineStage) => void;
  onClose: () => void;
}

function StageForm({ edit, onSaved, onClose }: StageFormProps) {
  const { t } = useTranslation();
  const stage = "stage" in edit ? edit.stage : null;
  const [fr, setFr] = useState(stage?.names.fr ?? "");
  const [en, setEn] = useState(stage?.names.en ?? "");
  const [role, setRole] = useState(stage?.responsibleRole ?? "");
  const [days, setDays] = useState<string | number>(stage?.defaultDays ?? "");
  const [required, setRequired] = useState(stage?.required ?? false);
  const [terminal, setTerminal] = useState(stage?.terminal ?? false);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const daysValue = days === "" ? null : Number(days);
  const daysBad =
    daysValue !== null && (!Number.isInteger(daysValue) || daysValue < 0 || daysValue > MAX_DAYS);
  const valid = fr.trim() !== "" && en.trim() !== "" && !daysBad;

  const submit = async () => {
    setTried(true);
    if (!valid) return;
    setBusy(true);
    const r = await pacta.lifecycle.saveStage({
      ...(stage ? { key: stage.key } : {}),
      names: { fr: fr.trim(), en: en.trim() },
      responsibleRole: role.trim() || null,
      defaultDays: daysValue,
      required,
      terminal,
      ...("after" in edit && edit.after ? { after: edit.after.key } : {}),
    });
    setBusy(false);
    if (r.ok) onSaved(r.value);
    else setError(r.error);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {error && <ApiErrorAlert error={error} />}
        <TextInput
          label={t("settings.pipeline.nameFr")}
          value={fr}
          onChange={(e) => setFr(e.currentTarget.value)}
          error={tried && !fr.trim() ? t("settings.pipeline.nameRequired") : undefined}
          required
          data-autofocus
        />
        <TextInput
          label={t("settings.pipeline.nameEn")}
          value={en}
          onChange={(e) => setEn(e.currentTarget.value)}
          error={tried && !en.trim() ? t("settings.pipeline.nameRequired") : undefined}
          required
        />
        <TextInput
          label={t("settings.pipeline.role")}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
        />
        <NumberInput
          label={t("settings.pipeline.defaultDays")}
          value={days}
          onChange={setDays}
          min={0}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          error={tried && daysBad ? t("settings.pipeline.daysInvalid") : undefined}
        />
        <Checkbox
          label={t("settings.pipeline.required")}
          checked={required}
          onChange={(e) => setRequired(e.currentTarget.checked)}
        />
        <Checkbox
          label={t("settings.pipeline.terminal")}
          checked={terminal}
          onChange={(e) => setTerminal(e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("settings.pipeline.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
