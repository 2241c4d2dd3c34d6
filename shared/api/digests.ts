/** The digests group of the API: settings per person, a digest now, the feed of sent ones. */
import { z } from "zod";
import {
  type Digest,
  type DigestSetting,
  digestSettingInputSchema,
  type FiredDigest,
} from "../domain/digests";
import { endpoint } from "./endpoint";

export type { Digest, DigestSetting, FiredDigest } from "../domain/digests";

export interface DigestFeed {
  /** Pass it back as `since` to get only what went out after this answer. */
  cursor: number;
  /** The last digest sent so far: where a new listener starts. */
  newest: number;
  items: FiredDigest[];
}

export const digestsApi = {
  /** Every person (archived ones left out) with their digest setting. */
  settings: endpoint<DigestSetting[]>()(z.object({})),
  setSetting: endpoint<DigestSetting>()(digestSettingInputSchema),
  /** One person's digest as of today, without sending it. */
  preview: endpoint<Digest>()(z.object({ personId: z.number().int().positive() })),
  /** Digests sent after `since`, oldest first (for in-app notifications). */
  feed: endpoint<DigestFeed>()(
    z.object({
      since: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
} as const;
