import { Alert, Button, Group, Input } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ImportMapping, importMappingSchema } from "../../../shared/domain/import-mapping";

export interface MappingFileProps {
  /** The mapping as set now, for saving */
  mapping: ImportMapping;
  /** Called with a mapping read from a file */
  onLoad: (mapping: ImportMapping) => void;
}

/** Loads a saved mapping (the JSON `pacta import --mapping` reads), or saves the current one. */
export function MappingFile({ mapping, onLoad }: MappingFileProps) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (cause) {
      setProblem(cause instanceof Error ? cause.message : String(cause));
      return;
    }
    const parsed = importMappingSchema.safeParse(data);
    if (parsed.success) onLoad(parsed.data);
    else setProblem(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  };

  const save = () => {
    const blob = new Blob([`${JSON.stringify(mapping, null, 2)}\n`], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "mapping.json";
    link.click();
    URL.revokeObjectURL(link.href);
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
      {problem && (
        <Alert color="red" role="alert" title={t("import.mappingFileInvalid")} w="100%">
          {problem}
        </Alert>
      )}
    </Group>
  );
}
