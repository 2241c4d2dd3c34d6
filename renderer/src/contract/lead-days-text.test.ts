import { describe, expect, it } from "vitest";
import { readLeadDays, showLeadDays } from "./lead-days-text";

describe("readLeadDays", () => {
  it("reads days separated by commas or spaces, largest first, once each", () => {
    expect(readLeadDays("7, 30 90;0 30")).toEqual([90, 30, 7, 0]);
  });

  it("refuses empty text, words, negatives, fractions and too many", () => {
    expect(readLeadDays("  ")).toBeNull();
    expect(readLeadDays("7, soon")).toBeNull();
    expect(readLeadDays("-1")).toBeNull();
    expect(readLeadDays("1.5")).toBeNull();
    expect(readLeadDays("9999")).toBeNull();
    expect(readLeadDays("1 2 3 4 5 6 7 8 9 10 11 12 13")).toBeNull();
  });

  it("shows a list the way it reads it back", () => {
    expect(readLeadDays(showLeadDays([90, 30, 7, 0]))).toEqual([90, 30, 7, 0]);
  });
});
