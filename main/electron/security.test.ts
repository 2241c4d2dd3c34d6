import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  APP_CONTENT_SECURITY_POLICY,
  APP_PAGE_URL,
  allowPermission,
  isAllowedNavigation,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  openExternally,
  resolveAppFile,
  SECURE_WEB_PREFERENCES,
} from "./security";

const root = path.resolve("/opt/Pacta/resources/app.asar/dist/renderer");

describe("Electron guards", () => {
  it("trusts only the app's own page, served from app://pacta/, as an API caller", () => {
    expect(APP_PAGE_URL).toBe("app://pacta/index.html");
    expect(isTrustedSender(`${APP_PAGE_URL}#/contracts/1`)).toBe(true);
    expect(isTrustedSender("app://pacta/index.html?x=1#/")).toBe(true);
    expect(isTrustedSender("app://pacta/other.html")).toBe(false);
    expect(isTrustedSender("app://evil/index.html")).toBe(false);
    expect(isTrustedSender("file:///opt/Pacta/dist/renderer/index.html")).toBe(false);
    expect(isTrustedSender("https://pacta/index.html")).toBe(false);
    expect(isTrustedSender("http://127.0.0.1:4173/index.html")).toBe(false);
    expect(isTrustedSender("")).toBe(false);
    expect(isTrustedSender("not a url")).toBe(false);
  });

  it("lets the window move only within the app's page", () => {
    expect(isAllowedNavigation("app://pacta/index.html#/settings")).toBe(true);
    expect(isAllowedNavigation("https://example.com/")).toBe(false);
    expect(isAllowedNavigation("file:///etc/passwd")).toBe(false);
    expect(isAllowedNavigation("app://pacta/../../etc/passwd")).toBe(false);
    expect(isAppUrl("app://pacta/assets/x.js")).toBe(true);
    expect(isAppUrl("app://pactax/")).toBe(false);
  });

  it("opens only http(s) links outside, through the one helper", () => {
    const open = vi.fn();
    expect(openExternally("https://portal.bitrix24.fr/crm/", open)).toBe(true);
    expect(openExternally("http://example.com/a?b=c", open)).toBe(true);
    expect(openExternally("file:///etc/passwd", open)).toBe(false);
    expect(openExternally("javascript:alert(1)", open)).toBe(false);
    expect(openExternally("smb://share/x", open)).toBe(false);
    expect(openExternally("app://pacta/index.html", open)).toBe(false);
    expect(openExternally("mailto:someone@example.com", open)).toBe(false);
    expect(openExternally("https://user:pass@example.com/", open)).toBe(false);
    expect(openExternally("  ", open)).toBe(false);
    expect(open.mock.calls).toEqual([
      ["https://portal.bitrix24.fr/crm/"],
      ["http://example.com/a?b=c"],
    ]);
    expect(isSafeExternalUrl("not a url")).toBe(false);
  });

  it("serves files from the renderer's folder and refuses every way out of it", () => {
    expect(resolveAppFile(root, "app://pacta/index.html")).toEqual({
      ok: true,
      file: path.join(root, "index.html"),
    });
    expect(resolveAppFile(root, "app://pacta/")).toEqual({
      ok: true,
      file: path.join(root, "index.html"),
    });
    expect(resolveAppFile(root, "app://pacta/assets/index-abc.js?v=1#x")).toEqual({
      ok: true,
      file: path.join(root, "assets", "index-abc.js"),
    });
    // The URL parser folds ../ and %2e%2e/ away (it stays inside); encoded slashes reach us.
    expect(resolveAppFile(root, "app://pacta/%2e%2e/%2e%2e/secret")).toEqual({
      ok: true,
      file: path.join(root, "secret"),
    });
    expect(resolveAppFile(root, "app://pacta/assets/..%2f..%2f..%2fetc/passwd")).toMatchObject({
      ok: false,
    });
    expect(resolveAppFile(root, "app://pacta/..%5c..%5cwindows")).toEqual({
      ok: false,
      status: 400,
    });
    expect(resolveAppFile(root, "app://pacta/index.html%00.png")).toEqual({
      ok: false,
      status: 400,
    });
    expect(resolveAppFile(root, "app://pacta/%E0%A4%A")).toEqual({ ok: false, status: 400 });
    expect(resolveAppFile(root, "app://other/index.html")).toEqual({ ok: false, status: 403 });
    expect(resolveAppFile(root, "file:///etc/passwd")).toEqual({ ok: false, status: 403 });
    const plain = resolveAppFile(root, "app://pacta/a/../../../../etc/passwd");
    if (plain.ok) expect(plain.file.startsWith(root + path.sep)).toBe(true);
  });

  it("keeps the renderer isolated, sandboxed and without Node", () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it("creates the window with exactly these settings (main.ts writes them out)", () => {
    const source = fs.readFileSync(path.join(__dirname, "main.ts"), "utf8");
    const block = /webPreferences: \{([\s\S]*?)\n {4}\},/.exec(source)?.[1] ?? "";
    for (const [key, value] of Object.entries(SECURE_WEB_PREFERENCES)) {
      expect(block, key).toMatch(new RegExp(`\\b${key}: ${String(value)},`));
    }
    expect(source).not.toMatch(/loadFile\(|file:\/\//);
  });

  it("refuses every permission request", () => {
    for (const p of ["media", "geolocation", "notifications", "openExternal", "clipboard-read"]) {
      expect(allowPermission(p, APP_PAGE_URL)).toBe(false);
    }
  });

  it("sends a strict content security policy", () => {
    const directives = new Map(
      APP_CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0], d] as const),
    );
    expect(directives.get("default-src")).toBe("default-src 'none'");
    expect(directives.get("script-src")).toBe("script-src 'self'");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(APP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    const page = fs.readFileSync(path.join(__dirname, "../../renderer/index.html"), "utf8");
    expect(page).toContain(`content="default-src 'none'; script-src 'self';`);
  });
});
