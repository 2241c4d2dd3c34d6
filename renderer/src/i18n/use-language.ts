import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./i18n";

/** The UI language in use now; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(lng) ? lng : "fr";
}
