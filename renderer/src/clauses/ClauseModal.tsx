import {
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import {
  type Clause,
  type ClauseStatus,
  TEMPLATE_LANGUAGES,
  type TemplateLanguage,
} from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { BodyEditor } from "../templates/BodyEditor";
import { useBodyEditor } from "../templates/use-body-editor";

/** What the modal edits: a clause, or a new one. */
export type ClauseEdit = { clause: Clause | null };

export interface ClauseModalProps {
  /** Open when set */
  edit: ClauseEdit | null;
  /** Called with the clause main saved */
  onSaved: (clause: Clause) => void;
  /** Called when the person gives up */
  onClose: () => void;
}

/** Adds a clause to the library or edits one: name, status, language, tags and text. */
export function ClauseModal({ edit, onSaved, onClose }: ClauseModalProps) {
  const { t } = useTranslation();
  const clause = edit?.clause ?? null;
  const title = clause ? t("clauses.editTitle", { name: clause.name }) : t("clauses.addTitle");
  return (
    <Modal opened={edit !== null} onClose={onClose} title={title} size="xl">
      {edit && <ClauseForm clause={clause} onSaved={onSaved} onClose={onClose} />}
    </Modal>
  );
}

interface ClauseFormProps {
  clause: Clause | null;
  onSaved: (clause: Clause) => void;
  onClose: () => void;
}

function ClauseForm({ clause, onSaved, onClose }: ClauseFormProps) {
  const { t } = useTranslation();
  const bodyId = useId();
  const [name, setName] = useState(clause?.name ?? "");
  const [status, setStatus] = useState<ClauseStatus>(clause?.status ?? "approved");
  const [language, setLanguage] = useState<TemplateLanguage>(clause?.language ?? "fr");
  const [tags, setTags] = useState<string[]>(clause?.tags ?? []);
  const [body, setBody] = useState(clause?.body ?? "");
  const editor = useBodyEditor(body, setBody, t("clauses.body"));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // An emptied editor still holds "<p></p>": what counts is the text.
  const blank = body.replace(/<[^>]*>|&nbsp;/g, " ").trim() === "";
  const duplicate = error?.issues?.some((i) => i.path[0] === "name") ?? false;
  const nameError =
    tried && !name.trim()
      ? t("clauses.nameRequired")
      : duplicate
        ? t("clauses.nameTaken")
        : undefined;
  const bodyError = tried && blank ? t("clauses.bodyRequired") : undefined;

  const submit = async () => {
    setTried(true);
    if (!name.trim() || blank) return;
    setBusy(true);
    const input = { name: name.trim(), status, language, tags, body };
    const r = clause
      ? await pacta.clauses.update({ id: clause.id, clause: input })
      : await pacta.clauses.create(input);
    setBusy(false);
    if (r.ok) onSaved(r.value);
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
        {error && (
          <ApiErrorAlert
            error={error}
            lead={error.reason === "invalid_argument" ? t("clauses.saveRefused") : undefined}
          />
        )}
        <TextInput
          label={t("clauses.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameError}
          required
          data-autofocus
        />
        <Group align="flex-end" gap="md">
          <Input.Wrapper label={t("clauses.statusLabel")} labelElement="div">
            <div>
              <SegmentedControl
                value={status}
                onChange={(v) => setStatus(v === "fallback" ? "fallback" : "approved")}
                data={[
                  { value: "approved", label: t("clauses.status.approved") },
                  { value: "fallback", label: t("clauses.status.fallback") },
                ]}
                aria-label={t("clauses.statusLabel")}
              />
            </div>
          </Input.Wrapper>
          <Select
            label={t("templates.language")}
            data={TEMPLATE_LANGUAGES.map((l) => ({
              value: l,
              label: t(`templates.languages.${l}`),
            }))}
            value={language}
            onChange={(v) => setLanguage(v === "en" ? "en" : "fr")}
            allowDeselect={false}
            w={160}
          />
        </Group>
        <TagsInput
          label={t("clauses.tags")}
          placeholder={t("form.tagsPlaceholder")}
          value={tags}
          onChange={setTags}
        />
        <Input.Wrapper
          label={t("clauses.body")}
          labelElement="div"
          id={bodyId}
          error={bodyError}
          required
        >
          <BodyEditor editor={editor} invalid={!!bodyError} />
        </Input.Wrapper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("clauses.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
