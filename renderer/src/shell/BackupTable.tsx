import { Button, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BackupInfo } from "../../../shared/api/backups";
import { useLanguage } from "../i18n/use-language";
import { backupDate, backupSize } from "./backup-text";

export interface BackupTableProps {
  backups: BackupInfo[];
  onRestore: (backup: BackupInfo) => void;
}

/** The backups, newest first, each with a restore button. */
export function BackupTable({ backups, onRestore }: BackupTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table striped>
      <Table.Caption>{t("backups.caption")}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("backups.created")}</Table.Th>
          <Table.Th>{t("backups.kind")}</Table.Th>
          <Table.Th>{t("backups.size")}</Table.Th>
          <Table.Th>{t("backups.name")}</Table.Th>
          <Table.Th>{t("backups.actions")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => {
          const date = backupDate(b.createdAt, language);
          const size = backupSize(b.bytes, language);
          return (
            <Table.Tr key={b.name} data-backup={b.name}>
              <Table.Td>{date}</Table.Td>
              <Table.Td>{t(`backups.kinds.${b.kind}`)}</Table.Td>
              <Table.Td>{t(`backups.${size.key}`, { count: size.count })}</Table.Td>
              <Table.Td style={{ wordBreak: "break-all" }}>{b.name}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t("backups.restore", { date, kind: t(`backups.kinds.${b.kind}`) })}
                  onClick={() => onRestore(b)}
                >
                  {t("backups.restoreShort")}
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
