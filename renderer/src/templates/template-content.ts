/** Small pure helpers on a template's content, used by the editor. */
import {
  fieldKeySchema,
  type TemplateContent,
  type TemplateProblem,
  type TemplateSection,
} from "../../../shared/domain/templates";

let counter = 0;

/** A section id unique within the template (ids stay stable across versions). */
export function newSectionId(taken: readonly TemplateSection[]): string {
  const ids = new Set(taken.map((s) => s.id));
  let id: string;
  do {
    counter += 1;
    id = `s-${Date.now().toString(36)}-${counter}`;
  } while (ids.has(id));
  return id;
}

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item === undefined) return out;
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

/** The content with one section replaced by `patch` applied to it. */
export function patchSection(
  content: TemplateContent,
  id: string,
  patch: Partial<TemplateSection>,
): TemplateContent {
  return {
    ...content,
    sections: content.sections.map((s) => (s.id === id ? { ...s, ...patch } : s)),
  };
}

/** Problems grouped by section id; those of the template itself under `null`. */
export function problemsBySection(
  problems: readonly TemplateProblem[],
): Map<string | null, TemplateProblem[]> {
  const map = new Map<string | null, TemplateProblem[]>();
  for (const p of problems) {
    const list = map.get(p.sectionId) ?? [];
    list.push(p);
    map.set(p.sectionId, list);
  }
  return map;
}

/** Stable text for telling whether two contents differ. */
export function contentKey(content: TemplateContent): string {
  return JSON.stringify(content);
}

/**
 * What must be fixed before the content can be sent, as message keys by
 * place: `name`, `sections.2.title`, `fields.0.key`, `sections.1.condition`.
 */
export function contentIssues(content: TemplateContent): Map<string, IssueKey> {
  const issues = new Map<string, IssueKey>();
  if (!content.name.trim()) issues.set("name", "nameRequired");
  content.sections.forEach((s, i) => {
    if (!s.title.trim()) issues.set(`sections.${i}.title`, "sectionTitleRequired");
    const c = s.condition;
    if (c && !fieldKeySchema.safeParse(c.field).success) {
      issues.set(`sections.${i}.condition`, "conditionFieldRequired");
    } else if (c?.op === "equals" && !c.value?.trim()) {
      issues.set(`sections.${i}.condition`, "conditionValueRequired");
    }
  });
  const seen = new Set<string>();
  content.fields.forEach((f, i) => {
    if (!fieldKeySchema.safeParse(f.key).success) issues.set(`fields.${i}.key`, "fieldKeyInvalid");
    else if (seen.has(f.key.trim())) issues.set(`fields.${i}.key`, "fieldKeyDuplicate");
    seen.add(f.key.trim());
    if (!f.label.trim()) issues.set(`fields.${i}.label`, "fieldLabelRequired");
  });
  return issues;
}

export type IssueKey =
  | "nameRequired"
  | "sectionTitleRequired"
  | "conditionFieldRequired"
  | "conditionValueRequired"
  | "fieldKeyInvalid"
  | "fieldKeyDuplicate"
  | "fieldLabelRequired";
