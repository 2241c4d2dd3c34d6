import { Alert, Button, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";

export interface ApiErrorAlertProps {
  /** The failure to explain */
  error: ApiError;
  /** Offers a retry button when set */
  onRetry?: () => void;
  /** Says what was refused, in place of the reason's general words */
  lead?: string;
}

/** An API failure shown in place: the localized reason, then the detail. */
export function ApiErrorAlert({ error, onRetry, lead }: ApiErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t("errors.title")} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{lead ?? t(`errors.${error.reason}`)}</Text>
        {/* main writes the detail in English (it names a value or a place); say so to readers. */}
        {error.detail && (
          <Text size="sm" c="dimmed" lang="en">
            {error.detail}
          </Text>
        )}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t("app.retry")}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
