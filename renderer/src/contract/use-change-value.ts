import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { RENEWAL_KINDS, type RenewalKind } from "../../../shared/domain/contract";
import { useFacets } from "../app/use-facets";
import { useFormat } from "../i18n/use-format";

const DATE_FIELDS = new Set(["signatureDate", "effectiveDate", "endDate"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isKind(value: unknown): value is RenewalKind {
  return RENEWAL_KINDS.includes(value as RenewalKind);
}

/**
 * One side of a history change (`before` or `after`) as a person reads it:
 * dates and stages localized, parties and tags listed, flags counted.
 */
export function useChangeValue(): (
  field: string,
  value: unknown,
  currency: string | null,
) => string {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();
  return useCallback(
    (field, value, currency) => {
      if (value === null || value === undefined || value === "") return t("app.none");
      if (typeof value === "boolean") return value ? t("app.yes") : t("app.no");
      if (field === "stage" && typeof value === "string") return format.stage(value, facets.stages);
      if (DATE_FIELDS.has(field) && typeof value === "string") return format.date(value) ?? value;
      if (field === "value" && typeof value === "number") {
        return format.value(value, currency) ?? String(value);
      }
      if (field === "review" && Array.isArray(value)) {
        return t("contract.flagsCount", { count: value.length });
      }
      if (field === "parties" && Array.isArray(value)) {
        const names = value.map((p) => (isRecord(p) && typeof p.name === "string" ? p.name : "?"));
        return names.length ? names.join(", ") : t("app.none");
      }
      if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : t("app.none");
      if (field === "renewal" && isRecord(value) && isKind(value.kind)) {
        const term = typeof value.term === "string" ? format.duration(value.term) : null;
        const notice = typeof value.notice === "string" ? format.duration(value.notice) : null;
        return [
          t(`renewalKinds.${value.kind}`),
          term,
          notice ? `${t("fields.noticePeriod")} ${notice}` : null,
        ]
          .filter(Boolean)
          .join(" · ");
      }
      if (typeof value === "string") return value;
      return JSON.stringify(value);
    },
    [t, format, facets.stages],
  );
}
