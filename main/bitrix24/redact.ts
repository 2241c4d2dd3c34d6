/**
 * Keeps webhook secrets and tokens out of every message we write: the
 * secret path segment of a webhook URL, `auth=` and token parameters, and
 * any secret the caller names explicitly.
 */

const PATTERNS: [RegExp, string][] = [
  [/(\/rest\/\d+\/)[^/?#\s"']+/g, "$1[redacted]"],
  [/((?:auth|access_token|refresh_token|client_secret)=)[^&\s"']+/gi, "$1[redacted]"],
  [/("(?:auth|access_token|refresh_token|client_secret)"\s*:\s*")[^"]*/gi, "$1[redacted]"],
];

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
