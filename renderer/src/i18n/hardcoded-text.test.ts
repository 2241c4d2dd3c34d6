import { describe, expect, it } from "vitest";
import { findHardcodedText } from "./hardcoded-text";

/** Every renderer source file, as text (Vite reads them; no Node API in the renderer). */
const SOURCES = import.meta.glob<string>(["../**/*.ts", "../**/*.tsx"], {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The message tables and this scanner hold words on purpose. */
function isScanned(file: string): boolean {
  if (/\.test\.tsx?$/.test(file)) return false;
  if (/^(\.\.\/i18n|\.)\/(fr|en)(-[a-z0-9-]+)?\.ts$/.test(file)) return false;
  return !file.endsWith("/hardcoded-text.ts");
}

describe("findHardcodedText", () => {
  const find = (source: string) => findHardcodedText("x.tsx", source).map((h) => h.text);

  it("flags JSX text, label props, shown expressions, notifications and the page title", () => {
    expect(find("const a = <p>Bonjour</p>;")).toEqual(["Bonjour"]);
    expect(find('const a = <input aria-label="Search" placeholder={"Type"} />;')).toEqual([
      "Search",
      "Type",
    ]);
    expect(find('const a = <p>{on ? "Open" : "Closed"}</p>;')).toEqual(["Open", "Closed"]);
    expect(find("const a = <p title={`$" + "{n} items`} />;")).toEqual(["items"]);
    expect(find('notifications.show({ title: "Saved", message: "Done" });')).toEqual([
      "Saved",
      "Done",
    ]);
    expect(find('notifySuccess("Contract saved");')).toEqual(["Contract saved"]);
    expect(find('const data = [{ value: "fr", label: "Français" }];')).toEqual(["Français"]);
    expect(find('document.title = "Register";')).toEqual(["Register"]);
  });

  it("lets translated text, symbols, names and non-label props through", () => {
    expect(find('const a = <p title={t("x.y")}>{t("a.b")} — €</p>;')).toEqual([]);
    expect(find('const a = <input placeholder="https://oauth.example" />;')).toEqual([]);
    expect(
      find('const a = <Group justify="space-between" data-testid="row" c="dimmed" />;'),
    ).toEqual([]);
    expect(find("const a = <Text>Pacta</Text>;")).toEqual([]);
    expect(find("const a = <Text> · 1/2 </Text>;")).toEqual([]);
  });
});

describe("renderer sources", () => {
  it("are found by the scan", () => {
    expect(Object.keys(SOURCES).filter(isScanned).length).toBeGreaterThan(50);
  });

  it("have no hard-coded user-facing text: it belongs in renderer/src/i18n", () => {
    const found = Object.entries(SOURCES)
      .filter(([file]) => isScanned(file))
      .flatMap(([file, source]) => findHardcodedText(file, source))
      .map((h) => `${h.file}:${h.line} ${h.kind} ${h.text}`);
    expect(found).toEqual([]);
  });
});
