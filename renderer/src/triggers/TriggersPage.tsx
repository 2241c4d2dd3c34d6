import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ok } from "../../../shared/api/result";
import type { TriggerAction, TriggerFiring, TriggerRule } from "../../../shared/api/triggers";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { TriggerRuleForm } from "./TriggerRuleForm";

const loadRules = () => pacta.triggers.list({});
const loadFirings = () => pacta.triggers.firings({ limit: 50 });

/** The trigger rules, a form to add or edit one, and what they did lately. */
export function TriggersPage() {
  const { t } = useTranslation();
  const rules = useLoad(loadRules);
  const firings = useLoad(loadFirings);
  const [editing, setEditing] = useState<TriggerRule | null>(null);
  const saved = () => {
    setEditing(null);
    rules.reload();
  };
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} size="h2">
        {t("triggers.title")}
      </Title>
      <Text>{t("triggers.intro")}</Text>
      <Card withBorder>
        <TriggerRuleForm
          key={editing?.id ?? "new"}
          rule={editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      </Card>
      <Title order={2} size="h3">
        {t("triggers.rules")}
      </Title>
      {rules.error && <ApiErrorAlert error={rules.error} onRetry={rules.reload} />}
      {!rules.value && !rules.error && <Loader aria-label={t("app.loading")} />}
      {rules.value?.length === 0 && <Alert color="gray">{t("triggers.noRules")}</Alert>}
      {rules.value && rules.value.length > 0 && (
        <RuleTable rules={rules.value} onEdit={setEditing} onRemoved={rules.reload} />
      )}
      <FiringList firings={firings} />
    </Stack>
  );
}

const noList = () => Promise.resolve(ok(null));

/**
 * An action in words; stages and templates by their portal names once the portal's lists
 * are read (only when a rule needs them), by their ids while they are not.
 */
function useActionText(rules: readonly TriggerRule[]): (a: TriggerAction) => string {
  const { t } = useTranslation();
  const uses = (kind: TriggerAction["kind"]) =>
    rules.some((r) => r.actions.some((a) => a.kind === kind));
  const stagesNeeded = uses("moveStage");
  const templatesNeeded = uses("startWorkflow");
  const schema = useLoad(
    useCallback(() => (stagesNeeded ? pacta.sync.portalSchema({}) : noList()), [stagesNeeded]),
  );
  const templates = useLoad(
    useCallback(
      () => (templatesNeeded ? pacta.bizproc.templates({}) : noList()),
      [templatesNeeded],
    ),
  );
  const stageName = (id: string) => schema.value?.stages.find((x) => x.id === id)?.name;
  const templateName = (id: number) => templates.value?.find((x) => x.id === id)?.name;
  return (a) => {
    const label = t(`triggers.actions.${a.kind}`);
    if (a.kind === "moveStage") {
      const name = stageName(a.stageId);
      return name
        ? t("triggers.actionNamed", { label, name: `${name} (${a.stageId})` })
        : `${label} ${a.stageId}`;
    }
    if (a.kind === "startWorkflow") {
      const name = templateName(a.templateId);
      return name ? t("triggers.actionNamed", { label, name }) : `${label} n° ${a.templateId}`;
    }
    if (a.kind === "notify") return `${label} (${a.userIds.join(", ")})`;
    if (a.kind === "comment" && a.attachPdf) return `${label} + PDF`;
    return label;
  };
}

interface RuleTableProps {
  /** The saved rules */
  rules: TriggerRule[];
  /** Called with the rule to edit */
  onEdit: (rule: TriggerRule) => void;
  /** Called after a rule was deleted */
  onRemoved: () => void;
}

function RuleTable({ rules, onEdit, onRemoved }: RuleTableProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  const actionText = useActionText(rules);
  const remove = async (rule: TriggerRule) => {
    const r = await pacta.triggers.remove({ id: rule.id });
    if (!r.ok) return showError(r.error);
    notifySuccess(t("triggers.removed"));
    onRemoved();
  };
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("triggers.columns.name")}</Table.Th>
          <Table.Th>{t("triggers.columns.on")}</Table.Th>
          <Table.Th>{t("triggers.columns.actions")}</Table.Th>
          <Table.Th>{t("triggers.columns.enabled")}</Table.Th>
          <Table.Th>{t("triggers.columns.manage")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rules.map((r) => (
          <Table.Tr key={r.id} aria-label={r.name}>
            <Table.Td>{r.name}</Table.Td>
            <Table.Td>{r.groups.map((g) => t(`triggers.groups.${g}`)).join(", ")}</Table.Td>
            <Table.Td>{r.actions.map(actionText).join(" · ")}</Table.Td>
            <Table.Td>{r.enabled ? t("triggers.yes") : t("triggers.no")}</Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button size="compact-sm" variant="light" onClick={() => onEdit(r)}>
                  {t("triggers.edit")}
                </Button>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  onClick={() => void remove(r)}
                >
                  {t("triggers.remove")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const STATE_COLOR = { pending: "yellow", done: "teal", failed: "red" } as const;

interface FiringListProps {
  /** The latest firings, loaded */
  firings: ReturnType<typeof useLoad<TriggerFiring[]>>;
}

function FiringList({ firings }: FiringListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const runNow = async () => {
    setBusy(true);
    const r = await pacta.triggers.run({});
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifySuccess(t("triggers.ran", r.value));
    firings.reload();
  };
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t("triggers.firings")}
      </Title>
      {/* Left, under the heading: the notices in the top corner never cover it. */}
      <Group>
        <Button variant="light" loading={busy} onClick={() => void runNow()}>
          {t("triggers.runNow")}
        </Button>
      </Group>
      {firings.error && <ApiErrorAlert error={firings.error} onRetry={firings.reload} />}
      {firings.value?.length === 0 && <Alert color="gray">{t("triggers.noFirings")}</Alert>}
      {firings.value && firings.value.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("triggers.columns.at")}</Table.Th>
              <Table.Th>{t("triggers.columns.contract")}</Table.Th>
              <Table.Th>{t("triggers.columns.rule")}</Table.Th>
              <Table.Th>{t("triggers.columns.on")}</Table.Th>
              <Table.Th>{t("triggers.columns.state")}</Table.Th>
              <Table.Th>{t("triggers.columns.error")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {firings.value.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{format.timestamp(f.at)}</Table.Td>
                <Table.Td>
                  <Anchor href={paths.contract(f.contractId)}>{f.contractTitle}</Anchor>
                </Table.Td>
                <Table.Td>{f.ruleName}</Table.Td>
                <Table.Td>{f.groups.map((g) => t(`triggers.groups.${g}`)).join(", ")}</Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOR[f.state]} variant="light">
                    {t(`triggers.states.${f.state}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{f.lastError ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
