/** Checking a template: its fields, sections and conditions. */
import {
  isInheritedName,
  type SectionCondition,
  type TemplateContent,
  type TemplateField,
  type TemplateProblem,
  type TemplateSection,
} from "../../shared/domain/templates";
import { analyze, type BodyProblem, FieldScope, type FieldUse } from "./analysis";
import { isBuiltinGroup } from "./catalog";

// --- Checking a template ----------------------------------------------------

/** Syntax errors, unknown fields and invalid conditions, per section. */
export function checkTemplate(content: TemplateContent): TemplateProblem[] {
  const scope = new FieldScope(content.fields);
  const problems: TemplateProblem[] = [];
  problems.push(...checkFields(content.fields));
  const ids = new Set<string>();
  for (const section of content.sections) {
    if (ids.has(section.id)) {
      problems.push({
        sectionId: section.id,
        line: null,
        column: null,
        kind: "syntax",
        message: `two sections have the id “${section.id}”`,
      });
    }
    ids.add(section.id);
    problems.push(...checkSection(section, scope));
  }
  return problems;
}

function checkFields(fields: readonly TemplateField[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const keys = new Set<string>();
  const invalid = (message: string) =>
    problems.push({ sectionId: null, line: null, column: null, kind: "invalid_field", message });
  for (const f of fields) {
    if (keys.has(f.key)) invalid(`the field “${f.key}” is declared twice`);
    keys.add(f.key);
  }
  for (const key of keys) {
    if ([...keys].some((other) => other.startsWith(`${key}.`))) {
      invalid(`“${key}” is both a field and the start of other fields' names`);
    }
    if (isBuiltinGroup(key)) invalid(`“${key}” names a group of built-in fields, not a field`);
  }
  return problems;
}

function checkSection(section: TemplateSection, scope: FieldScope): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const at = (p: BodyProblem): TemplateProblem => ({ sectionId: section.id, ...p });
  const body = analyze(section.body);
  for (const p of body.problems) problems.push(at(p));
  for (const use of body.uses) {
    const p = fieldProblem(use, scope);
    if (p) problems.push(at(p));
  }
  const title = analyze(section.title);
  for (const p of title.problems) {
    problems.push(at({ ...p, line: null, column: null, message: `in the title: ${p.message}` }));
  }
  for (const use of title.uses) {
    const p = fieldProblem(use, scope);
    if (p)
      problems.push(at({ ...p, line: null, column: null, message: `in the title: ${p.message}` }));
  }
  if (section.condition) {
    const message = conditionProblem(section.condition, scope);
    if (message) problems.push(at({ line: null, column: null, kind: "condition", message }));
  }
  return problems;
}

function fieldProblem(use: FieldUse, scope: FieldScope): BodyProblem | null {
  const inherited = use.key.split(".").some(isInheritedName);
  if (!inherited && scope.isField(use.key)) return null;
  const place = { line: use.line, column: use.column, kind: "unknown_field" as const };
  if (!inherited && scope.isGroup(use.key)) {
    if (!use.printed) return null;
    return { ...place, message: `“${use.key}” is a group of fields: name one of them` };
  }
  return {
    ...place,
    message: `unknown field “${use.key}”: declare it, or use a field from the catalog`,
  };
}

function conditionProblem(c: SectionCondition, scope: FieldScope): string | null {
  const name = `“${c.field}”`;
  if (!scope.isField(c.field)) {
    return `the section's condition tests ${name}, which is not a declared or built-in field`;
  }
  if (c.op === "equals" && !(c.value ?? "").trim()) {
    return `the section's condition compares ${name} with nothing: give the value to match`;
  }
  return null;
}
