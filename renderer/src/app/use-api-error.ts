import { notifications } from "@mantine/notifications";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";

/**
 * Shows an API failure as a notification: what went wrong, what to do, and the detail.
 *
 * TODO(i18n): the detail is main's English sentence (the reason before it is translated);
 * detail codes with parameters would let it be said in French too.
 */
export function useApiError(): (error: ApiError) => void {
  const { t } = useTranslation();
  return useCallback(
    (error: ApiError) => {
      notifications.show({
        color: "red",
        title: t("errors.title"),
        message: error.detail
          ? `${t(`errors.${error.reason}`)} (${error.detail})`
          : t(`errors.${error.reason}`),
        autoClose: 10_000,
      });
    },
    [t],
  );
}

/** Confirms that something worked, briefly. */
export function notifySuccess(message: string): void {
  notifications.show({ color: "teal", message, autoClose: 3_000 });
}
