import { describe, expect, it, vi } from "vitest";
import {
  isSafeExternalUrl,
  isTrustedSender,
  openExternally,
  SECURE_WEB_PREFERENCES,
} from "./security";

const page = "file:///opt/Pacta/resources/app.asar/dist/renderer/index.html";

describe("Electron guards", () => {
  it("trusts only the app's own page as an API caller", () => {
    expect(isTrustedSender(`${page}#/contracts/1`, page)).toBe(true);
    expect(isTrustedSender("file:///tmp/evil.html", page)).toBe(false);
    expect(isTrustedSender("https://example.com/index.html", page)).toBe(false);
    expect(isTrustedSender("", page)).toBe(false);
  });

  it("opens only http(s) links outside, through the given opener", () => {
    const open = vi.fn();
    expect(openExternally("https://portal.bitrix24.fr/crm/", open)).toBe(true);
    expect(openExternally("file:///etc/passwd", open)).toBe(false);
    expect(openExternally("javascript:alert(1)", open)).toBe(false);
    expect(openExternally("smb://share/x", open)).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
    expect(isSafeExternalUrl("not a url")).toBe(false);
  });

  it("keeps the renderer isolated and sandboxed", () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });
});
