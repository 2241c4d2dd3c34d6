import { Alert, Button, Stack, Stepper, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview } from "../../../shared/api/contract";
import type { ApiError } from "../../../shared/api/result";
import type { ImportMapping } from "../../../shared/domain/import-mapping";
import type { TextEncodingName } from "../../../shared/domain/text-encoding";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFacets } from "../app/use-facets";
import { FileStep } from "./FileStep";
import { type ImportSource, withDefaultCurrency } from "./import-source";
import { MappingStep } from "./MappingStep";
import { ProgressStep } from "./ProgressStep";
import { ReportStep } from "./ReportStep";
import { useImportJob } from "./use-import-job";

interface Picked {
  source: ImportSource;
  preview: ImportPreview;
  encoding: TextEncodingName;
}

/** The import wizard: file → mapping with preview → progress → report. */
export function ImportPage() {
  const { t } = useTranslation();
  const { refresh } = useFacets();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const { job, error: jobError } = useImportJob(jobId);
  const finished = job !== null && job.state !== "running";

  useEffect(() => {
    if (job?.state === "done" && !job.report?.dryRun) refresh();
  }, [job?.state, job?.report?.dryRun, refresh]);

  const reset = () => {
    setPicked(null);
    setMapping(null);
    setJobId(null);
    setStartError(null);
  };

  const start = async () => {
    if (!picked || !mapping) return;
    setStarting(true);
    setStartError(null);
    const r = await pacta.imports.start({ ...picked.source, mapping, dryRun });
    setStarting(false);
    if (r.ok) setJobId(r.value.jobId);
    else setStartError(r.error);
  };

  const step = !picked || !mapping ? 0 : jobId === null ? 1 : finished ? 3 : 2;

  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} size="h2">
        {t("import.title")}
      </Title>
      <Stepper active={step} allowNextStepsSelect={false}>
        <Stepper.Step label={t("import.stepFile")} description={t("import.stepFileText")}>
          <FileStep
            onPreview={(source, preview, encoding) => {
              setPicked({ source, preview, encoding });
              setMapping(withDefaultCurrency(preview.suggestedMapping));
            }}
          />
        </Stepper.Step>
        <Stepper.Step label={t("import.stepMapping")} description={t("import.stepMappingText")}>
          {picked && mapping && (
            <MappingStep
              source={picked.source}
              firstPreview={picked.preview}
              encoding={picked.encoding}
              mapping={mapping}
              onMappingChange={setMapping}
              dryRun={dryRun}
              onDryRunChange={setDryRun}
              onBack={reset}
              onStart={() => void start()}
              starting={starting}
              startError={startError}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t("import.stepImport")} description={t("import.stepImportText")}>
          {jobError ? (
            <ApiErrorAlert error={jobError} />
          ) : (
            <ProgressStep job={job} rowCount={picked?.preview.rowCount ?? 0} />
          )}
        </Stepper.Step>
        <Stepper.Step label={t("import.stepReport")} description={t("import.stepReportText")}>
          {job?.state === "failed" && (
            <Stack gap="md" align="flex-start">
              <Alert color="red" title={t("import.failed")} role="alert">
                {job.error}
              </Alert>
              <Button variant="default" onClick={reset}>
                {t("import.another")}
              </Button>
            </Stack>
          )}
          {job?.report && (
            <Stack gap="lg">
              {/* A short file ends before the first status: the full bar says it all ran. */}
              <ProgressStep job={job} rowCount={picked?.preview.rowCount ?? 0} />
              <ReportStep report={job.report} onAnother={reset} />
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}
