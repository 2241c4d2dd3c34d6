import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { paths } from "./routes";

/** What an unknown address shows: where you are and the way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="md" maw={640}>
      <Title order={1}>{t("app.notFoundTitle")}</Title>
      <Text>{t("app.notFoundText")}</Text>
      <Button component="a" href={paths.register}>
        {t("app.backToRegister")}
      </Button>
    </Stack>
  );
}
