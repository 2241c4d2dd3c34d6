import {
  Box,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Stack,
  Switch,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WorkflowTemplateView } from "../../../shared/api/bizproc";
import { TRIGGER_GROUPS, type TriggerGroup, type TriggerRule } from "../../../shared/api/triggers";
import { pacta } from "../api/client";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { StagePicker, TemplateAction } from "./PortalPickers";
import { EMPTY_RULE, type RuleFormValues, toFormValues, toRuleInput } from "./rule-form";
import { missing } from "./TemplateParameters";

export interface TriggerRuleFormProps {
  /** The rule being edited; null for a new one */
  rule: TriggerRule | null;
  /** Called with the saved rule */
  onSaved: (rule: TriggerRule) => void;
  /** Called when editing is given up */
  onCancel: () => void;
}

/**
 * One rule: what it watches and what it does.
 * The portal stage and the workflow template (with its parameters) are picked from the
 * portal's lists; offline, their ids are typed (see PortalPickers).
 */
export function TriggerRuleForm({ rule, onSaved, onCancel }: TriggerRuleFormProps) {
  const { t } = useTranslation();
  const showError = useApiError();
  const [v, setV] = useState<RuleFormValues>(rule ? toFormValues(rule) : EMPTY_RULE);
  const [userIdsError, setUserIdsError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The chosen template as the portal lists it; null offline or before a pick.
  const [template, setTemplate] = useState<WorkflowTemplateView | null>(null);
  const [showMissing, setShowMissing] = useState(false);
  const set = (patch: Partial<RuleFormValues>) => setV((old) => ({ ...old, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = toRuleInput(v);
    if (input === "userIds") {
      setUserIdsError(t("triggers.userIdsInvalid"));
      return;
    }
    setUserIdsError(null);
    const unset = v.start
      ? (template?.parameters ?? []).filter((p) => missing(p, v.parameters))
      : [];
    setShowMissing(unset.length > 0);
    if (unset.length > 0) return;
    setBusy(true);
    const r = rule
      ? await pacta.triggers.update({ id: rule.id, rule: input })
      : await pacta.triggers.create(input);
    setBusy(false);
    if (!r.ok) return showError(r.error);
    notifySuccess(t("triggers.saved"));
    setV(EMPTY_RULE);
    onSaved(r.value);
  };

  const heading = rule ? t("triggers.editRule", { name: rule.name }) : t("triggers.newRule");
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={heading}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {heading}
        </Title>
        <TextInput
          label={t("triggers.name")}
          required
          value={v.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
        />
        <Switch
          label={t("triggers.enabled")}
          checked={v.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        <Checkbox.Group
          label={t("triggers.groupsLabel")}
          value={v.groups}
          onChange={(groups) => set({ groups: groups as TriggerGroup[] })}
        >
          <Group gap="lg" mt="xs">
            {TRIGGER_GROUPS.map((g) => (
              <Checkbox
                key={g}
                value={g}
                label={t(`triggers.groups.${g}`)}
                description={t(`triggers.groupHints.${g}`)}
              />
            ))}
          </Group>
        </Checkbox.Group>
        <Fieldset legend={t("triggers.actionsLabel")}>
          <Stack gap="xs">
            <Checkbox
              label={t("triggers.actions.push")}
              checked={v.push}
              onChange={(e) => set({ push: e.currentTarget.checked })}
            />
            <Checkbox
              label={t("triggers.actions.moveStage")}
              checked={v.move}
              onChange={(e) => set({ move: e.currentTarget.checked })}
            />
            {v.move && (
              <Box ml="xl">
                <StagePicker value={v.stageId} onChange={(stageId) => set({ stageId })} />
              </Box>
            )}
            <Checkbox
              label={t("triggers.actions.startWorkflow")}
              checked={v.start}
              onChange={(e) => set({ start: e.currentTarget.checked })}
            />
            {v.start && (
              <Box ml="xl">
                <TemplateAction
                  templateId={v.templateId}
                  parameters={v.parameters}
                  onChange={set}
                  showMissing={showMissing}
                  onTemplate={setTemplate}
                />
              </Box>
            )}
            <Checkbox
              label={t("triggers.actions.comment")}
              checked={v.comment}
              onChange={(e) => set({ comment: e.currentTarget.checked })}
            />
            {v.comment && (
              <Checkbox
                ml="xl"
                label={t("triggers.attachPdf")}
                checked={v.attachPdf}
                onChange={(e) => set({ attachPdf: e.currentTarget.checked })}
              />
            )}
            <Checkbox
              label={t("triggers.actions.notify")}
              checked={v.notify}
              onChange={(e) => set({ notify: e.currentTarget.checked })}
            />
            {v.notify && (
              <TextInput
                ml="xl"
                label={t("triggers.userIds")}
                required
                value={v.userIds}
                error={userIdsError}
                onChange={(e) => set({ userIds: e.currentTarget.value })}
              />
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={busy}>
            {t("triggers.save")}
          </Button>
          {rule && (
            <Button variant="default" onClick={onCancel}>
              {t("triggers.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
