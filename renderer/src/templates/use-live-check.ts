import { useEffect, useState } from "react";
import type { ApiError } from "../../../shared/api/result";
import type {
  RenderResult,
  TemplateContent,
  TemplateProblem,
} from "../../../shared/domain/templates";
import { pacta } from "../api/client";
import { contentKey } from "./template-content";

export interface LiveCheck {
  /** Where the template is wrong, as main found it; null until the first answer */
  problems: TemplateProblem[] | null;
  /** The template rendered with sample data */
  preview: RenderResult | null;
  error: ApiError | null;
  /** A newer content is waiting for its answer */
  pending: boolean;
}

/**
 * Checks and previews the content in main a moment after the last change
 * (rendering cannot run here: Handlebars compiles to code, which the CSP
 * forbids). Only the answer for the newest content is kept. `content` null
 * pauses (the content has something to fix first).
 */
export function useLiveCheck(content: TemplateContent | null, delayMs = 400): LiveCheck {
  const [state, setState] = useState<Omit<LiveCheck, "pending">>({
    problems: null,
    preview: null,
    error: null,
  });
  const [answered, setAnswered] = useState<string | null>(null);
  const key = content ? contentKey(content) : null;

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const parsed = JSON.parse(key) as TemplateContent;
    const timer = setTimeout(() => {
      void Promise.all([
        pacta.templates.check({ content: parsed }),
        pacta.templates.preview({ content: parsed }),
      ]).then(([check, preview]) => {
        if (!current) return;
        setAnswered(key);
        if (!check.ok) return setState((s) => ({ ...s, error: check.error }));
        if (!preview.ok)
          return setState({ problems: check.value, preview: null, error: preview.error });
        setState({ problems: check.value, preview: preview.value, error: null });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, delayMs]);

  return { ...state, pending: key !== null && key !== answered };
}
