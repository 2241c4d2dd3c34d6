import { Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportJob } from "../../../shared/api/contract";
import { useFormat } from "../i18n/use-format";

export interface ProgressStepProps {
  /** The running (or finished) import, or null before its first status */
  job: ImportJob | null;
  /** The file's row count from the preview, shown until the job reports its own */
  rowCount: number;
}

/** Step 3: a progress bar with rows done out of all rows; kept full above the report. */
export function ProgressStep({ job, rowCount }: ProgressStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = job && job.total > 0 ? job.total : rowCount;
  const done = job?.state === "done" ? total : Math.min(job?.done ?? 0, total);
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const running = job === null || job.state === "running";
  return (
    <Stack gap="sm" maw={640}>
      <Progress
        value={percent}
        size="lg"
        animated={running}
        aria-label={t("import.progressLabel")}
      />
      <Text size="sm" aria-live="polite" data-testid="import-progress">
        {t("import.progress", { done: format.count(done), total: format.count(total) })}
      </Text>
    </Stack>
  );
}
