import { Button, Input, List, Stack, Text, TextInput } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogField } from "../../../shared/api/templates";
import type {
  SectionCondition,
  TemplateField,
  TemplateProblem,
  TemplateSection,
} from "../../../shared/domain/templates";
import { ClausePickerModal } from "../clauses/ClausePickerModal";
import { useLanguage } from "../i18n/use-language";
import { BodyEditor } from "./BodyEditor";
import { ConditionEditor } from "./ConditionEditor";
import { FieldPicker } from "./FieldPicker";
import { ProblemText } from "./ProblemText";
import { insertAtCursor, useBodyEditor } from "./use-body-editor";

export interface SectionEditorProps {
  section: TemplateSection;
  /** Its place in the template, from 1 */
  number: number;
  declared: readonly TemplateField[];
  catalog: readonly CatalogField[];
  /** What main found wrong in this section */
  problems: readonly TemplateProblem[];
  /** Messages for what must be fixed before saving */
  titleError?: string;
  conditionError?: string;
  onChange: (patch: Partial<TemplateSection>) => void;
}

/**
 * One section: its title, the condition that shows it, and its body with merge fields.
 *
 * TODO(templates): a problem's line and column count in the body's HTML as
 * main checks it, not in the text on screen; marking the spot inside the
 * editor would need main's offsets mapped onto the editor's document.
 */
export function SectionEditor(props: SectionEditorProps) {
  const { section, number, declared, catalog, problems, titleError, conditionError, onChange } =
    props;
  const { t } = useTranslation();
  const language = useLanguage();
  const bodyId = useId();
  const [picking, setPicking] = useState(false);
  const editor = useBodyEditor(section.body, (body) => onChange({ body }), t("templates.body"));
  const conditionFields = [
    ...declared.map((f) => ({ key: f.key, label: f.label })),
    ...catalog
      .filter((c) => !declared.some((f) => f.key === c.key))
      .map((c) => ({ key: c.key, label: c.label[language] })),
  ];

  return (
    <Stack gap="md" role="group" aria-label={t("templates.sectionEditor", { number })}>
      <TextInput
        label={t("templates.sectionTitle")}
        value={section.title}
        onChange={(e) => onChange({ title: e.currentTarget.value })}
        error={titleError}
        required
      />
      <ConditionEditor
        condition={section.condition ?? null}
        fields={conditionFields}
        onChange={(condition: SectionCondition | null) => onChange({ condition })}
        error={conditionError}
      />
      <Input.Wrapper
        label={t("templates.body")}
        labelElement="div"
        id={bodyId}
        description={t("templates.bodyHint", {
          example: "{{party.client.name}}",
          condition: "{{#if contract.value}}…{{/if}}",
        })}
      >
        <BodyEditor
          editor={editor}
          invalid={problems.length > 0}
          extra={
            <>
              <FieldPicker
                declared={declared}
                catalog={catalog}
                onPick={(key) => insertAtCursor(editor, `{{${key}}}`)}
              />
              <Button size="xs" variant="default" onClick={() => setPicking(true)}>
                {t("clauses.insertClause")}
              </Button>
            </>
          }
        />
      </Input.Wrapper>
      {problems.length > 0 && (
        <div aria-live="polite" data-testid="section-problems">
          <Text size="sm" fw={600} c="red.9">
            {t("templates.problemsHere", { count: problems.length })}
          </Text>
          <List size="sm" c="red.9">
            {problems.map((p) => (
              <List.Item key={`${p.kind}-${p.line}-${p.column}-${p.message}`}>
                <ProblemText problem={p} />
              </List.Item>
            ))}
          </List>
        </div>
      )}
      <ClausePickerModal
        opened={picking}
        onClose={() => setPicking(false)}
        onPick={(clause) => {
          setPicking(false);
          insertAtCursor(editor, clause.body);
        }}
      />
    </Stack>
  );
}
