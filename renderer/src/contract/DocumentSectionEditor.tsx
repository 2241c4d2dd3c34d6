import { Button, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RenderedSection } from "../../../shared/domain/templates";
import { ClausePickerModal } from "../clauses/ClausePickerModal";
import { BodyEditor } from "../templates/BodyEditor";
import { insertAtCursor, useBodyEditor } from "../templates/use-body-editor";

export interface DocumentSectionEditorProps {
  section: RenderedSection;
  /** Its place in the text, from 1 */
  number: number;
  onChange: (section: RenderedSection) => void;
  /** Set when the title is empty */
  titleError?: string;
}

/** One section of a contract's text: its title and its body, clauses insertable at the cursor. */
export function DocumentSectionEditor(props: DocumentSectionEditorProps) {
  const { section, number, onChange, titleError } = props;
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const editor = useBodyEditor(
    section.body,
    (body) => onChange({ ...section, body }),
    t("document.sectionBody", { number }),
  );
  return (
    <Stack gap="xs" role="group" aria-label={t("document.sectionN", { number })}>
      <TextInput
        label={t("document.sectionTitle", { number })}
        value={section.title}
        onChange={(e) => onChange({ ...section, title: e.currentTarget.value })}
        error={titleError}
        required
      />
      <BodyEditor
        editor={editor}
        extra={
          <Button size="xs" variant="default" onClick={() => setPicking(true)}>
            {t("clauses.insertClause")}
          </Button>
        }
      />
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
