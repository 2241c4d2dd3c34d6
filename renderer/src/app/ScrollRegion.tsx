import { Box } from "@mantine/core";
import type { ReactNode } from "react";

export interface ScrollRegionProps {
  /** Names the region for assistive technology */
  label: string;
  /** Height above which the content scrolls */
  maxHeight: number;
  /** Wide content (a table) */
  children: ReactNode;
}

/** A labelled region that scrolls and can be scrolled with the keyboard. */
export function ScrollRegion({ label, maxHeight, children }: ScrollRegionProps) {
  return (
    <Box
      component="section"
      aria-label={label}
      tabIndex={0}
      mah={maxHeight}
      style={{ overflow: "auto" }}
    >
      {children}
    </Box>
  );
}
