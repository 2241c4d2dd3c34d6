/**
 * The last guard before a log line reaches the disk: whatever a record
 * holds, webhook secrets, tokens and Authorization values are replaced.
 * Builds on the Bitrix24 client's patterns (`main/bitrix24/redact.ts`).
 */
import { redact } from "../bitrix24/redact";

/** A JSON field name that says secret (`token`, `clientSecret`, `webhookUrl`...). */
const SECRET_KEY = "[A-Za-z_]*(?:token|secret|password|authorization|webhook)[A-Za-z_]*";

const LINE_PATTERNS: [RegExp, string][] = [
  // Authorization: Bearer / Basic values, in headers or in text.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g, "$1 [redacted]"],
  // A token in an address (`#token=`, `?token=`), as the host prints it.
  [/([?#&](?:token|key|secret)=)[^&\s"'\\]+/gi, "$1[redacted]"],
  // JSON fields whose name says secret, whatever their depth.
  [new RegExp(`("${SECRET_KEY}"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*"`, "gi"), '$1[redacted]"'],
  // The same inside a JSON string that holds JSON (`"detail":"{\"token\":\"...\"}"`).
  [
    new RegExp(`(\\\\"${SECRET_KEY}\\\\"\\s*:\\s*\\\\")(?:[^\\\\]|\\\\[^"])*?\\\\"`, "gi"),
    '$1[redacted]\\"',
  ],
];

export function redactLine(line: string): string {
  let out = redact(line);
  for (const [pattern, replacement] of LINE_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
