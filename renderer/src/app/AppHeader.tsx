import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SyncControl } from "../sync/SyncControl";
import { LanguageSwitch } from "./LanguageSwitch";
import { paths, type Route } from "./routes";

export interface AppNavigationProps {
  /** The page shown now, to mark its link as current */
  route: Route;
}

/** The pages of the main navigation, with the one shown now marked. */
function useNavLinks(route: Route) {
  const { t } = useTranslation();
  const inRegister = route.page === "register" || route.page === "contract";
  const inTemplates = route.page === "templates" || route.page === "template";
  return [
    { href: paths.register, label: t("nav.register"), current: inRegister },
    { href: paths.import, label: t("nav.import"), current: route.page === "import" },
    { href: paths.reminders, label: t("nav.reminders"), current: route.page === "reminders" },
    { href: paths.tasks, label: t("nav.tasks"), current: route.page === "tasks" },
    { href: paths.templates, label: t("nav.templates"), current: inTemplates },
    { href: paths.clauses, label: t("nav.clauses"), current: route.page === "clauses" },
    {
      href: paths.questionnaires,
      label: t("nav.questionnaires"),
      current: route.page === "questionnaires" || route.page === "questionnaire",
    },
    { href: paths.reports, label: t("nav.reports"), current: route.page === "reports" },
    {
      href: paths.settings,
      label: t("nav.settings"),
      current: route.page === "settings" || route.page === "triggers",
    },
  ];
}

/**
 * The main navigation's links, one page a line down the side of the window
 * (inside the app shell's `<nav>`, which carries the landmark's name).
 */
export function AppNavigation({ route }: AppNavigationProps) {
  return (
    <Stack gap={4} p="sm">
      {useNavLinks(route).map((link) => (
        <Button
          key={link.href}
          component="a"
          href={link.href}
          variant={link.current ? "light" : "subtle"}
          justify="flex-start"
          fullWidth
          aria-current={link.current ? "page" : undefined}
        >
          {link.label}
        </Button>
      ))}
    </Stack>
  );
}

/** The app's name, the sync control, a new contract and the language switch. */
export function AppHeader() {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Anchor href={paths.register} underline="never" c="inherit">
        <Text fw={700} size="lg">
          {t("app.name")}
        </Text>
      </Anchor>
      <Group gap="md" wrap="nowrap" miw={0}>
        <SyncControl />
        <Button component="a" href={paths.newContract} variant="filled" style={{ flexShrink: 0 }}>
          {t("nav.newContract")}
        </Button>
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
