import { RichTextEditor, type RichTextEditorLabels } from "@mantine/tiptap";
import type { Editor } from "@tiptap/react";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";

export interface BodyEditorProps {
  /** From `useBodyEditor` */
  editor: Editor;
  /** More controls after the formatting ones (field picker, clause insertion) */
  extra?: ReactNode;
  /** Marks the editor as holding a problem */
  invalid?: boolean;
}

/**
 * A rich-text body: bold, italic, underline, h3/h4, lists, quotes, undo;
 * its controls are labelled in the UI language.
 */
export function BodyEditor({ editor, extra, invalid = false }: BodyEditorProps) {
  const { t } = useTranslation();
  const labels = useMemo<Partial<RichTextEditorLabels>>(
    () => ({
      boldControlLabel: t("editor.bold"),
      italicControlLabel: t("editor.italic"),
      underlineControlLabel: t("editor.underline"),
      h3ControlLabel: t("editor.h3"),
      h4ControlLabel: t("editor.h4"),
      bulletListControlLabel: t("editor.bulletList"),
      orderedListControlLabel: t("editor.orderedList"),
      blockquoteControlLabel: t("editor.blockquote"),
      clearFormattingControlLabel: t("editor.clearFormatting"),
      undoControlLabel: t("editor.undo"),
      redoControlLabel: t("editor.redo"),
    }),
    [t],
  );
  return (
    <RichTextEditor
      editor={editor}
      labels={labels}
      style={invalid ? { borderColor: "var(--mantine-color-error)" } : undefined}
    >
      <RichTextEditor.Toolbar role="toolbar" aria-label={t("editor.toolbar")}>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
          <RichTextEditor.ClearFormatting />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H3 />
          <RichTextEditor.H4 />
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
          <RichTextEditor.Blockquote />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
        {extra}
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content />
    </RichTextEditor>
  );
}
