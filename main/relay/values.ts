/**
 * What the action's properties mean once checked: the responsible user's
 * id, dates as `YYYY-MM-DD`, the notice deadline, and stage deadlines.
 */
import type { SyncSettings } from "../../shared/api/sync";

export interface ActionInput {
  title: string | null;
  template: string | null;
  responsibleId: number;
  renewalDate: string | null;
  noticeDays: number;
  /** Stage key → `YYYY-MM-DD`. */
  stageDeadlines: Record<string, string>;
  /** The portal stage id the action waits for. */
  waitStage: string;
}

/** `2027-01-31`, `31.01.2027` (the portal's Russian/French display) or an ATOM datetime. */
export function readDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d\d)-(\d\d)(?:$|T)/.exec(t);
  const dotted = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(t);
  const [y, m, d] = iso
    ? [iso[1], iso[2], iso[3]]
    : dotted
      ? [dotted[3], dotted[2], dotted[1]]
      : [null, null, null];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const out = date.toISOString().slice(0, 10);
  return out === `${y}-${m}-${d}` ? out : null;
}

export function minusDays(date: string, days: number): string {
  const at = Date.parse(`${date}T00:00:00Z`) - days * 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

export class InputError extends Error {
  override name = "InputError";
}

/** Checks the properties a workflow sent; throws InputError naming the property. */
export function readInput(props: Record<string, string>, settings: SyncSettings): ActionInput {
  const get = (key: string) => (props[key] ?? "").trim();
  const user = /^(?:user_)?(\d+)$/.exec(get("Responsible"));
  if (!user) {
    throw new InputError(`Responsible must be a portal user (user_N), not "${get("Responsible")}"`);
  }
  const renewalText = get("RenewalDate");
  const renewalDate = renewalText === "" ? null : readDate(renewalText);
  if (renewalText !== "" && renewalDate === null) {
    throw new InputError(`RenewalDate is not a date: "${renewalText}"`);
  }
  const noticeText = get("NoticePeriodDays") || "0";
  if (!/^\d{1,5}$/.test(noticeText)) {
    throw new InputError(`NoticePeriodDays must be a whole number of days, not "${noticeText}"`);
  }
  const stageDeadlines: Record<string, string> = {};
  for (const [i, line] of get("StageDeadlines")
    .split(/\r?\n|;/)
    .entries()) {
    if (line.trim() === "") continue;
    const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(line);
    const date = m?.[2] ? readDate(m[2]) : null;
    if (!m?.[1] || date === null) {
      throw new InputError(`StageDeadlines line ${i + 1} must read stage=YYYY-MM-DD`);
    }
    stageDeadlines[m[1]] = date;
  }
  const wait = get("WaitStage");
  if (wait === "") throw new InputError("WaitStage is empty: name the stage to wait for");
  const waitStage = portalStageOf(wait, settings.stageMap);
  return {
    title: get("ContractTitle") || null,
    template: get("ContractTemplate") || null,
    responsibleId: Number(user[1]),
    renewalDate,
    noticeDays: Number(noticeText),
    stageDeadlines,
    waitStage,
  };
}

/**
 * The portal stage to wait for: a Pacta stage key through the stage map, or
 * a portal stage id the map uses. Anything else could never be reached, so
 * the call is refused at once rather than left waiting.
 */
function portalStageOf(wait: string, stageMap: Record<string, string>): string {
  const mapped = stageMap[wait];
  if (mapped) return mapped;
  const portalStages = Object.values(stageMap);
  if (portalStages.includes(wait)) return wait;
  if (portalStages.length === 0) {
    throw new InputError(
      `WaitStage "${wait}" cannot be followed: the relay has no stage map ` +
        "(set the sync settings on its data folder with pacta serve)",
    );
  }
  throw new InputError(
    `WaitStage "${wait}" is neither a Pacta stage of the stage map ` +
      `(${Object.keys(stageMap).join(", ")}) nor a portal stage it maps to`,
  );
}
