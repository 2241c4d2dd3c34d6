import { Anchor, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SyncControl } from "../sync/SyncControl";
import { LanguageSwitch } from "./LanguageSwitch";
import { paths, type Route } from "./routes";

export interface AppHeaderProps {
  /** The page shown now, to mark its link as current */
  route: Route;
}

/** The app's name, its main navigation and the language switch. */
export function AppHeader({ route }: AppHeaderProps) {
  const { t } = useTranslation();
  const inRegister = route.page === "register" || route.page === "contract";
  const inTemplates = route.page === "templates" || route.page === "template";
  const links = [
    { href: paths.register, label: t("nav.register"), current: inRegister },
    { href: paths.import, label: t("nav.import"), current: route.page === "import" },
    { href: paths.reminders, label: t("nav.reminders"), current: route.page === "reminders" },
    { href: paths.templates, label: t("nav.templates"), current: inTemplates },
    { href: paths.clauses, label: t("nav.clauses"), current: route.page === "clauses" },
    { href: paths.tasks, label: t("nav.tasks"), current: route.page === "tasks" },
    { href: paths.reports, label: t("nav.reports"), current: route.page === "reports" },
    {
      href: paths.questionnaires,
      label: t("nav.questionnaires"),
      current: route.page === "questionnaires" || route.page === "questionnaire",
    },
    {
      href: paths.settings,
      label: t("nav.settings"),
      current: route.page === "settings" || route.page === "triggers",
    },
  ];
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="xl" wrap="nowrap">
        <Anchor href={paths.register} underline="never" c="inherit">
          <Text fw={700} size="lg">
            {t("app.name")}
          </Text>
        </Anchor>
        <Group component="nav" aria-label={t("app.mainNavigation")} gap="xs" wrap="nowrap">
          {links.map((link) => (
            <Button
              key={link.href}
              component="a"
              href={link.href}
              variant={link.current ? "light" : "subtle"}
              // Narrow sides keep seven links and the sync control on one line at 1280 px.
              px={10}
              aria-current={link.current ? "page" : undefined}
            >
              {link.label}
            </Button>
          ))}
        </Group>
      </Group>
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
