import { Alert, List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { AnswerProblem } from "../../../shared/domain/questionnaires";

export interface ProblemListProps {
  /** What was refused, e.g. "The PDF was not imported: nothing was stored." */
  title: string;
  problems: AnswerProblem[];
  onClose: () => void;
}

/**
 * Why answers were refused, one line per problem naming the question, in the
 * UI's language only; main's English words only for a problem it cannot name.
 */
export function ProblemList({ title, problems, onClose }: ProblemListProps) {
  const { t, i18n } = useTranslation();
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
        {problems.map((p) => {
          const known = i18n.exists(`questionnaires.problems.${p.code}`);
          return (
            <List.Item key={`${p.code}-${p.questionId ?? ""}`}>
              {known ? (
                t(`questionnaires.problems.${p.code}`, {
                  question: p.question ?? "",
                  found: p.found ?? p.questionId ?? "",
                })
              ) : (
                // A problem this UI has no words for yet: main's English words.
                <Text span size="sm" lang="en">
                  {p.message}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
