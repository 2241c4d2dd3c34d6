import { Badge, type MantineColor } from "@mantine/core";
import type { StageDefinition } from "../../../shared/domain/stages";
import { useFormat } from "../i18n/use-format";

const COLORS: Record<string, MantineColor> = {
  draft: "gray",
  legal_review: "violet",
  negotiation: "yellow",
  approval: "orange",
  signature: "cyan",
  active: "green",
  renewal: "blue",
  terminated: "dark",
  expired: "red",
};

export interface StageBadgeProps {
  /** The stage key of the contract */
  stage: string;
  /** The pipeline's stages, for their names */
  stages: readonly StageDefinition[];
  /** Badge size */
  size?: "xs" | "sm" | "md" | "lg";
}

/** A contract's stage, by its name in the UI language. */
export function StageBadge({ stage, stages, size = "sm" }: StageBadgeProps) {
  const format = useFormat();
  return (
    <Badge color={COLORS[stage] ?? "indigo"} variant="light" size={size} tt="none">
      {format.stage(stage, stages)}
    </Badge>
  );
}
