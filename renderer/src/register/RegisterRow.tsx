import { Anchor, Badge, Group, Skeleton, Table, Text } from "@mantine/core";
import type { KeyboardEvent, MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ContractSummary } from "../../../shared/domain/contract";
import { navigate, paths } from "../app/routes";
import { useFacets } from "../app/use-facets";
import { StageBadge } from "../contract/StageBadge";
import { useFormat } from "../i18n/use-format";

export const ROW_HEIGHT = 44;
export const COLUMN_COUNT = 7;

export interface RegisterRowProps {
  /** Position of the row in the whole result, from 0 */
  index: number;
  /** The contract, or undefined while its page is loading */
  row: ContractSummary | undefined;
  /** Arrow keys on a row's link move to the next or previous row */
  onLinkKeyDown: (event: KeyboardEvent<HTMLAnchorElement>, index: number) => void;
}

const cellText = { truncate: "end", size: "sm" } as const;

/** One line of the register; the whole row opens the contract. */
export function RegisterRow({ index, row, onLinkKeyDown }: RegisterRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();

  if (!row) {
    return (
      <Table.Tr aria-rowindex={index + 2} aria-busy="true" h={ROW_HEIGHT}>
        <Table.Td colSpan={COLUMN_COUNT}>
          <Skeleton height={12} width="60%" role="status" aria-label={t("register.loadingRow")} />
        </Table.Td>
      </Table.Tr>
    );
  }

  const open = (event: MouseEvent<HTMLTableRowElement>) => {
    if (event.target instanceof Element && event.target.closest("a")) return;
    navigate(paths.contract(row.id));
  };

  return (
    <Table.Tr aria-rowindex={index + 2} h={ROW_HEIGHT} onClick={open} style={{ cursor: "pointer" }}>
      <Table.Td>
        <Text {...cellText} ff="monospace" title={row.reference ?? undefined}>
          {row.reference ?? t("app.none")}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor
          href={paths.contract(row.id)}
          data-row-index={index}
          onKeyDown={(event) => onLinkKeyDown(event, index)}
          size="sm"
          fw={500}
          display="block"
          style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
        >
          {row.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text {...cellText} title={row.counterparty ?? undefined}>
          {row.counterparty ?? t("app.none")}
        </Text>
      </Table.Td>
      <Table.Td>
        <StageBadge stage={row.stage} stages={facets.stages} />
      </Table.Td>
      <Table.Td>
        <Text {...cellText}>{format.date(row.endDate) ?? t("app.none")}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text {...cellText}>{format.value(row.value, row.currency) ?? t("app.none")}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {row.needsReview && (
            <Badge color="orange" variant="light" size="sm">
              {t("register.reviewBadge")}
            </Badge>
          )}
          {row.archived && (
            <Badge color="gray" variant="light" size="sm">
              {t("register.archivedBadge")}
            </Badge>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
