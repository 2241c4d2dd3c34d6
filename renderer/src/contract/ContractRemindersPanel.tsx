import { Button, Group, List, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ContractReminderSettings, CustomDate } from "../../../shared/api/reminders";
import { pacta } from "../api/client";
import { downloadFile, MEDIA_TYPES } from "../app/download";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFormat } from "../i18n/use-format";
import { useLanguage } from "../i18n/use-language";
import { CustomDateForm } from "./CustomDateForm";
import { readLeadDays, showLeadDays } from "./lead-days-text";

export interface ContractRemindersPanelProps {
  /** The contract the options belong to */
  contractId: number;
  /** Its own options and the effective ones */
  settings: ContractReminderSettings;
  /** Its custom dates */
  customDates: readonly CustomDate[];
  /** Called with the options after a save */
  onSaved: (settings: ContractReminderSettings) => void;
  /** Called after a custom date was added or removed */
  onDatesChanged: () => void;
}

type WorkingDaysChoice = "default" | "on" | "off";

function toChoice(value: boolean | null): WorkingDaysChoice {
  if (value === null) return "default";
  return value ? "on" : "off";
}

/** A contract's reminder options, custom dates and calendar export. */
export function ContractRemindersPanel(props: ContractRemindersPanelProps) {
  const { contractId, settings, customDates, onSaved, onDatesChanged } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const language = useLanguage();
  const showError = useApiError();
  const [choice, setChoice] = useState<WorkingDaysChoice>(toChoice(settings.workingDays));
  const [leadText, setLeadText] = useState(
    settings.leadDays ? showLeadDays(settings.leadDays) : "",
  );
  const [busy, setBusy] = useState(false);

  const leadDays = leadText.trim() === "" ? null : readLeadDays(leadText);
  const leadError = leadText.trim() !== "" && !leadDays ? t("reminders.leadDaysError") : undefined;

  const save = async () => {
    setBusy(true);
    const r = await pacta.reminders.setContractSettings({
      contractId,
      workingDays: choice === "default" ? null : choice === "on",
      leadDays,
    });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    onSaved(r.value);
    notifySuccess(t("reminders.settingsSaved"));
  };

  const remove = async (id: number) => {
    const r = await pacta.reminders.removeCustomDate({ id });
    if (!r.ok) return showError(r.error);
    onDatesChanged();
  };

  const exportIcs = async () => {
    const r = await pacta.reminders.exportIcs({ contractId, language });
    if (!r.ok) return showError(r.error);
    downloadFile(r.value.fileName, r.value.content, MEDIA_TYPES.ics);
  };

  const workingOptions = [
    {
      value: "default",
      label: t("reminders.workingDaysDefault", {
        state: t(settings.effective.workingDays ? "reminders.on" : "reminders.off"),
      }),
    },
    { value: "on", label: t("reminders.workingDaysOn") },
    { value: "off", label: t("reminders.workingDaysOff") },
  ];

  return (
    <Stack gap="sm" aria-label={t("reminders.contractPanel")} role="group">
      <Title order={3} size="h6">
        {t("reminders.contractPanel")}
      </Title>
      <Group align="flex-start" gap="sm">
        <Select
          label={t("reminders.workingDays")}
          data={workingOptions}
          value={choice}
          onChange={(v) => setChoice((v as WorkingDaysChoice | null) ?? "default")}
          allowDeselect={false}
          w={320}
        />
        <TextInput
          label={t("reminders.leadDays")}
          description={t("reminders.leadDaysHint", {
            days: showLeadDays(settings.effective.leadDays),
          })}
          value={leadText}
          onChange={(e) => setLeadText(e.currentTarget.value)}
          error={leadError}
          w={260}
        />
        <Button mt={25} onClick={() => void save()} loading={busy} disabled={!!leadError}>
          {t("reminders.saveSettings")}
        </Button>
      </Group>
      <Title order={4} size="h6">
        {t("reminders.customDates")}
      </Title>
      {customDates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("reminders.noCustomDates")}
        </Text>
      ) : (
        <List size="sm" aria-label={t("reminders.customDates")}>
          {customDates.map((d) => (
            <List.Item key={d.id}>
              <Group gap="xs">
                <Text span size="sm">
                  {format.date(d.date)} — {d.label}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  aria-label={t("reminders.removeCustomDate", { label: d.label })}
                  onClick={() => void remove(d.id)}
                >
                  {t("reminders.remove")}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <CustomDateForm contractId={contractId} onAdded={onDatesChanged} />
      <Group>
        <Button variant="light" onClick={() => void exportIcs()}>
          {t("reminders.exportIcs")}
        </Button>
      </Group>
    </Stack>
  );
}
