import { Badge, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResult } from "../../../shared/api/result";
import type { PortalLink } from "../../../shared/api/sync";
import { pacta } from "../api/client";
import { useLoad } from "../settings/use-load";

/** "off" when no portal is connected; a null link when the contract is not linked yet. */
type Loaded = "off" | { link: PortalLink | null };

export interface PortalLinkPanelProps {
  /** The contract shown */
  contractId: number;
  /** Its last change, so the panel reloads after an edit or a sync */
  updatedAt: string;
}

/** The portal item a contract is linked to, with its company, contacts and deal. */
export function PortalLinkPanel({ contractId, updatedAt }: PortalLinkPanelProps) {
  const { t } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the contract changes.
  const load = useCallback(async (): Promise<ApiResult<Loaded>> => {
    const status = await pacta.sync.status({});
    // Without a portal the panel stays out of the way.
    if (!status.ok || !status.value.connection) return { ok: true, value: "off" };
    const r = await pacta.sync.contractLink({ id: contractId });
    return r.ok ? { ok: true, value: { link: r.value } } : r;
  }, [contractId, updatedAt]);
  const loaded = useLoad(load);
  if (loaded.value === null || loaded.value === "off") return null;
  const value = loaded.value.link;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="portal-link">
      <Title order={2} size="h4" mb="sm" id="portal-link">
        {t("sync.link.title")}
      </Title>
      {value === null ? (
        <Text c="dimmed">{t("sync.link.none")}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Fact label={t("sync.link.item")}>
            {value.itemTitle ?? `#${value.itemId}`}{" "}
            {value.deleted && (
              <Badge color="red" variant="light" tt="none">
                {t("sync.link.deleted")}
              </Badge>
            )}
          </Fact>
          <Fact label={t("sync.link.company")}>
            {value.company?.title ?? t("sync.link.noneValue")}
          </Fact>
          <Fact label={t("sync.link.contacts")}>
            {value.contacts.map((c) => c.name).join(", ") || t("sync.link.noneValue")}
          </Fact>
          <Fact label={t("sync.link.deal")}>{value.deal?.title || t("sync.link.noneValue")}</Fact>
        </SimpleGrid>
      )}
    </Paper>
  );
}

interface FactProps {
  /** What the value is */
  label: string;
  /** The value */
  children: React.ReactNode;
}

function Fact({ label, children }: FactProps) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}
