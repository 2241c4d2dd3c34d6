import { describe, expect, it } from "vitest";
import { backupDate, backupSize } from "./backup-text";

describe("backup text", () => {
  it("gives sizes in KB under a megabyte, in MB with one decimal above, per language", () => {
    expect(backupSize(300, "fr")).toEqual({ key: "kb", count: "1" });
    expect(backupSize(250 * 1024, "en")).toEqual({ key: "kb", count: "250" });
    expect(backupSize(1.55 * 1024 * 1024, "fr")).toEqual({ key: "mb", count: "1,6" });
    expect(backupSize(1.55 * 1024 * 1024, "en")).toEqual({ key: "mb", count: "1.6" });
  });

  it("shows the date and time with seconds, so copies of one minute differ", () => {
    const a = backupDate("2026-12-04T21:30:05.000Z", "en");
    const b = backupDate("2026-12-04T21:30:45.000Z", "en");
    expect(a).not.toBe(b);
    expect(a).toMatch(/2026/);
    expect(backupDate("2026-12-04T21:30:05.000Z", "fr")).toMatch(/déc\. 2026/);
  });
});
