import { notifications } from "@mantine/notifications";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FiredDigest } from "../../../shared/api/digests";
import { digestSummary } from "../../../shared/domain/digests";
import { pacta } from "../api/client";
import { navigate, paths } from "../app/routes";
import { useLanguage } from "../i18n/use-language";

const POLL_MS = 30_000;

/**
 * While the app is open, asks every 30 s which digests went out since the
 * last answer, and shows each as an in-app notification (and a desktop one
 * when the person allowed it). Starts from the newest, so digests sent
 * before the app opened are not shown again.
 */
export function useDigestFeed(): void {
  const { t } = useTranslation();
  const language = useLanguage();
  const show = useRef<(d: FiredDigest) => void>(() => undefined);
  show.current = (f) => {
    const title = `${t("digests.noticeTitle", { name: f.digest.person })}${
      f.late ? ` ${t("digests.noticeLate")}` : ""
    }`;
    const body = digestSummary(f.digest, language);
    notifications.show({
      color: f.late ? "orange" : "blue",
      title,
      message: body,
      autoClose: false,
    });
    if (typeof Notification !== "undefined" && Notification.permission === "granted") {
      const desktop = new Notification(title, { body, tag: `digest-${f.seq}` });
      desktop.onclick = () => {
        window.focus();
        navigate(paths.reports);
        desktop.close();
      };
    }
  };

  useEffect(() => {
    let cursor: number | null = null;
    let live = true;
    const poll = async () => {
      const r = await pacta.digests.feed({ since: cursor ?? 0, limit: cursor === null ? 1 : 50 });
      if (!live || !r.ok) return;
      if (cursor === null) {
        cursor = r.value.newest;
        return;
      }
      for (const item of r.value.items) show.current(item);
      cursor = r.value.cursor;
    };
    void poll();
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
}
