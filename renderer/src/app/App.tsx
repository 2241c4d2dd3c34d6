import { AppShell, Loader } from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { pacta } from "../api/client";
import { TasksPage } from "../bizproc/TasksPage";
import { ContractFormPage } from "../contract/ContractFormPage";
import { ContractPage } from "../contract/ContractPage";
import { ImportPage } from "../import/ImportPage";
import { RegisterPage } from "../register/RegisterPage";
import { DEFAULT_FILTERS, type RegisterFilters } from "../register/register-filters";
import { RemindersPage } from "../reminders/RemindersPage";
import { useReminderFeed } from "../reminders/use-reminder-feed";
import { useDigestFeed } from "../reports/use-digest-feed";
import { SettingsPage } from "../settings/SettingsPage";
import { useLoad } from "../settings/use-load";
import { RecoveryPage } from "../shell/RecoveryPage";
import { ConflictsPage } from "../sync/ConflictsPage";
import { TriggersPage } from "../triggers/TriggersPage";
import { AppHeader, AppNavigation } from "./AppHeader";
import { FacetsProvider } from "./FacetsProvider";
import { NotFoundPage } from "./NotFoundPage";
import type { Route } from "./routes";
import { MAIN_ID, SkipLink } from "./SkipLink";
import { useHashRoute } from "./use-hash-route";

// The rich-text editor is large: its pages load on first visit.
const TemplatesPage = lazy(() =>
  import("../templates/TemplatesPage").then((m) => ({ default: m.TemplatesPage })),
);
const TemplateEditorPage = lazy(() =>
  import("../templates/TemplateEditorPage").then((m) => ({ default: m.TemplateEditorPage })),
);
// The charts library is large too.
const ReportsPage = lazy(() =>
  import("../reports/ReportsPage").then((m) => ({ default: m.ReportsPage })),
);
// The charts library is large: the questionnaire pages load on first visit.
const QuestionnairesPage = lazy(() =>
  import("../questionnaires/QuestionnairesPage").then((m) => ({ default: m.QuestionnairesPage })),
);
const QuestionnaireResultsPage = lazy(() =>
  import("../questionnaires/QuestionnaireResultsPage").then((m) => ({
    default: m.QuestionnaireResultsPage,
  })),
);
const ClausesPage = lazy(() =>
  import("../clauses/ClausesPage").then((m) => ({ default: m.ClausesPage })),
);

interface PageProps {
  route: Route;
  filters: RegisterFilters;
  onFiltersChange: (filters: RegisterFilters) => void;
}

function Page({ route, filters, onFiltersChange }: PageProps) {
  switch (route.page) {
    case "register":
      return <RegisterPage filters={filters} onFiltersChange={onFiltersChange} />;
    case "contract":
      return <ContractPage key={route.id} id={route.id} />;
    case "new":
      return <ContractFormPage key="new" id={null} />;
    case "edit":
      return <ContractFormPage key={route.id} id={route.id} />;
    case "import":
      return <ImportPage />;
    case "reminders":
      return <RemindersPage />;
    case "settings":
      return <SettingsPage />;
    case "templates":
      return <TemplatesPage />;
    case "template":
      return <TemplateEditorPage key={route.id} id={route.id} />;
    case "clauses":
      return <ClausesPage />;
    case "conflicts":
      return <ConflictsPage />;
    case "triggers":
      return <TriggersPage />;
    case "tasks":
      return <TasksPage />;
    case "reports":
      return <ReportsPage />;
    case "questionnaires":
      return <QuestionnairesPage />;
    case "questionnaire":
      return <QuestionnaireResultsPage key={route.id} id={route.id} />;
    case "notFound":
      return <NotFoundPage />;
  }
}

/** The recovery screen when the register cannot be opened; otherwise the app. */
export function App() {
  const health = useLoad(loadHealth);
  if (!health.value && !health.error) return <Loading />;
  if (health.value?.state === "damaged") {
    return <RecoveryPage health={health.value} onRecovered={() => window.location.reload()} />;
  }
  return <RegisterApp />;
}

const loadHealth = () => pacta.app.health({});

/** The app shell: header, navigation, and the page the address names. */
function RegisterApp() {
  const { t } = useTranslation();
  const route = useHashRoute();
  // The register's search and filters live here, so they survive a visit to a contract.
  const [filters, setFilters] = useState<RegisterFilters>(DEFAULT_FILTERS);
  const reviewLink = route.page === "register" && route.needsReview;
  useReminderFeed();
  useDigestFeed();

  useEffect(() => {
    if (reviewLink) setFilters({ ...DEFAULT_FILTERS, needsReview: true });
  }, [reviewLink]);

  return (
    <FacetsProvider>
      <SkipLink />
      <AppShell header={{ height: 60 }} navbar={{ width: 190, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <AppHeader />
        </AppShell.Header>
        <AppShell.Navbar aria-label={t("app.mainNavigation")}>
          <AppNavigation route={route} />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ outline: "none" }}>
          <Suspense fallback={<Loading />}>
            <Page route={route} filters={filters} onFiltersChange={setFilters} />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </FacetsProvider>
  );
}

function Loading() {
  const { t } = useTranslation();
  return <Loader aria-label={t("app.loading")} />;
}
