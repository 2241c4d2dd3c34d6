import { Group, Table, UnstyledButton } from "@mantine/core";
import type { SortKey } from "../../../shared/api/contract";
import type { SortDirection } from "./register-filters";

export interface SortHeaderProps {
  /** The column's header text */
  label: string;
  /** The sort key this column orders by */
  sortKey: SortKey;
  /** The register's current sort key */
  sort: SortKey;
  /** The register's current direction */
  direction: SortDirection;
  /** Called with this column's key when its header is clicked */
  onSort: (key: SortKey) => void;
  /** Column width, for the fixed table layout */
  width?: number | string;
}

/** A column header that sorts the register by its column, with `aria-sort` set. */
export function SortHeader({ label, sortKey, sort, direction, onSort, width }: SortHeaderProps) {
  const active = sort === sortKey;
  const ariaSort = active ? (direction === "asc" ? "ascending" : "descending") : "none";
  return (
    <Table.Th aria-sort={ariaSort} w={width}>
      <UnstyledButton onClick={() => onSort(sortKey)} fw={700} fz="sm">
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <span aria-hidden="true">{active ? (direction === "asc" ? "↑" : "↓") : "↕"}</span>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
