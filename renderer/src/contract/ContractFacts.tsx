import { Badge, DataList, Group, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../../shared/domain/contract";
import { useFormat } from "../i18n/use-format";

export interface ContractFactsProps {
  /** The contract whose key facts are listed */
  contract: Contract;
}

/** The contract's key facts as a description list. */
export function ContractFacts({ contract: c }: ContractFactsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t("app.none");
  const renewal = [
    t(`renewalKinds.${c.renewal.kind}`),
    c.renewal.term ? format.duration(c.renewal.term) : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const facts: [string, ReactNode][] = [
    [t("fields.type"), c.type ?? none],
    [t("fields.counterparty"), c.counterparty ?? none],
    [t("fields.value"), format.value(c.value, c.currency) ?? none],
    [t("fields.signatureDate"), format.date(c.signatureDate) ?? none],
    [t("fields.effectiveDate"), format.date(c.effectiveDate) ?? none],
    [t("fields.endDate"), format.date(c.endDate) ?? none],
    [t("fields.renewal"), renewal],
    [t("fields.noticePeriod"), format.duration(c.renewal.notice) ?? none],
    [t("fields.governingLaw"), c.governingLaw ?? none],
    [t("fields.createdAt"), format.timestamp(c.createdAt)],
    [t("fields.updatedAt"), format.timestamp(c.updatedAt)],
  ];
  return (
    <DataList labelWidth={200} withDivider>
      {facts.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
      <DataList.Item>
        <DataList.ItemLabel>{t("fields.tags")}</DataList.ItemLabel>
        <DataList.ItemValue>
          {c.tags.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("contract.noTags")}
            </Text>
          ) : (
            <Group gap={4}>
              {c.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}
