import { Progress, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportJob } from "../../../shared/api/contract";
import { useFormat } from "../i18n/use-format";

export interface ProgressStepProps {
  /** The running import, or null before its first status */
  job: ImportJob | null;
}

/** Step 3: a progress bar with rows done out of all rows. */
export function ProgressStep({ job }: ProgressStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Stack gap="sm" maw={640}>
      <Progress value={percent} size="lg" animated aria-label={t("import.progressLabel")} />
      <Text size="sm" aria-live="polite" data-testid="import-progress">
        {t("import.progress", { done: format.count(done), total: format.count(total) })}
      </Text>
    </Stack>
  );
}
