/**
 * Where the Bitrix24 secret (webhook URL, or OAuth client secret and
 * tokens) lives: encrypted by the system's keychain when the Electron door
 * hands us one (`safeStorage`), otherwise in a file only this user can read
 * (0600) in the data folder. Nothing else in the app ever holds it in a
 * file, a log line, an error or an API result.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PactaError } from "../../shared/api/result";

/** What Electron's `safeStorage` offers; the Electron door passes it in, tests pass their own. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
}

export const secretSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("webhook"), url: z.string().min(1) }),
  z.object({
    kind: z.literal("oauth"),
    restUrl: z.string().min(1),
    oauthUrl: z.string().min(1),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1),
    expiresAt: z.number().optional(),
  }),
]);
export type PortalSecret = z.output<typeof secretSchema>;

const fileSchema = z.object({
  storage: z.enum(["safeStorage", "file"]),
  /** base64 of the encrypted JSON (safeStorage), or the JSON itself (file). */
  data: z.string(),
});

export const SECRET_FILE = "bitrix24-secret.json";

export class SecretStore {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly cipher: SecretCipher | null = null,
  ) {
    this.file = path.join(dataDir, SECRET_FILE);
  }

  /** How a secret written now would be kept. */
  get storage(): "safeStorage" | "file" {
    return this.cipher?.isEncryptionAvailable() ? "safeStorage" : "file";
  }

  read(): PortalSecret | null {
    let text: string;
    try {
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw new PactaError("not_connected", `cannot read ${this.file}: ${codeOf(error)}`);
    }
    const stored = fileSchema.safeParse(parseJson(text));
    if (!stored.success) {
      throw new PactaError("not_connected", `${this.file} is damaged; connect to the portal again`);
    }
    let json: string;
    if (stored.data.storage === "safeStorage") {
      if (!this.cipher?.isEncryptionAvailable()) {
        throw new PactaError(
          "not_connected",
          "the Bitrix24 connection is locked in the desktop app's keychain; run the sync from " +
            "the app, or connect again here",
        );
      }
      try {
        json = this.cipher.decryptString(Buffer.from(stored.data.data, "base64"));
      } catch {
        throw new PactaError("not_connected", "the keychain could not unlock the connection");
      }
    } else json = stored.data.data;
    const secret = secretSchema.safeParse(parseJson(json));
    if (!secret.success) {
      throw new PactaError("not_connected", `${this.file} is damaged; connect to the portal again`);
    }
    return secret.data;
  }

  /** Replaces the secret atomically: a crash leaves the old one or the new one, never half. */
  write(secret: PortalSecret): void {
    const json = JSON.stringify(secret);
    const storage = this.storage;
    const data =
      storage === "safeStorage" && this.cipher
        ? this.cipher.encryptString(json).toString("base64")
        : json;
    const temp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify({ storage, data }), { mode: 0o600 });
    fs.chmodSync(temp, 0o600);
    fs.renameSync(temp, this.file);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
