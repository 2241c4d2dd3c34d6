import { Button, FileButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../../../shared/api/result";
import { MARKDOWN_MAX_BYTES, type Template } from "../../../shared/domain/templates";
import { decodeText, looksLikeText } from "../../../shared/domain/text-encoding";
import { pacta } from "../api/client";

export interface ImportMarkdownButtonProps {
  /** Called with the template main made of the file */
  onImported: (template: Template) => void;
  /** Called when the file cannot be read or imported */
  onError: (error: ApiError) => void;
  /** The main call to action (filled) or a secondary one */
  primary?: boolean;
}

/** Picks a Markdown file: `##` headings become sections, `{{a.b}}` tokens become fields. */
export function ImportMarkdownButton({ onImported, onError, primary }: ImportMarkdownButtonProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | null) => {
    if (!file) return;
    if (file.size > MARKDOWN_MAX_BYTES) {
      onError({
        reason: "invalid_argument",
        detail: t("templates.importTooBig", { name: file.name }),
      });
      return;
    }
    setBusy(true);
    try {
      // Decoded as the CLI decodes files (UTF-8, UTF-16 or Windows-1252).
      const content = decodeText(new Uint8Array(await file.arrayBuffer())).text;
      if (!looksLikeText(content)) {
        onError({
          reason: "invalid_argument",
          detail: t("templates.importNotText", { name: file.name }),
        });
        return;
      }
      const r = await pacta.templates.importMarkdown({ fileName: file.name, content });
      if (r.ok) onImported(r.value);
      else onError(r.error);
    } catch (cause) {
      onError({
        reason: "import_unreadable",
        detail: `${file.name}: ${cause instanceof Error ? cause.message : String(cause)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <FileButton onChange={(f) => void pick(f)} accept=".md,.markdown,text/markdown,text/plain">
      {(props) => (
        <Button {...props} variant={primary ? "filled" : "default"} loading={busy}>
          {t("templates.importMarkdown")}
        </Button>
      )}
    </FileButton>
  );
}
