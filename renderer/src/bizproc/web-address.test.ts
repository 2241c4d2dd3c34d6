import { describe, expect, it } from "vitest";
import { isWebAddress } from "./web-address";

describe("isWebAddress", () => {
  it("takes http and https addresses only", () => {
    expect(isWebAddress("https://firm.bitrix24.fr/company/personal/bizproc/12/")).toBe(true);
    expect(isWebAddress("http://127.0.0.1:8080/company/personal/bizproc/3/")).toBe(true);
    expect(isWebAddress("javascript:alert(1)")).toBe(false);
    expect(isWebAddress("file:///etc/passwd")).toBe(false);
    expect(isWebAddress("/company/personal/bizproc/12/")).toBe(false);
    expect(isWebAddress(null)).toBe(false);
  });
});
