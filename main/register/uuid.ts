/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random
 * bits. Time-ordered ids keep the unique index on `uid` appending at its
 * end instead of writing all over it, which makes big imports faster.
 */
import { randomUUID } from "node:crypto";

export function timeOrderedUuid(now: Date = new Date()): string {
  // randomUUID draws from a buffered pool of entropy: much cheaper per call
  // than randomBytes. Keep its random bits and variant; set time and version.
  const random = randomUUID();
  const ms = now.getTime().toString(16).padStart(12, "0").slice(-12);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${random.slice(15)}`;
}
