import { Button, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { SortKey } from "../../../shared/api/contract";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { useFormat } from "../i18n/use-format";
import { ExportMenu } from "./ExportMenu";
import { RegisterEmpty } from "./RegisterEmpty";
import { RegisterTable } from "./RegisterTable";
import { RegisterToolbar } from "./RegisterToolbar";
import {
  clearFilters,
  isFiltered,
  type RegisterFilters,
  toggleSort,
  toRegisterQuery,
} from "./register-filters";
import { useAnyContract } from "./use-any-contract";
import { useContractPages } from "./use-contract-pages";

export interface RegisterPageProps {
  /** Search, filters and sort, kept by the app across pages */
  filters: RegisterFilters;
  /** Called when the person changes them */
  onFiltersChange: (filters: RegisterFilters) => void;
}

/** The contract register: search, filters, a result count and the table. */
export function RegisterPage({ filters, onFiltersChange }: RegisterPageProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search] = useDebouncedValue(filters.search, 150);
  const query = useMemo(() => toRegisterQuery(filters, search), [filters, search]);
  const pages = useContractPages(query);
  const filtered = isFiltered(filters);
  const none = pages.total === 0 && !pages.pending;
  const anyContract = useAnyContract(none && !filtered);

  const onSort = (key: SortKey) => onFiltersChange(toggleSort(filters, key));
  const onClear = () => onFiltersChange(clearFilters(filters));

  return (
    <Stack gap="sm" h="calc(100dvh - 60px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {t("register.title")}
        </Title>
        <Group gap="xs">
          <Group gap="xs" aria-live="polite">
            {pages.pending && <Loader size="xs" aria-label={t("register.searching")} />}
            {pages.total !== null && (
              <Text c="dimmed" size="sm" data-testid="result-count">
                {t("register.resultCount", {
                  count: pages.total,
                  formattedCount: format.count(pages.total),
                })}
              </Text>
            )}
            {filtered && !none && (
              <Button variant="subtle" size="compact-sm" onClick={onClear}>
                {t("register.clearFilters")}
              </Button>
            )}
          </Group>
          {pages.total !== null && pages.total > 0 && <ExportMenu query={query} />}
        </Group>
      </Group>
      <RegisterToolbar filters={filters} onChange={onFiltersChange} />
      {pages.error && <ApiErrorAlert error={pages.error} onRetry={pages.reload} />}
      {none && anyContract !== null && (
        <RegisterEmpty
          kind={filtered ? "noMatch" : anyContract ? "archived" : "empty"}
          onClearFilters={onClear}
          onShowArchived={() => onFiltersChange({ ...filters, archived: "include" })}
        />
      )}
      {pages.total !== null && pages.total > 0 && (
        <RegisterTable pages={pages} total={pages.total} filters={filters} onSort={onSort} />
      )}
    </Stack>
  );
}
