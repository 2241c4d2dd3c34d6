import { Group, NumberInput, Select, Switch, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFacets } from "../app/use-facets";
import { useFormat } from "../i18n/use-format";
import type { ArchivedChoice, EndingChoice, RegisterFilters } from "./register-filters";

export interface RegisterToolbarProps {
  /** The search and filters as set now */
  filters: RegisterFilters;
  /** Called with the changed filters */
  onChange: (filters: RegisterFilters) => void;
}

const ENDINGS: EndingChoice[] = ["any", "30", "60", "90", "custom"];

function isEnding(value: string | null): value is EndingChoice {
  return ENDINGS.includes(value as EndingChoice);
}

function isArchived(value: string | null): value is ArchivedChoice {
  return value === "exclude" || value === "include" || value === "only";
}

/** The register's search box and filters. */
export function RegisterToolbar({ filters, onChange }: RegisterToolbarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();
  const set = (patch: Partial<RegisterFilters>) => onChange({ ...filters, ...patch });

  const endingLabel = (choice: EndingChoice) =>
    choice === "any"
      ? t("register.endingAny")
      : choice === "custom"
        ? t("register.endingCustom")
        : t("register.endingDays", { count: Number(choice) });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        type="search"
        label={t("register.search")}
        placeholder={t("register.searchPlaceholder")}
        value={filters.search}
        onChange={(event) => set({ search: event.currentTarget.value })}
        w={320}
      />
      <Select
        label={t("fields.stage")}
        placeholder={t("register.anyStage")}
        data={facets.stages.map((s) => ({
          value: s.key,
          label: format.stage(s.key, facets.stages),
        }))}
        value={filters.stage}
        onChange={(stage) => set({ stage })}
        clearable
        w={170}
      />
      <Select
        label={t("fields.type")}
        placeholder={t("register.anyType")}
        data={facets.types}
        value={filters.type}
        onChange={(type) => set({ type })}
        clearable
        searchable
        w={170}
      />
      <Select
        label={t("register.tagFilter")}
        placeholder={t("register.anyTag")}
        data={facets.tags}
        value={filters.tag}
        onChange={(tag) => set({ tag })}
        clearable
        searchable
        w={170}
      />
      <Select
        label={t("register.endingWithin")}
        data={ENDINGS.map((value) => ({ value, label: endingLabel(value) }))}
        value={filters.ending}
        onChange={(value) => set({ ending: isEnding(value) ? value : "any" })}
        allowDeselect={false}
        w={150}
      />
      {filters.ending === "custom" && (
        <NumberInput
          label={t("register.customDays")}
          value={filters.customDays ?? ""}
          onChange={(value) => set({ customDays: typeof value === "number" ? value : null })}
          min={0}
          max={36_500}
          allowDecimal={false}
          allowNegative={false}
          w={130}
        />
      )}
      <Select
        label={t("register.archived")}
        data={[
          { value: "exclude", label: t("register.archivedExclude") },
          { value: "include", label: t("register.archivedInclude") },
          { value: "only", label: t("register.archivedOnly") },
        ]}
        value={filters.archived}
        onChange={(value) => set({ archived: isArchived(value) ? value : "exclude" })}
        allowDeselect={false}
        w={150}
      />
      <Switch
        label={t("register.needsReview")}
        checked={filters.needsReview}
        onChange={(event) => set({ needsReview: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
