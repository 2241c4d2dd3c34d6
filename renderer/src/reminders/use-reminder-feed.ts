import { notifications } from "@mantine/notifications";
import { createElement, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { FiredReminder } from "../../../shared/api/reminders";
import { pacta } from "../api/client";
import { followLink, paths } from "../app/routes";
import { useFormat } from "../i18n/use-format";
import { ReminderNotice } from "./ReminderNotice";

const POLL_MS = 30_000;

/**
 * While the app is open, asks every 30 s what reminders fired since the last
 * answer and shows each as an in-app notification, and also as a desktop one
 * when the person allowed it. Starts from the current cursor, so reminders
 * that fired before the app opened are not shown again.
 */
export function useReminderFeed(): void {
  const { t } = useTranslation();
  const format = useFormat();
  const show = useRef<(r: FiredReminder) => void>(() => undefined);
  show.current = (r) => {
    const kind = t(`reminders.kinds.${r.kind}`);
    const title = t("reminders.fired", { kind });
    const body = t("reminders.firedText", {
      title: r.contractTitle,
      date: format.date(r.dueDate),
    });
    notifications.show({
      color: r.late ? "orange" : "blue",
      title,
      autoClose: false,
      message: createElement(ReminderNotice, {
        body,
        contractId: r.contractId,
        linkLabel: t("reminders.open"),
      }),
    });
    if (typeof Notification !== "undefined" && Notification.permission === "granted") {
      const desktop = new Notification(title, { body, tag: r.key });
      desktop.onclick = () => {
        window.focus();
        followLink(paths.contract(r.contractId));
        desktop.close();
      };
    }
  };

  useEffect(() => {
    let cursor: number | null = null;
    let live = true;
    const poll = async () => {
      const r = await pacta.reminders.feed({ since: cursor ?? 0, limit: cursor === null ? 1 : 50 });
      if (!live || !r.ok) return;
      if (cursor !== null) for (const item of r.value.items) show.current(item);
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
