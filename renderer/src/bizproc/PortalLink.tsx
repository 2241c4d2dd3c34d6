import { Anchor } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface PortalLinkProps {
  /** The portal page; only http(s) addresses become links */
  href: string | null;
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * "Open in Bitrix24": opens the portal's page in the person's browser (the
 * desktop app's window-open guard lets only http(s) out).
 */
export function PortalLink({ href }: PortalLinkProps) {
  const { t } = useTranslation();
  if (!href || !isWebAddress(href)) return null;
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer">
      {t("bizproc.openInPortal")}
    </Anchor>
  );
}
