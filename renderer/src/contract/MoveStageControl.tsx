import { Button, Group, List, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Timeline } from "../../../shared/api/lifecycle";
import type { StageDefinition } from "../../../shared/domain/stages";
import { pacta } from "../api/client";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";

export interface MoveStageControlProps {
  /** The contract to move */
  contractId: number;
  /** The stage it is at now, left out of the choices */
  current: string;
  /** The pipeline's stages, for their names */
  stages: readonly StageDefinition[];
  /** The stages that can be entered (retired ones left out); `stages` if absent */
  choices?: readonly StageDefinition[];
  /** Called with the timeline after a move */
  onMoved: (timeline: Timeline) => void;
}

/** Picks a new stage and an optional comment; asks before skipping required stages. */
export function MoveStageControl(props: MoveStageControlProps) {
  const { contractId, current, stages, choices, onMoved } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const [to, setTo] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [skipped, setSkipped] = useState<string[] | null>(null);

  const options = (choices ?? stages)
    .filter((s) => s.key !== current)
    .map((s) => ({ value: s.key, label: format.stage(s.key, stages) }));

  const move = async (confirmSkip: boolean) => {
    if (!to) return;
    setBusy(true);
    const r = await pacta.lifecycle.move({ contractId, to, comment, confirmSkip });
    setBusy(false);
    if (r.ok) {
      setSkipped(null);
      setTo(null);
      setComment("");
      onMoved(r.value.timeline);
      notifySuccess(t("lifecycle.moved"));
      return;
    }
    if (r.error.reason === "confirmation_required") {
      const keys = (r.error.issues ?? [])
        .filter((i) => i.path[0] === "skipped")
        .map((i) => String(i.path[1]));
      setSkipped(keys);
      return;
    }
    showError(r.error);
  };

  return (
    <>
      <Group align="flex-end" gap="sm">
        <Select label={t("lifecycle.moveTo")} data={options} value={to} onChange={setTo} w={240} />
        <TextInput
          label={t("lifecycle.comment")}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          w={300}
        />
        <Button onClick={() => void move(false)} disabled={!to} loading={busy && !skipped}>
          {t("lifecycle.move")}
        </Button>
      </Group>
      <Modal
        opened={skipped !== null}
        onClose={() => setSkipped(null)}
        title={t("lifecycle.confirmTitle")}
      >
        <Stack gap="md">
          <Text size="sm">{t("lifecycle.confirmText")}</Text>
          <List size="sm">
            {(skipped ?? []).map((key) => (
              <List.Item key={key}>{format.stage(key, stages)}</List.Item>
            ))}
          </List>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSkipped(null)}>
              {t("app.cancel")}
            </Button>
            <Button onClick={() => void move(true)} loading={busy}>
              {t("lifecycle.confirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
