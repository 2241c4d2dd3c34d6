import { Alert, Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import { lazy, type ReactNode, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { paths } from "../app/routes";
import { notifySuccess, useApiError } from "../app/use-api-error";
import { useFacets } from "../app/use-facets";
import { ContractWorkflowsPanel } from "../bizproc/ContractWorkflowsPanel";
import { PortalLinkPanel } from "../sync/PortalLinkPanel";
import { ContractActions } from "./ContractActions";
import { ContractFacts } from "./ContractFacts";
import { ContractHistory } from "./ContractHistory";
import { ContractKeyDates } from "./ContractKeyDates";
import { ContractLifecycle } from "./ContractLifecycle";
import { PartiesTable } from "./PartiesTable";
import { ReviewFlags } from "./ReviewFlags";
import { StageBadge } from "./StageBadge";
import { useContract } from "./use-contract";

// The rich-text editor is large: the document panel loads once a contract is opened.
const DocumentPanel = lazy(() =>
  import("./DocumentPanel").then((m) => ({ default: m.DocumentPanel })),
);
const ContractQuestionnairesPanel = lazy(() =>
  import("../questionnaires/ContractQuestionnairesPanel").then((m) => ({
    default: m.ContractQuestionnairesPanel,
  })),
);

export interface ContractPageProps {
  /** The contract to show */
  id: number;
}

/** One contract: key facts, parties, review flags, notes, history and actions. */
export function ContractPage({ id }: ContractPageProps) {
  const { t } = useTranslation();
  const { facets } = useFacets();
  const showError = useApiError();
  const { contract, error, loading, reload, setContract } = useContract(id);
  const [reviewing, setReviewing] = useState(false);

  if (!contract) {
    return (
      <Stack gap="md" maw={1100}>
        <Anchor href={paths.register}>← {t("app.backToRegister")}</Anchor>
        {loading && <Loader aria-label={t("app.loading")} />}
        {error && (
          <ApiErrorAlert
            error={error}
            onRetry={error.reason === "not_found" ? undefined : reload}
          />
        )}
      </Stack>
    );
  }

  const markReviewed = async () => {
    setReviewing(true);
    const r = await pacta.contracts.markReviewed({ id });
    setReviewing(false);
    if (!r.ok) return showError(r.error);
    setContract(r.value);
    notifySuccess(t("contract.reviewedDone"));
  };

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor href={paths.register}>← {t("app.backToRegister")}</Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {contract.title}
          </Title>
          <Group gap="xs">
            {contract.reference && (
              <Text ff="monospace" c="dimmed" aria-label={t("fields.reference")}>
                {contract.reference}
              </Text>
            )}
            <StageBadge stage={contract.stage} stages={facets.stages} size="md" />
            {contract.archived && (
              <Badge color="gray" size="md" tt="none">
                {t("register.archivedBadge")}
              </Badge>
            )}
          </Group>
        </Stack>
        <ContractActions contract={contract} onChange={setContract} />
      </Group>
      {contract.archived && <Alert color="gray">{t("contract.archivedNotice")}</Alert>}
      {contract.review.length > 0 && (
        <ReviewFlags
          flags={contract.review}
          onMarkReviewed={() => void markReviewed()}
          busy={reviewing}
        />
      )}
      <Section title={t("contract.keyFields")}>
        <ContractFacts contract={contract} />
      </Section>
      <Section title={t("lifecycle.title")}>
        <ContractLifecycle contractId={id} stages={facets.stages} onMoved={reload} />
      </Section>
      <Section title={t("keyDates.title")}>
        <ContractKeyDates contract={contract} />
      </Section>
      <Section title={t("document.title")}>
        <Suspense fallback={<Loader size="sm" aria-label={t("app.loading")} />}>
          <DocumentPanel contractId={id} />
        </Suspense>
      </Section>
      <Section title={t("contract.partiesTitle")}>
        <PartiesTable parties={contract.parties} />
      </Section>
      <Section title={t("questionnaires.title")}>
        <Suspense fallback={<Loader size="sm" aria-label={t("app.loading")} />}>
          <ContractQuestionnairesPanel
            contractId={id}
            parties={contract.parties}
            updatedAt={contract.updatedAt}
          />
        </Suspense>
      </Section>
      <PortalLinkPanel contractId={id} updatedAt={contract.updatedAt} />
      <ContractWorkflowsPanel contractId={id} />
      <Section title={t("fields.notes")}>
        <Text
          size="sm"
          style={{ whiteSpace: "pre-wrap" }}
          c={contract.notes ? undefined : "dimmed"}
        >
          {contract.notes || t("contract.noNotes")}
        </Text>
      </Section>
      <Section title={t("contract.historyTitle")}>
        <ContractHistory history={contract.history} currency={contract.currency} />
      </Section>
    </Stack>
  );
}

interface SectionProps {
  /** The section's heading */
  title: string;
  /** The section's content */
  children: ReactNode;
}

function Section({ title, children }: SectionProps) {
  return (
    <Paper withBorder p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
