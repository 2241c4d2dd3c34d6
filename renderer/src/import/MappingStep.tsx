import { Button, Checkbox, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../shared/api/contract";
import type { ApiError } from "../../../shared/api/result";
import type { ImportMapping } from "../../../shared/domain/import-mapping";
import type { TextEncodingName } from "../../../shared/domain/text-encoding";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFormat } from "../i18n/use-format";
import { type ImportSource, withDefaultCurrency } from "./import-source";
import { MappingFields } from "./MappingFields";
import { MappingFile } from "./MappingFile";
import { MappingOptions } from "./MappingOptions";
import { SampleTable } from "./SampleTable";
import { useImportPreview } from "./use-import-preview";

export interface MappingStepProps {
  /** The picked file */
  source: ImportSource;
  /** Main's first reading of the file */
  firstPreview: ImportPreview;
  /** How the file's bytes were read */
  encoding: TextEncodingName;
  /** The mapping as set now */
  mapping: ImportMapping;
  /** Called with the changed mapping */
  onMappingChange: (mapping: ImportMapping) => void;
  /** Dry run: import without saving */
  dryRun: boolean;
  /** Called when the dry-run box changes */
  onDryRunChange: (dryRun: boolean) => void;
  /** Goes back to pick another file */
  onBack: () => void;
  /** Starts the import with this mapping */
  onStart: () => void;
  /** True while the import is being started */
  starting: boolean;
  /** Why starting the import failed */
  startError: ApiError | null;
}

const ENCODING_NAMES: Record<TextEncodingName, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
  "windows-1252": "Windows-1252",
};

/** Step 2: map columns to contract fields and set formats, with a live preview. */
export function MappingStep(props: MappingStepProps) {
  const { source, firstPreview, mapping, onMappingChange, dryRun, onDryRunChange } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const { preview, refreshing, error } = useImportPreview(source, mapping, firstPreview);
  return (
    <Stack gap="lg">
      <Text size="sm" fw={500} data-testid="import-file-summary">
        {t("import.fileSummary", {
          name: source.fileName,
          rows: format.count(preview.rowCount),
          format: preview.format.toUpperCase(),
        })}
        {props.encoding !== "utf-8" &&
          ` · ${t("import.fileEncoding", { encoding: ENCODING_NAMES[props.encoding] })}`}
      </Text>
      <Text size="sm">{t("import.mappingIntro")}</Text>
      <MappingFile
        mapping={mapping}
        headers={preview.headers}
        onLoad={(loaded) => onMappingChange(withDefaultCurrency(loaded))}
      />
      <MappingFields headers={preview.headers} mapping={mapping} onChange={onMappingChange} />
      <Title order={2} size="h4">
        {t("import.formats")}
      </Title>
      <MappingOptions mapping={mapping} onChange={onMappingChange} csv={preview.format === "csv"} />
      <Group justify="space-between" align="center">
        <Title order={2} size="h4">
          {t("import.sampleTitle")}
        </Title>
        {refreshing && (
          <Group gap="xs" aria-live="polite">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t("import.sampleRefreshing")}
            </Text>
          </Group>
        )}
      </Group>
      {error && <ApiErrorAlert error={error} />}
      <SampleTable rows={preview.sample} />
      <Checkbox
        label={t("import.dryRun")}
        checked={dryRun}
        onChange={(event) => onDryRunChange(event.currentTarget.checked)}
      />
      {props.startError && <ApiErrorAlert error={props.startError} />}
      <Group>
        <Button variant="default" onClick={props.onBack}>
          {t("import.back")}
        </Button>
        <Button
          onClick={props.onStart}
          loading={props.starting}
          disabled={refreshing || !mapping.columns.title}
        >
          {dryRun ? t("import.startDryRun") : t("import.start")}
        </Button>
      </Group>
    </Stack>
  );
}
