import { Group, Input, Loader, Stack, Text } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../shared/api/contract";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import type { ImportSource } from "./import-source";

export interface FileStepProps {
  /** Called with the file's text and its first preview */
  onPreview: (source: ImportSource, preview: ImportPreview) => void;
}

/** Step 1: pick a CSV or JSON file; main reads it and suggests a mapping. */
export function FileStep({ onPreview }: FileStepProps) {
  const { t } = useTranslation();
  const id = useId();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReading(true);
    try {
      const source = { fileName: file.name, content: await file.text() };
      const r = await pacta.imports.preview(source);
      if (r.ok) onPreview(source, r.value);
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
      {error && <ApiErrorAlert error={error} />}
    </Stack>
  );
}
