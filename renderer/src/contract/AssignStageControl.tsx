import { Button, Group, Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CurrentStage, Person, Timeline } from "../../../shared/api/lifecycle";
import { isCalendarDate } from "../../../shared/domain/calendar-date";
import { pacta } from "../api/client";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { CalendarDateInput } from "./CalendarDateInput";

export interface AssignStageControlProps {
  /** The contract whose current stage is edited */
  contractId: number;
  /** The stage it is at, with its responsible person and due date */
  current: CurrentStage;
  /** People to choose from */
  people: readonly Person[];
  /** Called with the timeline after a change */
  onAssigned: (timeline: Timeline) => void;
}

/** Edits the current stage's responsible person and due date. */
export function AssignStageControl(props: AssignStageControlProps) {
  const { contractId, current, people, onAssigned } = props;
  const { t } = useTranslation();
  const showError = useApiError();
  const [person, setPerson] = useState<string | null>(
    current.responsible ? String(current.responsible.id) : null,
  );
  const [due, setDue] = useState(current.dueDate ?? "");
  const [busy, setBusy] = useState(false);

  const options = people.map((p) => ({ value: String(p.id), label: p.name }));
  // Keep the current holder choosable even when archived.
  if (current.responsible && !people.some((p) => p.id === current.responsible?.id)) {
    options.push({ value: String(current.responsible.id), label: current.responsible.name });
  }
  const dueError = due !== "" && !isCalendarDate(due) ? t("lifecycle.badDate") : undefined;

  const save = async () => {
    setBusy(true);
    const r = await pacta.lifecycle.assign({
      contractId,
      stage: current.stage,
      responsibleId: person ? Number(person) : null,
      dueDate: due === "" ? null : due,
    });
    setBusy(false);
    if (!r.ok) return showError(r.error);
    onAssigned(r.value);
    notifySuccess(t("lifecycle.assigned"));
  };

  return (
    <Group align="flex-start" gap="sm">
      <Select
        label={t("lifecycle.responsibleLabel")}
        data={options}
        value={person}
        onChange={setPerson}
        clearable
        placeholder={t("lifecycle.nobody")}
        w={240}
      />
      <CalendarDateInput
        label={t("lifecycle.dueLabel")}
        value={due}
        onChange={setDue}
        error={dueError}
      />
      <Button mt={25} onClick={() => void save()} loading={busy} disabled={!!dueError}>
        {t("lifecycle.assign")}
      </Button>
    </Group>
  );
}
