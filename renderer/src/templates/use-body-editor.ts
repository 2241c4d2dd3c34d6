import { type Editor, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef } from "react";

/**
 * What a body may hold, matching the HTML subset main keeps on save:
 * paragraphs, h3/h4 headings, bold, italic, underline, bullet and numbered
 * lists, quotes, line breaks. Merge fields (`{{party.client.name}}`) are plain text.
 *
 * TODO(templates): merge fields could show as chips that move and delete as
 * one piece; as text, a person can break one by editing inside its braces
 * (the check then says where).
 */
export const BODY_EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [3, 4] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    link: false,
  }),
];

/** An editable body: its HTML flows out through `onChange` on every change a person makes. */
export function useBodyEditor(
  html: string,
  onChange: (html: string) => void,
  label: string,
): Editor {
  const latest = useRef(onChange);
  latest.current = onChange;
  return useEditor({
    extensions: BODY_EXTENSIONS,
    content: html,
    shouldRerenderOnTransaction: true,
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", "aria-label": label },
    },
    onUpdate: ({ editor }) => latest.current(editor.isEmpty ? "" : editor.getHTML()),
  });
}

/** A body shown as it reads, not editable; follows `html` when it changes. */
export function useReadOnlyBody(html: string): Editor {
  const editor = useEditor({
    extensions: BODY_EXTENSIONS,
    content: html,
    editable: false,
    // Text to read, not a field: no textbox role (tiptap gives every editor one).
    editorProps: { attributes: { role: "none" } },
  });
  useEffect(() => {
    if (editor.getHTML() !== html) editor.commands.setContent(html, { emitUpdate: false });
  }, [editor, html]);
  return editor;
}

/** Puts text or HTML where the cursor was when the editor last had the focus. */
export function insertAtCursor(editor: Editor, content: string): void {
  editor.chain().focus().insertContent(content).run();
}
