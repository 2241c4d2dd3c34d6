import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AnswerProblem } from "../../../shared/domain/questionnaires";

export interface ProblemListProps {
  /** What was refused, e.g. "The PDF was not imported: nothing was stored." */
  title: string;
  problems: AnswerProblem[];
  onClose: () => void;
}

/** Why answers were refused, one line per problem naming the question, in the UI's language. */
export function ProblemList({ title, problems, onClose }: ProblemListProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      role="alert"
      title={title}
      withCloseButton
      closeButtonLabel={t("app.close")}
      onClose={onClose}
      data-testid="questionnaire-problems"
    >
      <List size="sm" spacing={4}>
        {problems.map((p) => (
          <List.Item key={`${p.code}-${p.questionId ?? ""}`}>
            {t(`questionnaires.problems.${p.code}`, {
              question: p.question ?? "",
              found: p.found ?? p.questionId ?? "",
            })}
            <Text size="xs" c="dimmed" lang="en">
              {p.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
