import {
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import {
  type ConnectionInfo,
  type PortalSchema,
  SYNC_FIELDS,
  type SyncSettings,
  type SyncTarget,
} from "../../../shared/api/sync";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess } from "../app/use-api-error";
import { useFacets } from "../app/use-facets";
import { useFormat } from "../i18n/use-format";
import { useLoad } from "../settings/use-load";
import { OAuthConnectForm } from "./OAuthConnectForm";
import { announceSyncChange } from "./use-sync-status";

const loadStatus = () => pacta.sync.status({});
const NONE = "";

/** The Bitrix24 connection (the secret stays in main) and the sync settings. */
export function SyncSettingsSection() {
  const { t } = useTranslation();
  const status = useLoad(loadStatus);
  const connection = status.value?.connection ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-bitrix24">
      <Title order={2} size="h4" id="settings-bitrix24" mb="sm">
        {t("sync.settings.title")}
      </Title>
      {status.error && <ApiErrorAlert error={status.error} onRetry={status.reload} />}
      {!status.value && !status.error && <Loader aria-label={t("app.loading")} />}
      {status.value && !connection && (
        <Stack gap="lg">
          <ConnectForm onConnected={status.reload} />
          <OAuthConnectForm onConnected={status.reload} />
        </Stack>
      )}
      {status.value && connection && (
        <Stack gap="md">
          <ConnectedAs connection={connection} onDisconnected={status.reload} />
          <SyncSettingsForm initial={status.value.settings} />
        </Stack>
      )}
    </Paper>
  );
}

interface ConnectFormProps {
  /** Called once the portal accepted the webhook */
  onConnected: () => void;
}

function ConnectForm({ onConnected }: ConnectFormProps) {
  const { t } = useTranslation();
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const connect = async () => {
    setBusy(true);
    const r = await pacta.sync.connectWebhook({ url });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setUrl("");
    notifySuccess(t("sync.settings.connected"));
    announceSyncChange();
    onConnected();
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (url.trim()) void connect();
      }}
    >
      <Stack gap="sm" maw={640}>
        {error && <ApiErrorAlert error={error} />}
        <TextInput
          label={t("sync.settings.webhook")}
          placeholder={t("sync.settings.webhookHint")}
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Group>
          <Button type="submit" loading={busy} disabled={!url.trim()}>
            {t("sync.settings.connect")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ConnectedAsProps {
  /** Who and where, never the secret */
  connection: ConnectionInfo;
  /** Called after the secret was forgotten */
  onDisconnected: () => void;
}

function ConnectedAs({ connection, onDisconnected }: ConnectedAsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const disconnect = async () => {
    setBusy(true);
    const r = await pacta.sync.disconnect({});
    setBusy(false);
    if (r.ok) {
      notifySuccess(t("sync.settings.disconnected"));
      announceSyncChange();
      onDisconnected();
    }
  };
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={2}>
        <Text fw={500}>
          {t("sync.settings.connectedAs", {
            portal: connection.portal,
            user: connection.userName,
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {connection.secretStorage === "file"
            ? t("sync.settings.secretFile")
            : t("sync.settings.secretKeychain")}
        </Text>
      </Stack>
      <Button variant="default" color="red" loading={busy} onClick={() => void disconnect()}>
        {t("sync.settings.disconnect")}
      </Button>
    </Group>
  );
}

const targetKey = (t: SyncTarget) => (t.kind === "deals" ? "deals" : `sp:${t.entityTypeId}`);

interface SyncSettingsFormProps {
  /** The settings saved so far */
  initial: SyncSettings;
}

function SyncSettingsForm({ initial }: SyncSettingsFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { facets } = useFacets();
  const [settings, setSettings] = useState(initial);
  const setRate = (part: Partial<NonNullable<SyncSettings["rateLimit"]>>) =>
    setSettings((now) => ({
      ...now,
      rateLimit: { capacity: 50, drainPerSecond: 2, ...now.rateLimit, ...part },
    }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const target = settings.target;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the schema depends on the target only.
  const loadSchema = useCallback(
    () => pacta.sync.portalSchema({ target }),
    [targetKey(target), target.categoryId],
  );
  const schema = useLoad<PortalSchema>(loadSchema);
  useEffect(() => setSettings(initial), [initial]);

  const save = async () => {
    setBusy(true);
    const r = await pacta.sync.setSettings(settings);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSettings(r.value);
    notifySuccess(t("sync.settings.saved"));
  };

  const targets = [
    { value: "deals", label: t("sync.settings.targetDeals") },
    ...(schema.value?.types ?? []).map((type) => ({
      value: `sp:${type.entityTypeId}`,
      label: t("sync.settings.targetSmartProcess", { title: type.title }),
    })),
  ];
  if (!targets.some((o) => o.value === targetKey(target))) {
    targets.push({ value: targetKey(target), label: targetKey(target) });
  }
  const setTarget = (value: string | null) => {
    if (!value) return;
    const next: SyncTarget =
      value === "deals"
        ? { kind: "deals", categoryId: null }
        : { kind: "smartProcess", entityTypeId: Number(value.slice(3)), categoryId: null };
    setSettings({ ...settings, target: next, stageMap: {} });
  };
  const stageOptions = [
    { value: NONE, label: t("sync.settings.stageNone") },
    ...(schema.value?.stages ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })),
  ];
  const fieldOptions = [
    { value: NONE, label: t("sync.settings.fieldNone") },
    ...(schema.value?.fields ?? []).map((f) => ({
      value: f.name,
      label: f.userField ? t("sync.settings.userField", { title: f.title }) : f.title,
    })),
  ];
  const remoteOf = (local: string) =>
    settings.fieldMap.find((f) => f.local === local)?.remote ?? NONE;
  const setRemote = (local: (typeof SYNC_FIELDS)[number], remote: string | null) => {
    const rest = settings.fieldMap.filter((f) => f.local !== local);
    setSettings({ ...settings, fieldMap: remote ? [...rest, { local, remote }] : rest });
  };
  const setStage = (local: string, remote: string | null) => {
    const { [local]: _old, ...rest } = settings.stageMap;
    setSettings({ ...settings, stageMap: remote ? { ...rest, [local]: remote } : rest });
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Stack gap="md">
        {error && <ApiErrorAlert error={error} />}
        {schema.error && <ApiErrorAlert error={schema.error} onRetry={schema.reload} />}
        {!schema.value && !schema.error && (
          <Text c="dimmed">{t("sync.settings.loadingPortal")}</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} maw={800}>
          <Select
            label={t("sync.settings.target")}
            data={targets}
            value={targetKey(target)}
            onChange={setTarget}
            allowDeselect={false}
          />
          <Select
            label={t("sync.settings.category")}
            data={[
              { value: NONE, label: t("sync.settings.categoryDefault") },
              ...(schema.value?.categories ?? []).map((c) => ({
                value: String(c.id),
                label: c.name,
              })),
            ]}
            value={target.categoryId === null ? NONE : String(target.categoryId)}
            onChange={(v) =>
              setSettings({
                ...settings,
                target: { ...target, categoryId: v ? Number(v) : null },
                stageMap: {},
              })
            }
            allowDeselect={false}
          />
        </SimpleGrid>
        <Title order={3} size="h5">
          {t("sync.settings.stageMap")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {facets.stages.map((stage) => (
            <Select
              key={stage.key}
              label={t("sync.settings.stageFor", { stage: format.stage(stage.key, facets.stages) })}
              data={stageOptions}
              value={settings.stageMap[stage.key] ?? NONE}
              onChange={(v) => setStage(stage.key, v)}
              allowDeselect={false}
            />
          ))}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t("sync.settings.fieldMap")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {SYNC_FIELDS.map((field) => (
            <Select
              key={field}
              label={t("sync.settings.fieldFor", { field: t(`fields.${field}`) })}
              data={[
                ...fieldOptions,
                ...(remoteOf(field) && !fieldOptions.some((o) => o.value === remoteOf(field))
                  ? [{ value: remoteOf(field), label: remoteOf(field) }]
                  : []),
              ]}
              value={remoteOf(field)}
              onChange={(v) => setRemote(field, v)}
              allowDeselect={false}
              searchable
            />
          ))}
        </SimpleGrid>
        <NumberInput
          label={t("sync.settings.interval")}
          value={settings.intervalMinutes}
          onChange={(v) => setSettings({ ...settings, intervalMinutes: Number(v) || 0 })}
          min={0}
          max={1440}
          allowDecimal={false}
          maw={320}
        />
        <Select
          label={t("sync.settings.portalLanguage")}
          description={t("sync.settings.portalLanguageHint")}
          data={[
            { value: "fr", label: t("sync.settings.portalFrench") },
            { value: "en", label: t("sync.settings.portalEnglish") },
          ]}
          value={settings.portalLanguage ?? "fr"}
          onChange={(v) => setSettings({ ...settings, portalLanguage: v === "en" ? "en" : "fr" })}
          allowDeselect={false}
          maw={320}
        />
        <Group align="flex-start" grow maw={640}>
          <NumberInput
            label={t("sync.settings.rateBurst")}
            description={t("sync.settings.rateHint")}
            value={settings.rateLimit?.capacity ?? 50}
            onChange={(v) => setRate({ capacity: Number(v) || 1 })}
            min={1}
            max={1000}
            allowDecimal={false}
          />
          <NumberInput
            label={t("sync.settings.ratePerSecond")}
            value={settings.rateLimit?.drainPerSecond ?? 2}
            onChange={(v) => setRate({ drainPerSecond: Number(v) || 0.1 })}
            min={0.1}
            max={100}
            decimalScale={1}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy}>
            {t("sync.settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
