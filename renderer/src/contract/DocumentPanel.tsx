import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  Loader,
  ScrollArea,
  Stack,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RenderedSection } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { base64ToBytes, downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { ConfirmLeaveModal } from "./ConfirmLeaveModal";
import { DocumentSectionEditor } from "./DocumentSectionEditor";
import { GenerateDocumentModal } from "./GenerateDocumentModal";
import { useDocument } from "./use-document";
import { useLeaveGuard } from "./use-leave-guard";

export interface DocumentPanelProps {
  /** The contract whose text this is */
  contractId: number;
}

/**
 * The contract's text: generated from a template, then edited section by
 * section, saved, and exported as a PDF.
 *
 * TODO(document): sections can be retitled and rewritten but not added,
 * removed or reordered here (the API takes any list); one editor per
 * section is fine for tens of sections, a contract with hundreds would
 * want them edited one at a time.
 */
export function DocumentPanel({ contractId }: DocumentPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const doc = useDocument(contractId);
  const [sections, setSections] = useState<RenderedSection[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [generating, setGenerating] = useState(false);
  const [missing, setMissing] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [tried, setTried] = useState(false);
  const [stale, setStale] = useState(false);
  const guard = useLeaveGuard(sections !== null);

  const document = doc.document;
  const shown = sections ?? document?.sections ?? [];
  const untitled = shown.findIndex((s) => !s.title.trim());

  const save = async () => {
    if (!document || !sections) return;
    setTried(true);
    if (untitled >= 0) return;
    // Optimistic: the edits count as saved at once, and come back if main refuses them.
    const edited = sections;
    setSaving(true);
    setSections(null);
    doc.set({ ...document, sections: edited });
    const r = await pacta.documents.save({
      contractId,
      sections: edited,
      expectedUpdatedAt: document.updatedAt,
    });
    setSaving(false);
    if (!r.ok) {
      doc.set(document);
      setSections((now) => now ?? edited);
      if (r.error.reason === "stale_update") return setStale(true);
      return showError(r.error);
    }
    // The editors keep the text typed since; only the stamp and the saved copy change.
    doc.set(r.value);
    setTried(false);
    notifySuccess(t("document.saved"));
  };

  const exportPdf = async () => {
    setExporting(true);
    const r = await pacta.documents.exportPdf({ contractId });
    setExporting(false);
    if (!r.ok) return showError(r.error);
    downloadFile(r.value.fileName, base64ToBytes(r.value.base64), MEDIA_TYPES.pdf);
    notifySuccess(t("document.exported", { count: r.value.pages }));
  };

  const reloadLatest = async () => {
    setStale(false);
    await doc.reload();
    // Fresh editors for the text main answered with; the local edits are dropped.
    setSections(null);
    setGeneration((g) => g + 1);
  };

  const editSection = (index: number, section: RenderedSection) =>
    setSections((now) => (now ?? shown).map((s, i) => (i === index ? section : s)));

  return (
    <Stack gap="md" data-testid="document-panel">
      {doc.error && <ApiErrorAlert error={doc.error} onRetry={() => void doc.reload()} />}
      {!doc.loaded && !doc.error && <Loader size="sm" aria-label={t("app.loading")} />}
      {stale && (
        <Alert color="orange" role="alert" title={t("document.staleTitle")}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t("document.staleText")}</Text>
            <Button size="xs" variant="light" color="orange" onClick={() => void reloadLatest()}>
              {t("templates.reloadLatest")}
            </Button>
          </Stack>
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert
          color="orange"
          title={t("document.missingTitle")}
          withCloseButton
          closeButtonLabel={t("app.close")}
          onClose={() => setMissing([])}
          data-testid="missing-fields"
        >
          <Text size="sm">{t("document.missingText")}</Text>
          <Group gap={4} mt={4}>
            {missing.map((key) => (
              <Badge key={key} color="orange" variant="light" tt="none">
                {key}
              </Badge>
            ))}
          </Group>
        </Alert>
      )}
      {doc.loaded && document === null && (
        <EmptyState py="md" align="left">
          <EmptyState.Title order={3}>{t("document.emptyTitle")}</EmptyState.Title>
          <EmptyState.Description>{t("document.emptyText")}</EmptyState.Description>
          <EmptyState.Actions>
            <Button onClick={() => setGenerating(true)}>
              {t("document.generateFromTemplate")}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {document && (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {document.templateName
                ? t("document.generatedFrom", {
                    name: document.templateName,
                    version: document.templateVersion ?? "?",
                    when: document.generatedAt ? format.timestamp(document.generatedAt) : "",
                  })
                : t("document.edited", { when: format.timestamp(document.updatedAt) })}
            </Text>
            <Group gap="sm">
              {sections !== null && (
                <Badge color="orange" variant="light" tt="none">
                  {t("templates.unsaved")}
                </Badge>
              )}
              <Button variant="default" onClick={() => setGenerating(true)}>
                {t("document.regenerate")}
              </Button>
              <Button variant="light" onClick={() => void exportPdf()} loading={exporting}>
                {t("document.exportPdf")}
              </Button>
              <Button onClick={() => void save()} loading={saving} disabled={sections === null}>
                {t("document.save")}
              </Button>
            </Group>
          </Group>
          {shown.length === 0 && <Text c="dimmed">{t("document.noSections")}</Text>}
          <ScrollArea.Autosize
            mah={720}
            type="auto"
            viewportProps={{ tabIndex: 0, role: "region", "aria-label": t("document.text") }}
          >
            <Stack gap="lg" pr="md">
              {shown.map((s, i) => (
                <DocumentSectionEditor
                  // Sections have no id; a new generation starts fresh editors.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  key={`${generation}-${i}`}
                  section={s}
                  number={i + 1}
                  onChange={(section) => editSection(i, section)}
                  titleError={tried && i === untitled ? t("document.titleRequired") : undefined}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </>
      )}
      <GenerateDocumentModal
        opened={generating}
        contractId={contractId}
        replaces={document !== null}
        onClose={() => setGenerating(false)}
        onGenerated={(generated, empty) => {
          setGenerating(false);
          setSections(null);
          setGeneration((g) => g + 1);
          doc.set(generated);
          setMissing(empty);
          notifySuccess(t("document.generated"));
        }}
      />
      <ConfirmLeaveModal
        opened={guard.pending !== null}
        onStay={guard.stay}
        onLeave={guard.leave}
        text={t("document.leaveText")}
      />
    </Stack>
  );
}
