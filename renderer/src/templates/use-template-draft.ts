import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../../shared/api/result";
import type { CatalogField } from "../../../shared/api/templates";
import type { Template, TemplateContent } from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { contentKey } from "./template-content";

export interface TemplateDraft {
  /** The newest saved version */
  saved: Template | null;
  /** What the editor holds now */
  content: TemplateContent | null;
  catalog: CatalogField[];
  error: ApiError | null;
  dirty: boolean;
  /** Changes on every load from main, so editors holding old text start again */
  generation: number;
  setContent: (update: (content: TemplateContent) => TemplateContent) => void;
  /**
   * Takes a template main answered with. After a save, `sent` is what was
   * sent: the draft takes main's cleaned-up copy only if nothing was typed
   * since. A restore or a reload (`sent` absent) replaces the draft and
   * restarts the editors.
   */
  adopt: (template: Template, sent?: TemplateContent) => void;
  reload: () => void;
}

/** A template being edited: the saved version, the draft, and the field catalog. */
export function useTemplateDraft(id: number): TemplateDraft {
  const [saved, setSaved] = useState<Template | null>(null);
  const [content, setDraft] = useState<TemplateContent | null>(null);
  const [catalog, setCatalog] = useState<CatalogField[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);

  const adopt = useCallback((template: Template, sent?: TemplateContent) => {
    setSaved(template);
    if (sent === undefined) {
      setDraft(template.content);
      setGeneration((g) => g + 1);
      return;
    }
    const sentKey = contentKey(sent);
    setDraft((c) => (c === null || contentKey(c) === sentKey ? template.content : c));
  }, []);

  const reload = useCallback(() => {
    void pacta.templates.get({ id }).then((r) => {
      if (r.ok) {
        setError(null);
        adopt(r.value);
      } else setError(r.error);
    });
  }, [id, adopt]);

  useEffect(reload, [reload]);
  useEffect(() => {
    void pacta.templates.catalog({}).then((r) => {
      if (r.ok) setCatalog(r.value);
      else setError(r.error);
    });
  }, []);

  const setContent = useCallback(
    (update: (c: TemplateContent) => TemplateContent) => setDraft((c) => (c ? update(c) : c)),
    [],
  );
  const dirty =
    saved !== null && content !== null && contentKey(content) !== contentKey(saved.content);
  return { saved, content, catalog, error, dirty, generation, setContent, adopt, reload };
}
