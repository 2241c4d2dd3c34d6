import { Anchor, Badge, Button, Group, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Reminder } from "../../../shared/api/reminders";
import { paths } from "../app/routes";
import { useFormat } from "../i18n/use-format";

export interface ReminderTableProps {
  /** The group's heading, naming the table */
  caption: string;
  /** The reminders of one group */
  reminders: readonly Reminder[];
  /** Snoozes one for a day ("1d") or a week ("1w") */
  onSnooze: (reminder: Reminder, preset: "1d" | "1w") => void;
  /** Asks until when to snooze one */
  onSnoozeUntil: (reminder: Reminder) => void;
  /** Asks to dismiss one */
  onDismiss: (reminder: Reminder) => void;
}

/** One group of reminders: contract, kind, due date, fire time and actions. */
export function ReminderTable(props: ReminderTableProps) {
  const { caption, reminders, onSnooze, onSnoozeUntil, onDismiss } = props;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table aria-label={caption} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reminders.contract")}</Table.Th>
          <Table.Th>{t("reminders.kind")}</Table.Th>
          <Table.Th>{t("reminders.dueDate")}</Table.Th>
          <Table.Th>{t("reminders.fireAt")}</Table.Th>
          <Table.Th>{t("reminders.actions")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reminders.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>
              <Anchor href={paths.contract(r.contractId)}>{r.contractTitle}</Anchor>
            </Table.Td>
            <Table.Td>
              {t(`reminders.kinds.${r.kind}`)}
              {r.label && r.kind === "custom" ? ` — ${r.label}` : ""}
            </Table.Td>
            <Table.Td>{format.date(r.dueDate)}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                {format.timestamp(r.snoozedUntil ?? r.fireAt)}
                {r.late && (
                  <Badge color="red" variant="light" tt="none">
                    {t("reminders.groups.overdue")}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="light" onClick={() => onSnooze(r, "1d")}>
                  {t("reminders.snoozeDay")}
                </Button>
                <Button size="xs" variant="light" onClick={() => onSnooze(r, "1w")}>
                  {t("reminders.snoozeWeek")}
                </Button>
                <Button size="xs" variant="light" onClick={() => onSnoozeUntil(r)}>
                  {t("reminders.snoozeUntil")}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onDismiss(r)}>
                  {t("reminders.dismiss")}
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
