import { describe, expect, it } from "vitest";
import { readDate, showDate } from "./date-text";

describe("dates typed in the contract form", () => {
  it("reads ISO and day-first dates", () => {
    expect(readDate("31/12/2026")).toBe("2026-12-31");
    expect(readDate("2026-12-31")).toBe("2026-12-31");
    expect(readDate("1/2/2026")).toBe("2026-02-01");
  });

  it("reads nothing it would have to guess", () => {
    for (const text of ["1/2/24", "31/02/2024", "29/02/2023", "15 mars 2025", "01/01/0001"]) {
      expect(readDate(text)).toBeNull();
    }
  });

  it("shows a date day first in French, as ISO in English, and other text as typed", () => {
    expect(showDate("2026-12-31", "fr")).toBe("31/12/2026");
    expect(showDate("2026-12-31", "en")).toBe("2026-12-31");
    expect(showDate("15 mars 2025", "fr")).toBe("15 mars 2025");
  });
});
