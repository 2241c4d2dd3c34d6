import { AppShell, Loader } from "@mantine/core";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ContractFormPage } from "../contract/ContractFormPage";
import { ContractPage } from "../contract/ContractPage";
import { ImportPage } from "../import/ImportPage";
import { RegisterPage } from "../register/RegisterPage";
import { DEFAULT_FILTERS, type RegisterFilters } from "../register/register-filters";
import { RemindersPage } from "../reminders/RemindersPage";
import { useReminderFeed } from "../reminders/use-reminder-feed";
import { SettingsPage } from "../settings/SettingsPage";
import { ConflictsPage } from "../sync/ConflictsPage";
import { AppHeader } from "./AppHeader";
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
    case "notFound":
      return <NotFoundPage />;
  }
}

/** The app shell: header, and the page the address names. */
export function App() {
  const route = useHashRoute();
  // The register's search and filters live here, so they survive a visit to a contract.
  const [filters, setFilters] = useState<RegisterFilters>(DEFAULT_FILTERS);
  const reviewLink = route.page === "register" && route.needsReview;
  useReminderFeed();

  useEffect(() => {
    if (reviewLink) setFilters({ ...DEFAULT_FILTERS, needsReview: true });
  }, [reviewLink]);

  return (
    <FacetsProvider>
      <SkipLink />
      <AppShell header={{ height: 60 }} padding="md">
        <AppShell.Header>
          <AppHeader route={route} />
        </AppShell.Header>
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
