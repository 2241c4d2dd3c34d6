import { Anchor, Button, Code, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import type { OAuthSignInStart } from "../../../shared/api/sync";
import { pacta } from "../api/client";
import { ApiErrorAlert } from "../app/ApiErrorAlert";
import { notifySuccess } from "../app/use-api-error";
import { announceSyncChange } from "./use-sync-status";

export interface OAuthConnectFormProps {
  /** Called once the portal's tokens were received, checked and stored */
  onConnected: () => void;
}

/**
 * OAuth with an installed local app: the portal's page opens in the browser,
 * its answer comes back to Pacta on 127.0.0.1, and the tokens stay in main.
 */
export function OAuthConnectForm({ onConnected }: OAuthConnectFormProps) {
  const { t } = useTranslation();
  const [portal, setPortal] = useState("");
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [oauthServer, setOauthServer] = useState("");
  const [flow, setFlow] = useState<OAuthSignInStart | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      // Leaving the page ends a sign-in nobody waits for any more.
      if (current.current) void pacta.sync.oauthCancel({ id: current.current });
    },
    [],
  );
  const ready = portal.trim() && clientId.trim() && clientSecret.trim();

  const signIn = async () => {
    setError(null);
    const begun = await pacta.sync.oauthBegin({
      portal,
      clientId,
      clientSecret,
      ...(oauthServer.trim() ? { oauthServer } : {}),
    });
    if (!begun.ok) return setError(begun.error);
    current.current = begun.value.id;
    setFlow(begun.value);
    window.open(begun.value.authorizeUrl, "_blank", "noopener,noreferrer");
    const done = await pacta.sync.oauthFinish({ id: begun.value.id });
    if (current.current !== begun.value.id) return;
    current.current = null;
    setFlow(null);
    if (!done.ok) return setError(done.error);
    setClientSecret("");
    notifySuccess(t("sync.settings.connected"));
    announceSyncChange();
    onConnected();
  };

  const cancel = () => {
    if (current.current) void pacta.sync.oauthCancel({ id: current.current });
    current.current = null;
    setFlow(null);
  };

  return (
    <form
      noValidate
      aria-labelledby="settings-bitrix24-oauth"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !flow) void signIn();
      }}
    >
      <Stack gap="sm" maw={640}>
        <Text fw={500} id="settings-bitrix24-oauth">
          {t("sync.settings.oauth.title")}
        </Text>
        <Text size="sm" c="dimmed">
          {t("sync.settings.oauth.intro")}
        </Text>
        {error && <ApiErrorAlert error={error} />}
        <TextInput
          label={t("sync.settings.oauth.portal")}
          placeholder={t("sync.settings.oauth.portalHint")}
          value={portal}
          onChange={(e) => setPortal(e.currentTarget.value)}
          disabled={flow !== null}
          autoComplete="off"
          spellCheck={false}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t("sync.settings.oauth.clientId")}
            value={clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
            disabled={flow !== null}
            autoComplete="off"
            spellCheck={false}
          />
          <PasswordInput
            label={t("sync.settings.oauth.clientSecret")}
            value={clientSecret}
            onChange={(e) => setClientSecret(e.currentTarget.value)}
            disabled={flow !== null}
            autoComplete="off"
          />
        </Group>
        <TextInput
          label={t("sync.settings.oauth.server")}
          description={t("sync.settings.oauth.serverHint")}
          placeholder="https://oauth.bitrix.info"
          value={oauthServer}
          onChange={(e) => setOauthServer(e.currentTarget.value)}
          disabled={flow !== null}
          autoComplete="off"
          spellCheck={false}
        />
        {flow && (
          <Stack gap={4} role="status">
            <Text size="sm">{t("sync.settings.oauth.waiting")}</Text>
            <Text size="sm">
              {t("sync.settings.oauth.redirect")} <Code>{flow.redirectUri}</Code>
            </Text>
            <Anchor href={flow.authorizeUrl} target="_blank" rel="noopener noreferrer" size="sm">
              {t("sync.settings.oauth.openAgain")}
            </Anchor>
          </Stack>
        )}
        <Group>
          <Button type="submit" variant="light" loading={flow !== null} disabled={!ready}>
            {t("sync.settings.oauth.signIn")}
          </Button>
          {flow && (
            <Button variant="subtle" onClick={cancel}>
              {t("sync.settings.oauth.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
