import { Typography } from "@mantine/core";
import { EditorContent } from "@tiptap/react";
import { useReadOnlyBody } from "./use-body-editor";

export interface ReadOnlyBodyProps {
  /** Sanitized HTML from main (a rendered section, a stored version) */
  html: string;
}

/**
 * A body as it reads. The HTML goes through the editor's schema, so only the
 * body subset reaches the page: no script, no attribute main did not expect.
 */
export function ReadOnlyBody({ html }: ReadOnlyBodyProps) {
  const editor = useReadOnlyBody(html);
  return (
    <Typography>
      <EditorContent editor={editor} />
    </Typography>
  );
}
