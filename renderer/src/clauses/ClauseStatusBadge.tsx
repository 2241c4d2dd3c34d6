import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ClauseStatus } from "../../../shared/domain/templates";

export interface ClauseStatusBadgeProps {
  /** Approved wording, or a fallback to offer when the other side refuses it */
  status: ClauseStatus;
}

/** "Approuvée" in green, "De repli" in orange. */
export function ClauseStatusBadge({ status }: ClauseStatusBadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={status === "approved" ? "teal" : "orange"} variant="light" tt="none">
      {t(`clauses.status.${status}`)}
    </Badge>
  );
}
