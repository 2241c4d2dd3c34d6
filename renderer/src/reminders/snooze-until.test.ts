import { describe, expect, it } from "vitest";
import { snoozeUntil } from "./snooze-until";

describe("snoozeUntil", () => {
  it("joins a calendar date and a time into a local ISO time", () => {
    expect(snoozeUntil("2027-03-01", "08:05")).toBe("2027-03-01T08:05:00");
  });

  it("refuses a missing or impossible date or time", () => {
    expect(snoozeUntil("", "09:00")).toBeNull();
    expect(snoozeUntil("2027-02-30", "09:00")).toBeNull();
    expect(snoozeUntil("2027-03-01", "")).toBeNull();
    expect(snoozeUntil("2027-03-01", "24:00")).toBeNull();
  });
});
