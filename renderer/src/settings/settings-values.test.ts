import { describe, expect, it } from "vitest";
import { isEmail, isFireTime, movedKeys, parseDays, parseLeadDays } from "./settings-values";

describe("settings values", () => {
  it("reads whole days from 0 to 3650", () => {
    expect(parseDays("0")).toBe(0);
    expect(parseDays(" 30 ")).toBe(30);
    expect(parseDays("3650")).toBe(3650);
    expect(parseDays("3651")).toBeNull();
    expect(parseDays("-1")).toBeNull();
    expect(parseDays("1.5")).toBeNull();
    expect(parseDays("")).toBeNull();
  });

  it("sorts lead days longest first and refuses a bad one", () => {
    expect(parseLeadDays(["1", "60", "15", "15"])).toEqual([60, 15, 1]);
    expect(parseLeadDays(["7", "abc"])).toBeNull();
  });

  it("checks times and emails", () => {
    expect(isFireTime("09:00")).toBe(true);
    expect(isFireTime("23:59")).toBe(true);
    expect(isFireTime("24:00")).toBe(false);
    expect(isFireTime("9:00")).toBe(false);
    expect(isEmail("a.b@example.fr")).toBe(true);
    expect(isEmail("a.b@example")).toBe(false);
    expect(isEmail("ab example.fr")).toBe(false);
  });

  it("swaps a stage with its neighbour", () => {
    expect(movedKeys(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(movedKeys(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(movedKeys(["a", "b", "c"], 0, -1)).toBeNull();
    expect(movedKeys(["a", "b", "c"], 2, 1)).toBeNull();
  });
});
