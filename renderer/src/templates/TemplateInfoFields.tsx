import { Group, Select, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TEMPLATE_LANGUAGES, type TemplateContent } from "../../../shared/domain/templates";

export interface TemplateInfoFieldsProps {
  content: TemplateContent;
  onChange: (update: (content: TemplateContent) => TemplateContent) => void;
  /** What to fix in the name, if anything */
  nameError?: string;
}

/** The template's name, language (of dates and amounts once rendered) and description. */
export function TemplateInfoFields({ content, onChange, nameError }: TemplateInfoFieldsProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="md">
      <TextInput
        label={t("templates.name")}
        value={content.name}
        onChange={(e) => {
          const name = e.currentTarget.value;
          onChange((c) => ({ ...c, name }));
        }}
        error={nameError}
        required
        w={360}
      />
      <Select
        label={t("templates.language")}
        description={t("templates.languageHint")}
        data={TEMPLATE_LANGUAGES.map((l) => ({ value: l, label: t(`templates.languages.${l}`) }))}
        value={content.language}
        onChange={(v) => onChange((c) => ({ ...c, language: v === "en" ? "en" : "fr" }))}
        allowDeselect={false}
        w={220}
      />
      <Textarea
        label={t("templates.description")}
        value={content.description}
        onChange={(e) => {
          const description = e.currentTarget.value;
          onChange((c) => ({ ...c, description }));
        }}
        autosize
        minRows={1}
        maxRows={4}
        style={{ flex: 1, minWidth: 260 }}
      />
    </Group>
  );
}
