import { describe, expect, it } from "vitest";
import { localToday } from "./local-today";

describe("localToday", () => {
  it("gives the local calendar date, zero-padded", () => {
    expect(localToday(new Date(2027, 0, 5, 23, 30))).toBe("2027-01-05");
  });
});
