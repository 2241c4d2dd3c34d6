/**
 * A digest in words: the portal notification (BB-code, in the language the
 * firm chose for its portal) and the lines the CLI prints.
 */
import type { PortalLanguage } from "../../shared/api/sync";
import { type Digest, digestSummary } from "../../shared/domain/digests";

type StageName = (key: string) => string;

function line(i: Digest["late"][number], stageName: StageName): string {
  const name = i.reference ? `${i.title} (${i.reference})` : i.title;
  return `${name} — ${stageName(i.stage)}, ${i.dueDate}`;
}

const PORTAL_WORDS: Record<
  PortalLanguage,
  { title: string; days: string; more: (n: number) => string }
> = {
  fr: { title: "Synthèse Pacta du", days: "j", more: (n) => `… et ${n} autres` },
  en: { title: "Pacta digest of", days: "d", more: (n) => `… and ${n} more` },
};

/** The `im.notify` message: a bold title, the summary, the late stages. */
export function portalMessage(
  d: Digest,
  language: PortalLanguage = "fr",
  stageName: StageName = (key) => key,
): string {
  const w = PORTAL_WORDS[language];
  const lines = [`[B]${w.title} ${d.today}[/B]`, digestSummary(d, language)];
  for (const i of d.late.slice(0, 10)) {
    lines.push(`• ${line(i, stageName)} (+${i.daysLate} ${w.days})`);
  }
  if (d.late.length > 10) lines.push(w.more(d.late.length - 10));
  return lines.join("\n");
}

/** The digest as the CLI prints it. */
export function digestText(d: Digest, stageName: StageName = (key) => key): string {
  const out = [`${d.person} — ${d.today}`, digestSummary(d, "en")];
  if (d.late.length > 0)
    out.push("Late:", ...d.late.map((i) => `  ${line(i, stageName)} (${i.daysLate} d late)`));
  if (d.dueSoon.length > 0)
    out.push("Due within 30 days:", ...d.dueSoon.map((i) => `  ${line(i, stageName)}`));
  return out.join("\n");
}
