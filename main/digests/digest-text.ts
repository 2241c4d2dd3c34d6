/**
 * A digest in words: the portal notification (BB-code, in the language of
 * the firm's portal, French) and the lines the CLI prints.
 */
import { type Digest, digestSummary } from "../../shared/domain/digests";

function line(i: Digest["late"][number]): string {
  const name = i.reference ? `${i.title} (${i.reference})` : i.title;
  return `${name} — ${i.stage}, ${i.dueDate}`;
}

/** The `im.notify` message: a bold title, the summary, the late stages. */
export function portalMessage(d: Digest): string {
  // TODO(digests): the portal message is French only; the person's language is not stored.
  const lines = [`[B]Synthèse Pacta du ${d.today}[/B]`, digestSummary(d, "fr")];
  for (const i of d.late.slice(0, 10)) lines.push(`• ${line(i)} (+${i.daysLate} j)`);
  if (d.late.length > 10) lines.push(`… et ${d.late.length - 10} autres`);
  return lines.join("\n");
}

/** The digest as the CLI prints it. */
export function digestText(d: Digest): string {
  const out = [`${d.person} — ${d.today}`, digestSummary(d, "en")];
  if (d.late.length > 0)
    out.push("Late:", ...d.late.map((i) => `  ${line(i)} (${i.daysLate} d late)`));
  if (d.dueSoon.length > 0)
    out.push("Due within 30 days:", ...d.dueSoon.map((i) => `  ${line(i)}`));
  return out.join("\n");
}
