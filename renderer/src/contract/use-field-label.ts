import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { fr } from "../i18n/fr";

type FieldKey = keyof typeof fr.fields;

const ALIASES: Record<string, FieldKey> = {
  renewalKind: "renewalKind",
  renewalTerm: "renewalTerm",
  noticePeriod: "noticePeriod",
  "renewal.term": "renewalTerm",
  "renewal.notice": "noticePeriod",
  "renewal.kind": "renewalKind",
  review_flags: "review",
};

function isFieldKey(name: string): name is FieldKey {
  return Object.hasOwn(fr.fields, name);
}

/**
 * A contract field's name (`endDate`, `renewal.term`) in the UI language;
 * unknown names as given.
 */
export function useFieldLabel(): (name: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (name: string) => {
      const key = ALIASES[name] ?? (isFieldKey(name) ? name : null);
      return key ? t(`fields.${key}`) : name;
    },
    [t],
  );
}
