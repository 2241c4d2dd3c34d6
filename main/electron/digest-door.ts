/**
 * What the Electron door shows for a digest that went out, as a pure
 * function tested without Electron: one notification per person, titled
 * with their name, the summary as its body; a click opens the reports.
 */
import { digestSummary, type FiredDigest } from "../../shared/domain/digests";
import type { DoorLanguage } from "./reminder-door";

export interface DigestNotificationPlan {
  title: string;
  body: string;
}

export function planDigestNotification(
  fired: FiredDigest,
  language: DoorLanguage,
): DigestNotificationPlan {
  const d = fired.digest;
  const late = fired.late ? (language === "fr" ? " (en retard)" : " (late)") : "";
  const name = language === "fr" ? "Synthèse Pacta" : "Pacta digest";
  const title = `${name} — ${d.person}${late}`;
  return { title, body: digestSummary(d, language) };
}

/** Script that shows the reports screen in the open page. */
export const REPORTS_SCRIPT = 'window.location.hash = "#/reports";';
