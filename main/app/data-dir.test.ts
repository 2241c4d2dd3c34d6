import { describe, expect, it } from "vitest";
import { defaultDataDir, resolveDataDir } from "./data-dir";

describe("data folder", () => {
  it("matches the desktop app's folder on each system", () => {
    expect(defaultDataDir("linux", {}, "/home/ana")).toBe("/home/ana/.config/Pacta");
    expect(defaultDataDir("linux", { XDG_CONFIG_HOME: "/cfg" }, "/home/ana")).toBe("/cfg/Pacta");
    expect(defaultDataDir("darwin", {}, "/Users/ana")).toBe(
      "/Users/ana/Library/Application Support/Pacta",
    );
    expect(defaultDataDir("win32", { APPDATA: "C:\\Users\\ana\\AppData\\Roaming" }, "C:\\x")).toBe(
      "C:\\Users\\ana\\AppData\\Roaming\\Pacta",
    );
  });

  it("prefers the flag, then PACTA_DATA_DIR", () => {
    expect(resolveDataDir("/a", { PACTA_DATA_DIR: "/b" })).toBe("/a");
    expect(resolveDataDir(null, { PACTA_DATA_DIR: "/b" })).toBe("/b");
  });
});
