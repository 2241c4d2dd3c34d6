import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConflictView } from "../../../shared/api/sync";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";

const loadConflicts = () => pacta.sync.conflicts({});

/** Fields changed here and on the portal since the last sync, resolved one by one. */
export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useLoad(loadConflicts);
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} size="h2">
        {t("sync.conflicts.title")}
      </Title>
      <Text>{t("sync.conflicts.intro")}</Text>
      {conflicts.error && <ApiErrorAlert error={conflicts.error} onRetry={conflicts.reload} />}
      {!conflicts.value && !conflicts.error && <Loader aria-label={t("app.loading")} />}
      {conflicts.value?.length === 0 && <Alert color="teal">{t("sync.conflicts.empty")}</Alert>}
      {conflicts.value && conflicts.value.length > 0 && (
        <ConflictTable conflicts={conflicts.value} onChange={conflicts.set} />
      )}
    </Stack>
  );
}

interface ConflictTableProps {
  /** The open conflicts */
  conflicts: ConflictView[];
  /** Called with what is left after one was resolved */
  onChange: (conflicts: ConflictView[]) => void;
}

function ConflictTable({ conflicts, onChange }: ConflictTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const [busy, setBusy] = useState<number | null>(null);
  const shown = (c: ConflictView, v: unknown, label?: string | null): string => {
    if (v === null || v === undefined || v === "") return t("sync.conflicts.empty_value");
    // A portal stage by its name, its id beside it.
    if (label) return `${label} (${String(v)})`;
    if (c.field === "value" && typeof v === "number") return format.value(v, null) ?? String(v);
    if (typeof v === "string" && /^\d{4}-\d\d-\d\d$/.test(v)) return format.date(v) ?? v;
    return String(v);
  };
  const resolve = async (c: ConflictView, keep: "mine" | "theirs") => {
    setBusy(c.id);
    const r = await pacta.sync.resolve({ conflictId: c.id, keep });
    setBusy(null);
    if (!r.ok) return showError(r.error);
    notifySuccess(t("sync.conflicts.resolved"));
    onChange(r.value);
  };
  return (
    <Table striped withTableBorder>
      <Table.Caption>{t("sync.conflicts.caption")}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("sync.conflicts.contract")}</Table.Th>
          <Table.Th>{t("sync.conflicts.field")}</Table.Th>
          <Table.Th>{t("sync.conflicts.base")}</Table.Th>
          <Table.Th>{t("sync.conflicts.mine")}</Table.Th>
          <Table.Th>{t("sync.conflicts.theirs")}</Table.Th>
          <Table.Th>{t("sync.conflicts.actions")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {conflicts.map((c) => (
          <Table.Tr key={c.id} aria-label={`${c.contractTitle} — ${t(`fields.${c.field}`)}`}>
            <Table.Td>
              <Anchor href={paths.contract(c.contractId)}>{c.contractTitle}</Anchor>
            </Table.Td>
            <Table.Td>{t(`fields.${c.field}`)}</Table.Td>
            <Table.Td c="dimmed">{shown(c, c.base, c.labels?.base)}</Table.Td>
            <Table.Td>{shown(c, c.mine, c.labels?.mine)}</Table.Td>
            <Table.Td>{shown(c, c.theirs, c.labels?.theirs)}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  variant="light"
                  loading={busy === c.id}
                  onClick={() => void resolve(c, "mine")}
                >
                  {t("sync.conflicts.keepMine")}
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  disabled={busy === c.id}
                  onClick={() => void resolve(c, "theirs")}
                >
                  {t("sync.conflicts.takeTheirs")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
