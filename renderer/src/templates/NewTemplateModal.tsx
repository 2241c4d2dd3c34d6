import { Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import {
  TEMPLATE_LANGUAGES,
  type Template,
  type TemplateLanguage,
} from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";

export interface NewTemplateModalProps {
  /** Shown or not */
  opened: boolean;
  /** Called with the template main created */
  onCreated: (template: Template) => void;
  /** Closes without creating */
  onClose: () => void;
}

/** Creates a template from a name and a language, with one first section to fill in. */
export function NewTemplateModal({ opened, onCreated, onClose }: NewTemplateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("templates.newTitle")}>
      {opened && <NewTemplateForm onCreated={onCreated} onClose={onClose} />}
    </Modal>
  );
}

function NewTemplateForm({ onCreated, onClose }: Omit<NewTemplateModalProps, "opened">) {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [language, setLanguage] = useState<TemplateLanguage>("fr");
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    setTried(true);
    if (!name.trim()) return;
    setBusy(true);
    const r = await pacta.templates.create({
      content: {
        name: name.trim(),
        language,
        sections: [{ id: "s-1", title: t("templates.firstSection"), body: "" }],
      },
    });
    setBusy(false);
    if (r.ok) onCreated(r.value);
    else setError(r.error);
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        {error && <ApiErrorAlert error={error} />}
        <TextInput
          label={t("templates.name")}
          placeholder={t("templates.namePlaceholder")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={tried && !name.trim() ? t("templates.nameRequired") : undefined}
          required
          data-autofocus
        />
        <Select
          label={t("templates.language")}
          data={TEMPLATE_LANGUAGES.map((l) => ({ value: l, label: t(`templates.languages.${l}`) }))}
          value={language}
          onChange={(v) => setLanguage(v === "en" ? "en" : "fr")}
          allowDeselect={false}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("templates.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
