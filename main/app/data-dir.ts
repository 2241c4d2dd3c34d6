/**
 * The one data folder: `--data-dir`, else `PACTA_DATA_DIR`, else the folder
 * Electron gives the desktop app (`app.getPath("userData")` for "Pacta"),
 * computed here without Electron so the CLI finds the same register.
 */
import os from "node:os";
import path from "node:path";

export const APP_NAME = "Pacta";

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === "win32") {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, "AppData", "Roaming"), APP_NAME);
  }
  if (platform === "darwin") {
    return path.posix.join(home, "Library", "Application Support", APP_NAME);
  }
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, ".config"), APP_NAME);
}

export function resolveDataDir(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.PACTA_DATA_DIR || defaultDataDir(process.platform, env);
  return path.resolve(chosen);
}
