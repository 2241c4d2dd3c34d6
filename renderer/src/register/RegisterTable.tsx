import { Box, Table } from "@mantine/core";
import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SortKey } from "../../../shared/api/contract";
import { COLUMN_COUNT, RegisterRow, ROW_HEIGHT } from "./RegisterRow";
import type { RegisterFilters } from "./register-filters";
import { SortHeader } from "./SortHeader";
import type { ContractPages } from "./use-contract-pages";

export interface RegisterTableProps {
  /** The rows, loaded page by page */
  pages: ContractPages;
  /** Matching contracts in all */
  total: number;
  /** The current sort */
  filters: Pick<RegisterFilters, "sort" | "direction">;
  /** Called when a sortable header is clicked */
  onSort: (key: SortKey) => void;
}

/** The register as a table that renders only the rows in view, for any number of contracts. */
export function RegisterTable({ pages, total, filters, onSort }: RegisterTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Keeps a row reached with the keyboard out from under the sticky header.
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange, generation } = pages;

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [ensureRange, first, last, total]);

  // A new search or sort starts again from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a new query's rows arrive.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [generation]);

  const onLinkKeyDown = useCallback(
    (event: KeyboardEvent<HTMLAnchorElement>, index: number) => {
      const step = event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
      // Presses that come before a row is rendered count from the row on its way.
      const next = (pendingFocus.current ?? index) + step;
      if (step === 0 || next < 0 || next >= total) return;
      event.preventDefault();
      const rowLink = () =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`);
      virtualizer.scrollToIndex(next, { align: "auto" });
      const link = rowLink();
      // The next row is usually rendered already (overscan); if not, once it is.
      if (link) {
        pendingFocus.current = null;
        link.focus({ preventScroll: true });
        return;
      }
      pendingFocus.current = next;
      let frames = 0;
      const tryFocus = () => {
        if (pendingFocus.current !== next) return;
        const target = rowLink();
        if (target || ++frames > 30) {
          pendingFocus.current = null;
          target?.focus({ preventScroll: true });
        } else {
          requestAnimationFrame(tryFocus);
        }
      };
      requestAnimationFrame(tryFocus);
    },
    [virtualizer, total],
  );

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const sortProps = { sort: filters.sort, direction: filters.direction, onSort };

  return (
    <Box
      ref={scrollRef}
      style={{ flex: 1, minHeight: 240, overflow: "auto", contain: "strict" }}
      data-testid="register-scroll"
    >
      <Table
        stickyHeader
        layout="fixed"
        highlightOnHover
        aria-label={t("register.tableLabel")}
        aria-rowcount={total + 1}
        miw={960}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <SortHeader
              label={t("fields.reference")}
              sortKey="reference"
              width={150}
              {...sortProps}
            />
            <SortHeader label={t("fields.title")} sortKey="title" {...sortProps} />
            <Table.Th w={200}>{t("fields.counterparty")}</Table.Th>
            <SortHeader label={t("fields.stage")} sortKey="stage" width={160} {...sortProps} />
            <SortHeader label={t("fields.endDate")} sortKey="endDate" width={140} {...sortProps} />
            <SortHeader label={t("fields.value")} sortKey="value" width={150} {...sortProps} />
            <Table.Th w={150}>{t("register.reviewColumn")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row, never focusable.
            <tr aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={COLUMN_COUNT} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => (
            <RegisterRow
              key={item.key}
              index={item.index}
              row={pages.rowAt(item.index)}
              onLinkKeyDown={onLinkKeyDown}
            />
          ))}
          {paddingBottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row, never focusable.
            <tr aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={COLUMN_COUNT} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
