import { Button, EmptyState } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { paths } from "../app/routes";

export interface RegisterEmptyProps {
  /** `empty`: nothing yet; `archived`: only archived contracts; `noMatch`: nothing matches */
  kind: "empty" | "archived" | "noMatch";
  /** Clears search and filters (for `noMatch`) */
  onClearFilters: () => void;
  /** Shows archived contracts too (for `archived`) */
  onShowArchived: () => void;
}

/** What the register says when it has no row to show, and what to do next. */
export function RegisterEmpty({ kind, onClearFilters, onShowArchived }: RegisterEmptyProps) {
  const { t } = useTranslation();
  return (
    <EmptyState py="xl" data-testid={`register-${kind === "noMatch" ? "no-match" : kind}`}>
      <EmptyState.Title order={2}>{t(`register.${kind}Title`)}</EmptyState.Title>
      <EmptyState.Description>{t(`register.${kind}Text`)}</EmptyState.Description>
      <EmptyState.Actions>
        {kind === "archived" && (
          <Button variant="light" onClick={onShowArchived}>
            {t("register.showArchived")}
          </Button>
        )}
        {kind === "empty" && (
          <>
            <Button component="a" href={paths.newContract}>
              {t("register.createFirst")}
            </Button>
            <Button component="a" href={paths.import} variant="light">
              {t("register.importFirst")}
            </Button>
          </>
        )}
        {kind === "noMatch" && (
          <Button variant="light" onClick={onClearFilters}>
            {t("register.clearFilters")}
          </Button>
        )}
      </EmptyState.Actions>
    </EmptyState>
  );
}
