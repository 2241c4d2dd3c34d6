import { Alert, Button, Group, Input } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ImportMapping, importMappingSchema } from "../../../shared/domain/import-mapping";
import { downloadFile, MEDIA_TYPES } from "../app/download";

export interface MappingFileProps {
  /** The mapping as set now, for saving */
  mapping: ImportMapping;
  /** The file's column headers; a loaded mapping may name only these */
  headers: readonly string[];
  /** Called with a mapping read from a file, without columns the file lacks */
  onLoad: (mapping: ImportMapping) => void;
}

type Columns = ImportMapping["columns"];

/** The entries naming a column the file has, and the names of those it lacks. */
function splitColumns(columns: Columns, headers: readonly string[]) {
  const kept: Columns = {};
  const absent: string[] = [];
  for (const [field, column] of Object.entries(columns) as [keyof Columns, string][]) {
    if (headers.includes(column)) kept[field] = column;
    else absent.push(column);
  }
  return { columns: kept, absent };
}

/** Loads a saved mapping (the JSON `pacta import --mapping` reads), or saves the current one. */
export function MappingFile({ mapping, headers, onLoad }: MappingFileProps) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);

  const load = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setMissing([]);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
      return;
    }
    const parsed = importMappingSchema.safeParse(data);
    if (parsed.success) {
      const { columns, absent } = splitColumns(parsed.data.columns, headers);
      setMissing(absent);
      onLoad({ ...parsed.data, columns });
    } else
      setProblem(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  };

  const save = () => {
    downloadFile("mapping.json", `${JSON.stringify(mapping, null, 2)}\n`, MEDIA_TYPES.json);
  };

  return (
    <Group align="flex-end" gap="md">
      <Input.Wrapper label={t("import.mappingFile")} id={id}>
        <Input
          id={id}
          type="file"
          accept=".json,application/json"
          onChange={(event) => void load(event.currentTarget.files?.[0])}
          pt={4}
        />
      </Input.Wrapper>
      <Button variant="default" onClick={save}>
        {t("import.saveMapping")}
      </Button>
      {missing.length > 0 && (
        <Alert color="red" role="alert" title={t("import.mappingMissingTitle")} w="100%">
          {t("import.mappingMissingColumns", {
            columns: missing.join(", "),
          })}
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert" title={t("import.mappingFileInvalid")} w="100%">
          {problem}
        </Alert>
      )}
    </Group>
  );
}
