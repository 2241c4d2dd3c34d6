import { Anchor, Button, Group, Loader, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Clause } from "../../../shared/domain/templates";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { ClauseStatusBadge } from "./ClauseStatusBadge";
import { useClauses } from "./use-clauses";

export interface ClausePickerModalProps {
  /** Shown or not */
  opened: boolean;
  /** Called with the clause to insert */
  onPick: (clause: Clause) => void;
  /** Closes without inserting */
  onClose: () => void;
}

/** Finds a clause of the library by name, tag or text, and hands it over to be inserted. */
export function ClausePickerModal({ opened, onPick, onClose }: ClausePickerModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("clauses.pickTitle")} size="lg">
      {opened && <ClauseChooser onPick={onPick} />}
    </Modal>
  );
}

function ClauseChooser({ onPick }: { onPick: (clause: Clause) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const { clauses, error, reload } = useClauses(search, null);
  return (
    <Stack gap="sm">
      <TextInput
        label={t("clauses.search")}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        data-autofocus
      />
      {error && <ApiErrorAlert error={error} onRetry={reload} />}
      {!clauses && !error && <Loader size="sm" aria-label={t("app.loading")} />}
      {clauses?.length === 0 && (
        <Text size="sm" c="dimmed">
          {search ? t("clauses.noMatch") : t("clauses.pickEmpty")}{" "}
          <Anchor href={paths.clauses} underline="always">
            {t("clauses.openLibrary")}
          </Anchor>
        </Text>
      )}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {clauses?.map((c) => (
          <Group key={c.id} component="li" justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {c.name}
              </Text>
              <ClauseStatusBadge status={c.status} />
              {c.tags.length > 0 && (
                <Text size="xs" c="dimmed">
                  {c.tags.join(", ")}
                </Text>
              )}
            </Group>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => onPick(c)}
              aria-label={t("clauses.insertNamed", { name: c.name })}
            >
              {t("clauses.insert")}
            </Button>
          </Group>
        ))}
      </Stack>
    </Stack>
  );
}
