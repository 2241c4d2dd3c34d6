/**
 * Opening a `.pacta` backup with the app (double-click, "Open with", a
 * second launch with the file as argument): finding the file in argv.
 */
import path from "node:path";

/** The `.pacta` file named on a command line, if any (the last one wins). */
export function pactaFileArg(argv: readonly string[], cwd = process.cwd()): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i] ?? "";
    if (arg.startsWith("-")) continue;
    if (arg.toLowerCase().endsWith(".pacta")) return path.resolve(cwd, arg);
  }
  return null;
}
