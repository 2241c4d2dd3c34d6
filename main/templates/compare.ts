/**
 * Two versions of a template side by side: sections matched by their
 * stable id, each marked added, removed, changed, moved or the same, with
 * a word-level diff of its title and text; and the declared fields that
 * changed, one line each.
 */
import { diffWords } from "diff";
import type { DiffPart, SectionComparison, TemplateComparison } from "../../shared/api/templates";
import type {
  SectionCondition,
  TemplateContent,
  TemplateField,
  TemplateSection,
} from "../../shared/domain/templates";
import { htmlToText } from "./html";

/** The text a section compares by: its title, its condition, then its body's text. */
function sectionText(s: TemplateSection): string {
  const condition = s.condition ? `[${describeCondition(s.condition)}]\n` : "";
  return `${s.title}\n${condition}${htmlToText(s.body)}`;
}

function describeCondition(c: SectionCondition): string {
  if (c.op === "equals") return `shown when ${c.field} equals “${c.value ?? ""}”`;
  return `shown when ${c.field} is ${c.op === "present" ? "filled in" : "empty"}`;
}

function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWords(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/** Ids of the sections kept in the same order (the longest common subsequence). */
function inOrder(before: string[], after: string[]): Set<string> {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = lcs[i] as number[];
      row[j] =
        before[i] === after[j]
          ? (lcs[i + 1]?.[j + 1] ?? 0) + 1
          : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      kept.add(before[i] as string);
      i += 1;
      j += 1;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return kept;
}

export function compareVersions(
  from: TemplateContent,
  to: TemplateContent,
): Omit<TemplateComparison, "templateId" | "from" | "to"> {
  const before = new Map(from.sections.map((s) => [s.id, s]));
  const after = new Map(to.sections.map((s) => [s.id, s]));
  const common = (list: TemplateSection[], other: Map<string, TemplateSection>) =>
    list.filter((s) => other.has(s.id)).map((s) => s.id);
  const kept = inOrder(common(from.sections, after), common(to.sections, before));

  const removedAfter = new Map<string | null, TemplateSection[]>();
  let previous: string | null = null;
  for (const s of from.sections) {
    if (!after.has(s.id)) {
      const list = removedAfter.get(previous) ?? [];
      list.push(s);
      removedAfter.set(previous, list);
    } else {
      previous = s.id;
    }
  }
  const removed = (key: string | null): SectionComparison[] =>
    (removedAfter.get(key) ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      change: "removed",
      diff: [{ kind: "removed", text: sectionText(s) }],
    }));

  const sections: SectionComparison[] = removed(null);
  for (const s of to.sections) {
    const old = before.get(s.id);
    if (!old) {
      sections.push({
        id: s.id,
        title: s.title,
        change: "added",
        diff: [{ kind: "added", text: sectionText(s) }],
      });
    } else {
      const a = sectionText(old);
      const b = sectionText(s);
      // Text compares what a reader sees; formatting-only changes still count.
      const same = a === b && old.body === s.body;
      const change = !same ? "changed" : kept.has(s.id) ? "same" : "moved";
      sections.push({
        id: s.id,
        title: s.title,
        change,
        diff: a === b ? [{ kind: "same", text: b }] : diffText(a, b),
      });
    }
    sections.push(...removed(s.id));
  }
  return { sections, fieldChanges: fieldChanges(from.fields, to.fields) };
}

function fieldChanges(from: TemplateField[], to: TemplateField[]): string[] {
  const lines: string[] = [];
  const before = new Map(from.map((f) => [f.key, f]));
  const after = new Map(to.map((f) => [f.key, f]));
  const summary = (f: TemplateField) => {
    const required = f.required ? ", required" : "";
    return `“${f.label}”, ${f.type}${required}`;
  };
  for (const f of to) {
    const old = before.get(f.key);
    if (!old) {
      lines.push(`added ${f.key} (${summary(f)})`);
      continue;
    }
    const changes: string[] = [];
    if (old.label !== f.label) changes.push(`label “${old.label}” → “${f.label}”`);
    if (old.type !== f.type) changes.push(`type ${old.type} → ${f.type}`);
    if (old.required !== f.required) {
      changes.push(f.required ? "now required" : "no longer required");
    }
    if (changes.length > 0) lines.push(`changed ${f.key}: ${changes.join(", ")}`);
  }
  for (const f of from) {
    if (!after.has(f.key)) lines.push(`removed ${f.key} (${summary(f)})`);
  }
  return lines;
}
