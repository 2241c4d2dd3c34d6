import { Group, Radio, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Question } from "../../../shared/domain/questionnaires";

export interface AnswerInputProps {
  /** The question answered */
  question: Question;
  /** Its number in the questionnaire */
  number: number;
  /** The answer as typed or picked; "" when none */
  value: string;
  onChange: (value: string) => void;
}

/** One answer, with the input its kind calls for. */
export function AnswerInput({ question: q, number, value, onChange }: AnswerInputProps) {
  const { t } = useTranslation();
  const label = `${number}. ${q.text}`;
  switch (q.kind) {
    case "text":
      return (
        <Textarea
          label={label}
          required={q.required}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
        />
      );
    case "date":
      return (
        <TextInput
          label={label}
          required={q.required}
          placeholder={t("questionnaires.answers.datePlaceholder")}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          maw={220}
        />
      );
    case "choice":
    case "scale":
    case "yesno": {
      const options =
        q.kind === "choice"
          ? q.options.map((o) => ({ value: o, label: o }))
          : q.kind === "scale"
            ? ["1", "2", "3", "4", "5"].map((n) => ({ value: n, label: n }))
            : [
                { value: "yes", label: t("questionnaires.values.yes") },
                { value: "no", label: t("questionnaires.values.no") },
              ];
      return (
        <Radio.Group label={label} required={q.required} value={value} onChange={onChange}>
          <Group gap="md" mt={4}>
            {!q.required && <Radio value="" label={t("questionnaires.answers.none")} />}
            {options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </Group>
        </Radio.Group>
      );
    }
  }
}
