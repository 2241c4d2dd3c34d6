import { Button, FileButton, Group, Loader, Select, Stack, Text } from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Party } from "../../../shared/domain/contract";
import {
  type AnswerProblem,
  type AttachmentDetail,
  PDF_MAX_BYTES,
} from "../../../shared/domain/questionnaires";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { base64ToBytes, downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useLoad } from "../settings/use-load";
import { AnswersModal } from "./AnswersModal";
import { AttachmentCard } from "./AttachmentCard";
import { bytesToBase64 } from "./file-base64";
import { ProblemList } from "./ProblemList";

export interface ContractQuestionnairesPanelProps {
  contractId: number;
  /** The contract's parties, to hand a questionnaire to one */
  parties: readonly Party[];
  /** The contract's last change: a stage move may have attached questionnaires */
  updatedAt: string;
}

/**
 * The questionnaires of a contract: hand one to a party, download its
 * fillable PDF, import it filled, enter or correct answers by hand.
 */
export function ContractQuestionnairesPanel({
  contractId,
  parties,
  updatedAt,
}: ContractQuestionnairesPanelProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new stamp loads again.
  const loadAttachments = useCallback(
    () => pacta.questionnaires.forContract({ contractId }),
    [contractId, updatedAt],
  );
  const attachments = useLoad(loadAttachments);
  const loadList = useCallback(() => pacta.questionnaires.list({}), []);
  const questionnaires = useLoad(loadList);
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const [party, setParty] = useState<string | null>(null);
  const [attaching, setAttaching] = useState(false);
  const [importing, setImporting] = useState(false);
  const [downloading, setDownloading] = useState<number | null>(null);
  const [problems, setProblems] = useState<AnswerProblem[]>([]);
  const [answering, setAnswering] = useState<{
    attachment: AttachmentDetail;
    mode: "manual" | "correction";
  } | null>(null);

  const attach = async () => {
    if (!questionnaireId || party === null) return;
    setAttaching(true);
    const r = await pacta.questionnaires.attach({
      questionnaireId: Number(questionnaireId),
      contractId,
      partyIndex: Number(party),
    });
    setAttaching(false);
    if (!r.ok) return showError(r.error);
    notifySuccess(t("questionnaires.panel.attached", { party: r.value.party.name }));
    attachments.reload();
  };

  const download = async (a: AttachmentDetail) => {
    setDownloading(a.id);
    const r = await pacta.questionnaires.pdf({ attachmentId: a.id });
    setDownloading(null);
    if (!r.ok) return showError(r.error);
    downloadFile(r.value.fileName, base64ToBytes(r.value.base64), MEDIA_TYPES.pdf);
    notifySuccess(t("questionnaires.panel.downloaded"));
  };

  const importPdf = async (file: File | null) => {
    if (!file) return;
    setProblems([]);
    if (file.size > PDF_MAX_BYTES) {
      const message = `${file.name}: ${file.size} bytes`;
      const problem = { code: "too_big", questionId: null, question: null, found: null, message };
      return setProblems([problem as AnswerProblem]);
    }
    setImporting(true);
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    const r = await pacta.questionnaires.importPdf({ fileName: file.name, base64 });
    setImporting(false);
    if (!r.ok) return showError(r.error);
    if (!r.value.stored) return setProblems(r.value.problems);
    notifySuccess(t("questionnaires.panel.imported", { party: r.value.attachment.party.name }));
    attachments.reload();
    questionnaires.reload();
  };

  const remove = async (a: AttachmentDetail) => {
    const r = await pacta.questionnaires.detach({ id: a.id });
    if (!r.ok) return showError(r.error);
    notifySuccess(t("questionnaires.panel.removed"));
    attachments.reload();
  };

  const list = attachments.value ?? [];
  const choices = (questionnaires.value ?? []).map((q) => ({
    value: String(q.id),
    label: q.title,
  }));
  return (
    <Stack gap="md" data-testid="questionnaires-panel">
      {attachments.error && (
        <ApiErrorAlert error={attachments.error} onRetry={attachments.reload} />
      )}
      {!attachments.value && !attachments.error && (
        <Loader size="sm" aria-label={t("app.loading")} />
      )}
      {problems.length > 0 && (
        <ProblemList
          title={t("questionnaires.panel.refused")}
          problems={problems}
          onClose={() => setProblems([])}
        />
      )}
      {attachments.value && list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("questionnaires.panel.empty")}
        </Text>
      )}
      {list.map((a) => (
        <AttachmentCard
          key={a.id}
          attachment={a}
          downloading={downloading === a.id}
          onDownload={() => void download(a)}
          onAnswer={(mode) => setAnswering({ attachment: a, mode })}
          onRemove={() => void remove(a)}
        />
      ))}
      <Group align="flex-end" gap="sm">
        <Select
          label={t("questionnaires.panel.questionnaire")}
          data={choices}
          value={questionnaireId}
          onChange={setQuestionnaireId}
          placeholder={
            choices.length === 0 ? t("questionnaires.panel.noQuestionnaires") : undefined
          }
          disabled={choices.length === 0}
          w={280}
        />
        <Select
          label={t("questionnaires.panel.party")}
          data={parties.map((p, i) => ({ value: String(i), label: p.name }))}
          value={party}
          onChange={setParty}
          placeholder={parties.length === 0 ? t("questionnaires.panel.noParties") : undefined}
          disabled={parties.length === 0}
          w={240}
        />
        <Button
          onClick={() => void attach()}
          loading={attaching}
          disabled={!questionnaireId || party === null}
        >
          {t("questionnaires.panel.attach")}
        </Button>
        <FileButton onChange={(f) => void importPdf(f)} accept="application/pdf,.pdf">
          {(props) => (
            <Button {...props} variant="light" loading={importing}>
              {t("questionnaires.panel.importPdf")}
            </Button>
          )}
        </FileButton>
      </Group>
      {answering && (
        <AnswersModal
          attachment={answering.attachment}
          mode={answering.mode}
          onClose={() => setAnswering(null)}
          onSaved={() => {
            setAnswering(null);
            notifySuccess(t("questionnaires.answers.saved"));
            attachments.reload();
          }}
        />
      )}
    </Stack>
  );
}
