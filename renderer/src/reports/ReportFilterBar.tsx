import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Person } from "../../../shared/api/lifecycle";
import type { ReportFilters } from "../../../shared/domain/reports";
import { useFacets } from "../app/use-facets";
import { CalendarDateInput } from "../contract/CalendarDateInput";

export interface ReportFilterBarProps {
  /** The filters applied now */
  filters: ReportFilters;
  /** Called with the filters changed */
  onChange: (filters: ReportFilters) => void;
  /** People who can hold a stage, for the responsible filter */
  people: readonly Person[];
  /** Set when the period's ends are the wrong way round */
  periodError: string | null;
}

/** Type, tag, responsible person and period. */
export function ReportFilterBar({ filters, onChange, people, periodError }: ReportFilterBarProps) {
  const { t } = useTranslation();
  const { facets } = useFacets();
  const set = (change: Partial<ReportFilters>) => onChange({ ...filters, ...change });
  return (
    <Group component="form" role="search" aria-label={t("reports.filters")} align="flex-end">
      <Select
        label={t("reports.type")}
        placeholder={t("reports.anyType")}
        data={facets.types}
        value={filters.type ?? null}
        onChange={(type) => set({ type })}
        clearable
        w={180}
      />
      <Select
        label={t("reports.tag")}
        placeholder={t("reports.anyTag")}
        data={facets.tags}
        value={filters.tag ?? null}
        onChange={(tag) => set({ tag })}
        clearable
        w={160}
      />
      <Select
        label={t("reports.responsible")}
        placeholder={t("reports.anyone")}
        data={people.map((p) => ({ value: String(p.id), label: p.name }))}
        value={filters.responsible ? String(filters.responsible) : null}
        onChange={(id) => set({ responsible: id ? Number(id) : null })}
        clearable
        w={200}
      />
      <CalendarDateInput
        label={t("reports.from")}
        value={filters.from ?? ""}
        onChange={(from) => set({ from: from || null })}
      />
      <CalendarDateInput
        label={t("reports.to")}
        value={filters.to ?? ""}
        onChange={(to) => set({ to: to || null })}
        error={periodError}
      />
    </Group>
  );
}
