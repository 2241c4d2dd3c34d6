import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../shared/api/lifecycle";
import type { ApiError } from "../../../shared/api/result";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { isEmail } from "./settings-values";

/** What the modal edits: a person, or a new one. */
export type PersonEdit = { person: Person | null };

export interface PersonModalProps {
  /** Open when set */
  edit: PersonEdit | null;
  /** Called with the person main saved */
  onSaved: (person: Person) => void;
  /** Called when the person gives up */
  onClose: () => void;
}

/** Adds a person or edits one's name, email and role. */
export function PersonModal({ edit, onSaved, onClose }: PersonModalProps) {
  const { t } = useTranslation();
  const person = edit?.person ?? null;
  const title = person
    ? t("settings.people.editTitle", { name: person.name })
    : t("settings.people.addTitle");
  return (
    <Modal opened={edit !== null} onClose={onClose} title={title}>
      {edit && <PersonForm person={person} onSaved={onSaved} onClose={onClose} />}
    </Modal>
  );
}

interface PersonFormProps {
  person: Person | null;
  onSaved: (person: Person) => void;
  onClose: () => void;
}

function PersonForm({ person, onSaved, onClose }: PersonFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(person?.name ?? "");
  const [email, setEmail] = useState(person?.email ?? "");
  const [role, setRole] = useState(person?.role ?? "");
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const valid = name.trim() !== "" && isEmail(email) && role.trim() !== "";

  const submit = async () => {
    setTried(true);
    if (!valid) return;
    setBusy(true);
    const r = await pacta.lifecycle.savePerson({
      ...(person ? { id: person.id, bitrixUserId: person.bitrixUserId } : {}),
      name: name.trim(),
      email: email.trim(),
      role: role.trim(),
    });
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
        {error && <ApiErrorAlert error={error} />}
        <TextInput
          label={t("settings.people.name")}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={tried && !name.trim() ? t("settings.people.nameRequired") : undefined}
          required
          data-autofocus
        />
        <TextInput
          label={t("settings.people.email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={tried && !isEmail(email) ? t("settings.people.emailInvalid") : undefined}
          required
        />
        <TextInput
          label={t("settings.people.role")}
          placeholder={t("settings.people.rolePlaceholder")}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={tried && !role.trim() ? t("settings.people.roleRequired") : undefined}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("app.cancel")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("settings.people.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
