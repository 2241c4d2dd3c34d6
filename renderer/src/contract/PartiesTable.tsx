import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Party } from "../../../shared/domain/contract";

export interface PartiesTableProps {
  /** The contract's parties, in order */
  parties: readonly Party[];
}

/** The parties of a contract: name, role, signatory, email, and which is our side. */
export function PartiesTable({ parties }: PartiesTableProps) {
  const { t } = useTranslation();
  if (parties.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("contract.noParties")}
      </Text>
    );
  }
  const none = t("app.none");
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("form.partyName")}</Table.Th>
            <Table.Th>{t("contract.partyRole")}</Table.Th>
            <Table.Th>{t("contract.partySignatory")}</Table.Th>
            <Table.Th>{t("contract.partyEmail")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parties.map((p, index) => (
            // Parties have no id of their own; their order is stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity here.
            <Table.Tr key={index}>
              <Table.Td>
                {p.name}{" "}
                {p.internal && (
                  <Badge size="xs" variant="light" ml={4}>
                    {t("contract.ourSide")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{p.role ?? none}</Table.Td>
              <Table.Td>{p.signatory ?? none}</Table.Td>
              <Table.Td>{p.email ?? none}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
