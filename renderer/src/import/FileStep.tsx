import { Alert, Group, Input, Loader, Stack, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../shared/api/contract";
import type { ApiError } from "../../../shared/api/result";
import { decodeText, type TextEncodingName } from "../../../shared/domain/text-encoding";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFormat } from "../i18n/use-format";
import type { ImportSource } from "./import-source";

export interface FileStepProps {
  /** Called with the file's text, its first preview, and the encoding it was read in */
  onPreview: (source: ImportSource, preview: ImportPreview, encoding: TextEncodingName) => void;
}

/** Larger files go through the CLI, which reads them as a stream. */
const MAX_BYTES = 100 * 1024 * 1024;

/** Step 1: pick a CSV or JSON file; main reads it and suggests a mapping. */
export function FileStep({ onPreview }: FileStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tooBig, setTooBig] = useState<number | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setTooBig(null);
    if (file.size > MAX_BYTES) {
      setTooBig(file.size);
      return;
    }
    setReading(true);
    try {
      // Excel on Windows still writes Windows-1252: read bytes, not UTF-8 text.
      const { text, encoding } = decodeText(new Uint8Array(await file.arrayBuffer()));
      const source = { fileName: file.name, content: text };
      const r = await pacta.imports.preview(source);
      if (r.ok) onPreview(source, r.value, encoding);
      else setError(r.error);
    } catch (cause) {
      setError({
        reason: "import_unreadable",
        detail: cause instanceof Error ? cause.message : String(cause),
      });
    } finally {
      setReading(false);
    }
  };

  return (
    <Stack gap="md" maw={640}>
      <Input.Wrapper label={t("import.fileLabel")} description={t("import.fileHelp")} id={id}>
        <Input
          id={id}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          disabled={reading}
          onChange={(event) => void pick(event.currentTarget.files?.[0])}
          pt={4}
        />
      </Input.Wrapper>
      {reading && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t("import.reading")}</Text>
        </Group>
      )}
      {tooBig !== null && (
        <Alert color="red" role="alert">
          {t("import.fileTooBig", { size: format.count(Math.ceil(tooBig / 1024 / 1024)) })}
        </Alert>
      )}
      {error && <ApiErrorAlert error={error} />}
    </Stack>
  );
}
