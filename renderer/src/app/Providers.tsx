import { MantineProvider } from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import { Notifications } from "@mantine/notifications";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../i18n/use-language";
import { createAppTheme, cssVariablesResolver } from "./theme";

const DAYJS_LOCALES = { fr: "fr", en: "en-gb" } as const;

export interface ProvidersProps {
  /** The app */
  children: ReactNode;
}

/** Mantine's theme, date pickers in the UI language, and notifications. */
export function Providers({ children }: ProvidersProps) {
  const language = useLanguage();
  const { t } = useTranslation();
  const theme = useMemo(
    () => createAppTheme({ clear: t("app.clear"), close: t("app.close") }),
    [t],
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: DAYJS_LOCALES[language], firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}
