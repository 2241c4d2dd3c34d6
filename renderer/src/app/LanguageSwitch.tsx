import { Box, Button, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { changeLanguage, LANGUAGES, type Language } from "../i18n/i18n";
import { useLanguage } from "../i18n/use-language";

const NAMES: Record<Language, string> = { fr: "Français", en: "English" };

/**
 * Switches the UI between French and English; the choice is remembered.
 * Two toggle buttons (FR, EN) in a group named "Langue" / "Language".
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Box component="fieldset" m={0} p={0} bd={0} miw={0}>
      <VisuallyHidden component="legend">{t("app.language")}</VisuallyHidden>
      <Button.Group>
        {LANGUAGES.map((lng) => (
          <Button
            key={lng}
            size="xs"
            variant={lng === language ? "filled" : "default"}
            aria-pressed={lng === language}
            lang={lng}
            title={NAMES[lng]}
            onClick={() => void changeLanguage(lng)}
          >
            {lng.toUpperCase()}
          </Button>
        ))}
      </Button.Group>
    </Box>
  );
}
