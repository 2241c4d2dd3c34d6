import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { TemplateProblem } from "../../../shared/domain/templates";

export interface ProblemTextProps {
  /** The problem the check found */
  problem: TemplateProblem;
}

/**
 * A template problem in the reader's language: where, what kind and what to
 * do. The check's own words (English, with the field or token it saw)
 * follow as a detail.
 *
 * TODO(templates): problems carry a kind, not a code per case with its
 * parameters, so the detail stays in English; codes would let every case
 * be said in French.
 */
export function ProblemText({ problem }: ProblemTextProps) {
  const { t } = useTranslation();
  const at =
    problem.line !== null
      ? t("templates.problemAt", { line: problem.line, column: problem.column ?? 1 })
      : "";
  return (
    <>
      {at}
      <Text span fw={600} inherit>
        {t(`templates.problemKinds.${problem.kind}`)}
      </Text>
      {t("templates.problemSep")}
      {t(`templates.problemHelp.${problem.kind}`)}
      <Text size="xs" c="dimmed" lang="en">
        {t("templates.problemDetail", { message: problem.message })}
      </Text>
    </>
  );
}
