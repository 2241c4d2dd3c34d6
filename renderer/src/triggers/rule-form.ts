/** A trigger rule as the form edits it, and back to what the API takes. */
import type {
  TriggerAction,
  TriggerGroup,
  TriggerRule,
  TriggerRuleInput,
} from "../../../shared/api/triggers";

export interface RuleFormValues {
  name: string;
  enabled: boolean;
  groups: TriggerGroup[];
  push: boolean;
  move: boolean;
  stageId: string;
  start: boolean;
  templateId: string;
  /** The template's parameters, as the portal takes them */
  parameters: Record<string, string>;
  comment: boolean;
  attachPdf: boolean;
  notify: boolean;
  userIds: string;
}

export const EMPTY_RULE: RuleFormValues = {
  name: "",
  enabled: true,
  groups: [],
  push: false,
  move: false,
  stageId: "",
  start: false,
  templateId: "",
  parameters: {},
  comment: false,
  attachPdf: false,
  notify: false,
  userIds: "",
};

export function toFormValues(rule: TriggerRule): RuleFormValues {
  const v: RuleFormValues = {
    ...EMPTY_RULE,
    name: rule.name,
    enabled: rule.enabled,
    groups: rule.groups,
  };
  for (const a of rule.actions) {
    if (a.kind === "push") v.push = true;
    if (a.kind === "moveStage") Object.assign(v, { move: true, stageId: a.stageId });
    if (a.kind === "startWorkflow") {
      const parameters = { ...a.parameters };
      Object.assign(v, { start: true, templateId: String(a.templateId), parameters });
    }
    if (a.kind === "comment") Object.assign(v, { comment: true, attachPdf: a.attachPdf });
    if (a.kind === "notify") Object.assign(v, { notify: true, userIds: a.userIds.join(", ") });
  }
  return v;
}

/** `2, 3` → [2, 3]; null when a part is not a positive whole number. */
export function parseUserIds(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => !/^[1-9]\d{0,9}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

/** What the API takes; a bad user list is the one thing checked here (the API checks the rest). */
export function toRuleInput(v: RuleFormValues): TriggerRuleInput | "userIds" {
  const actions: TriggerAction[] = [];
  if (v.push) actions.push({ kind: "push" });
  if (v.move) actions.push({ kind: "moveStage", stageId: v.stageId });
  if (v.start) {
    // An emptied parameter is left out (the template's default applies).
    const parameters = Object.fromEntries(
      Object.entries(v.parameters).filter(([, value]) => value.trim() !== ""),
    );
    actions.push({ kind: "startWorkflow", templateId: Number(v.templateId), parameters });
  }
  if (v.comment) actions.push({ kind: "comment", attachPdf: v.attachPdf });
  if (v.notify) {
    const userIds = parseUserIds(v.userIds);
    if (userIds === null) return "userIds";
    actions.push({ kind: "notify", userIds });
  }
  return { name: v.name, enabled: v.enabled, groups: v.groups, actions };
}
