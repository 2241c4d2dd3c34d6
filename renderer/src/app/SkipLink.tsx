import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The id of the element that holds each page's content. */
export const MAIN_ID = "main-content";

/**
 * The first stop of the Tab key: jumps over the header to the page's content.
 * Hidden until focused. Moves focus itself: the address hash is the router's.
 */
export function SkipLink() {
  const { t } = useTranslation();
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${MAIN_ID}`}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_ID)?.focus();
      }}
      style={
        focused
          ? {
              position: "fixed",
              top: 8,
              left: 8,
              zIndex: 1000,
              padding: "8px 12px",
              background: "var(--mantine-color-body)",
              color: "var(--mantine-color-anchor)",
              border: "2px solid var(--mantine-primary-color-filled)",
              borderRadius: 4,
            }
          : {
              position: "absolute",
              width: 1,
              height: 1,
              overflow: "hidden",
              clip: "rect(0 0 0 0)",
              whiteSpace: "nowrap",
            }
      }
    >
      {t("app.skipToContent")}
    </a>
  );
}
