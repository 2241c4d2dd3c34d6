import { Badge, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ImportedRow } from "../../../shared/api/contract";
import { ScrollRegion } from "../app/ScrollRegion";
import { useFieldLabel } from "../contract/use-field-label";
import { problemText } from "./problem-text";

export interface SampleTableProps {
  /** The first rows as they would be imported */
  rows: readonly ImportedRow[];
}

/** The preview's rows: title, reference, and what would need review. */
export function SampleTable({ rows }: SampleTableProps) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  return (
    <ScrollRegion label={t("import.sampleTitle")} maxHeight={420}>
      <Table stickyHeader striped miw={700}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t("import.sampleRow")}</Table.Th>
            <Table.Th>{t("fields.title")}</Table.Th>
            <Table.Th w={180}>{t("fields.reference")}</Table.Th>
            <Table.Th>{t("import.sampleFlags")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.row}>
              <Table.Td>{row.row}</Table.Td>
              <Table.Td>{row.title || t("app.none")}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {row.reference ?? t("app.none")}
                </Text>
              </Table.Td>
              <Table.Td>
                {row.error ? (
                  <Text size="sm" c="red.9">
                    {t("import.sampleSkipped", { error: row.error })}
                  </Text>
                ) : row.flags.length === 0 ? (
                  <Badge color="teal" variant="light" size="sm">
                    {t("import.sampleNoFlags")}
                  </Badge>
                ) : (
                  <Group gap={4}>
                    {row.flags.map((flag) => (
                      <Badge
                        key={`${flag.field}-${flag.column ?? ""}`}
                        color="orange"
                        variant="light"
                        size="sm"
                        tt="none"
                        title={problemText(flag.message, t)}
                      >
                        {fieldLabel(flag.field)}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
