/**
 * A log file that rotates by size: when the next line would pass
 * `maxBytes`, `pacta.log` becomes `pacta.log.1` (`.1` becomes `.2`, and so
 * on; the oldest beyond `keep` goes). Lines are redacted, then written
 * synchronously, so a crash loses nothing already logged.
 */
import fs from "node:fs";
import path from "node:path";
import { redactLine } from "./redact-line";

export interface RotationOptions {
  maxBytes: number;
  /** Rotated files kept beside the current one. */
  keep: number;
}

export class RotatingLogFile {
  private fd: number | null = null;
  private size = 0;

  constructor(
    readonly file: string,
    private readonly options: RotationOptions,
  ) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.openFile();
  }

  /** pino's destination interface. */
  write(chunk: string): boolean {
    const line = redactLine(chunk);
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    if (this.fd === null) this.openFile();
    if (this.fd !== null) {
      fs.writeSync(this.fd, line);
      this.size += bytes;
    }
    return true;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** The current file and the rotated ones, newest first, that exist. */
  files(): string[] {
    const out = [this.file];
    for (let i = 1; i <= this.options.keep; i++) out.push(`${this.file}.${i}`);
    return out.filter((f) => fs.existsSync(f));
  }

  private openFile(): void {
    try {
      this.fd = fs.openSync(this.file, "a", 0o600);
      this.size = fs.fstatSync(this.fd).size;
    } catch {
      // The folder went away (a test cleaned up): drop records rather than crash.
      this.fd = null;
    }
  }

  private rotate(): void {
    this.close();
    const { keep } = this.options;
    fs.rmSync(`${this.file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${this.file}.${i}`))
        fs.renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    if (keep >= 1 && fs.existsSync(this.file)) fs.renameSync(this.file, `${this.file}.1`);
    else fs.rmSync(this.file, { force: true });
    this.openFile();
  }
}
