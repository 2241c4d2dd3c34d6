/**
 * The reports screen in Chromium through the headless host: charts drawn,
 * tables holding the figures, filters changing them, and the CSV export
 * downloaded and parsed back.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { ReportsPage } from "./pages/reports-page";
import { expect, type PactaHost, test } from "./support/pacta";

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Three contracts with known values and dates, imported with the CLI. */
function seed(pacta: PactaHost): void {
  const contracts = [
    {
      reference: "REP-1",
      title: "Infogérance",
      type: "Services",
      stage: "active",
      value: 1000.5,
      currency: "EUR",
      endDate: inDays(20),
      tags: ["it"],
    },
    {
      reference: "REP-2",
      title: "Hébergement",
      type: "Services",
      stage: "active",
      value: 200,
      currency: "USD",
      endDate: inDays(45),
      renewal: { kind: "automatic", term: "P1Y", notice: "P1M" },
    },
    {
      reference: "REP-3",
      title: "Fournitures",
      type: "Supply",
      stage: "negotiation",
      value: 300,
      currency: "EUR",
      endDate: inDays(80),
    },
  ];
  const file = path.join(pacta.dataDir, "seed.json");
  fs.writeFileSync(file, JSON.stringify(contracts));
  const run = pacta.cli("import", file);
  expect(run.status, run.stderr).toBe(0);
}

test("the reports screen charts the figures, tables them, filters and exports them", async ({
  page,
  pacta,
}) => {
  seed(pacta);
  const reports = new ReportsPage(page);
  await reports.open(pacta.url);

  expect(await reports.rows("Contrats")).toEqual([
    ["Contrats retenus", "3"],
    ["Contrats en vigueur", "2"],
  ]);
  expect(await reports.rows("Échéances à venir")).toEqual([
    ["30", "1", "1"],
    ["60", "2", "1"],
    ["90", "3", "1"],
  ]);
  const byCurrency = await reports.rows("Valeur par devise");
  expect(byCurrency.map((r) => [r[0], r[1]?.replace(/\s/g, ""), r[2]])).toEqual([
    ["EUR", "1300,50€", "2"],
    ["USD", "200,00$US", "1"],
  ]);
  // One chart per currency for the value by stage; bars for the windows.
  await expect(page.getByTestId("chart-valueByStage")).toHaveCount(2);
  await expect(reports.bars("windows")).toHaveCount(6);
  // Counts are charted on whole-number ticks (never 0.25, 0.5…).
  const ticks = page.getByTestId("chart-windows").locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toBeVisible();
  const tickTexts = await ticks.allTextContents();
  expect(tickTexts.filter((tick) => /^\d+$/.test(tick)).length).toBeGreaterThan(1);
  for (const tick of tickTexts) expect(tick).not.toMatch(/\d[.,]\d/);
  await expect(reports.bars("valueByStage")).toHaveCount(3);

  await reports.choose(reports.type, "Services");
  await expect(reports.table("Contrats").locator("tbody tr").first()).toContainText("2");
  await expect
    .poll(async () => (await reports.rows("Valeur par devise")).map((r) => r[0]))
    .toEqual(["EUR", "USD"]);
  expect((await reports.rows("Valeur par devise"))[0]?.[1]?.replace(/\s/g, "")).toBe("1000,50€");
  await expect(reports.bars("valueByStage")).toHaveCount(2);

  await reports.choose(reports.tag, "it");
  await expect
    .poll(async () => (await reports.rows("Valeur par devise")).map((r) => r[0]))
    .toEqual(["EUR"]);

  const download = page.waitForEvent("download");
  await reports.exportButton.click();
  await page.getByRole("menuitem", { name: /CSV pour Excel/ }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ";" }).data;
  expect(rows).toContainEqual(["Filtres", "type Services, étiquette it"]);
  const at = rows.findIndex((r) => r[0] === "Valeur par devise");
  expect(rows[at + 2]).toEqual(["EUR", "1000,50", "1"]);
});

test("a person's daily digest is switched on at a time, and pacta digest prints it", async ({
  page,
  pacta,
}) => {
  await page.goto(pacta.url);
  await page.getByRole("link", { name: "Paramètres" }).click();
  await page.getByRole("button", { name: "Ajouter une personne" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("textbox", { name: /^Nom/ }).fill("Camille Martin");
  await dialog.getByLabel("Adresse e-mail").fill("camille@example.fr");
  await dialog.getByLabel("Rôle").fill("juriste");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();

  const digests = page.getByRole("region", { name: "Synthèses des indicateurs" });
  const on = digests.getByRole("switch", { name: "Synthèse quotidienne pour Camille Martin" });
  // The switch turns on once main has saved the setting.
  await on.click();
  await expect(page.getByText("Réglage de synthèse enregistré.").first()).toBeVisible();
  await expect(on).toBeChecked();
  const time = digests.getByLabel("Heure de la synthèse pour Camille Martin");
  await time.fill("07:45");
  await time.blur();
  await expect(digests.getByText("aucun identifiant")).toBeVisible();

  await page.reload();
  await expect(on).toBeChecked();
  await expect(time).toHaveValue("07:45");

  const run = pacta.cli("digest", "--person", "camille@example.fr", "--json");
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ person: "Camille Martin", late: [], dueSoon: [] });
});
