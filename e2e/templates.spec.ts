/**
 * Templates as a lawyer uses them: a Markdown file imported through the
 * file picker, a section edited in the rich-text editor with a field from
 * the picker, the live preview and a problem shown at its spot, versions
 * saved, compared and restored; the firm's CGV imported too.
 */
import fs from "node:fs";
import path from "node:path";
import { TemplateEditor } from "./pages/template-editor";
import { TemplatesPage } from "./pages/templates-page";
import { expect, SHARED_DATA, test } from "./support/pacta";

const FIXTURE = path.join(__dirname, "fixtures/templates/prestation.fr.md");
const CGV = path.join(SHARED_DATA, "templates/cgv.fr.md");

test("a Markdown template is imported, edited, checked, versioned and restored", async ({
  page,
  pacta,
}) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await expect(templates.emptyTitle).toBeVisible();
  await templates.importFile(FIXTURE);

  const editor = new TemplateEditor(page);
  await expect(editor.heading).toHaveText("Contrat de prestation de services");
  await editor.expectVersion(1);
  await expect(editor.sectionItems()).toHaveCount(5);
  await expect(editor.sectionItems().first()).toContainText("1. Parties");

  // Rich text: a bold word typed at the end of "Objet", then a field from the picker.
  await editor.selectSection("Objet");
  await editor.cursorAtEnd();
  await page.keyboard.press("Enter");
  await editor.toolbar.getByRole("button", { name: "Gras" }).click();
  await page.keyboard.type("Livrables acceptés par");
  await editor.toolbar.getByRole("button", { name: "Gras" }).click();
  await page.keyboard.type(" ");
  await editor.insertField("client", /party\.client\.name/);
  await expect(editor.body.locator("strong")).toContainText("Livrables acceptés par");
  await expect(editor.body).toContainText("{{party.client.name}}");
  await expect(editor.unsaved).toBeVisible();
  await expect(editor.preview).toContainText("Livrables acceptés par");

  // A field nobody knows: the problem shows under the section, with its line and column.
  await page.keyboard.type(" {{contrat.inconnu}}");
  await expect(editor.problems).toContainText(/Ligne \d+, colonne \d+/);
  await expect(editor.problems).toContainText(
    "Champ inconnu : ce champ n'est ni déclaré ni dans le catalogue ; il restera vide.",
  );
  await expect(editor.problems).toContainText("contrat.inconnu");
  const objet = editor.sectionItems().filter({ hasText: "Objet" });
  await expect(objet).toContainText("1 problème");
  for (let i = 0; i < " {{contrat.inconnu}}".length; i++) await page.keyboard.press("Backspace");
  await expect(editor.problems).toBeHidden();
  await expect(objet).not.toContainText("problème");

  // Keyboard reordering: "Signatures" moves up above "Durée".
  await editor.sectionList.getByRole("button", { name: "Monter la section Signatures" }).click();
  await expect(editor.sectionItems().nth(3)).toContainText("4. Signatures");
  await expect(editor.sectionItems().nth(4)).toContainText("5. Durée");

  await editor.saveVersion("Livrables précisés", 2);

  // Versions: compare 1 → 2 shows the added words, then restore version 1 as version 3.
  await editor.versions.click();
  await expect(editor.drawer).toBeVisible();
  const rows = editor.drawer.getByRole("table", { name: /Versions enregistrées/ });
  await expect(rows.getByRole("row").filter({ hasText: "Livrables précisés" })).toBeVisible();
  await editor.drawer.getByRole("button", { name: "Comparer" }).click();
  const comparison = editor.drawer.getByTestId("comparison");
  await expect(comparison).toContainText("Changements de la version 1 à la version 2");
  await expect(comparison.locator("ins").first()).toBeVisible();
  await expect(comparison.locator("ins")).toContainText(["Livrables"]);

  await editor.drawer.getByRole("button", { name: "Voir la version 1" }).click();
  await expect(editor.drawer.getByTestId("version-view")).not.toContainText("Livrables");
  await editor.drawer.getByRole("button", { name: "Restaurer la version 1" }).click();
  await expect(editor.drawer).toBeHidden();
  await editor.expectVersion(3);
  await editor.selectSection("Objet");
  await expect(editor.body).not.toContainText("Livrables acceptés");
  await expect(editor.sectionItems().nth(4)).toContainText("5. Signatures");

  // The list shows the template with its newest version.
  await page.getByRole("link", { name: "Retour aux modèles" }).click();
  const row = templates.row("Contrat de prestation de services");
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
});

test("a new section is added, dragged and must have a title; the template is archived", async ({
  page,
  pacta,
}) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.create("Accord de confidentialité");
  const editor = new TemplateEditor(page);
  await expect(editor.heading).toHaveText("Accord de confidentialité");
  await expect(editor.sectionItems()).toHaveCount(1);

  await page.getByRole("button", { name: "Ajouter une section" }).click();
  await expect(editor.sectionItems()).toHaveCount(2);
  await editor.sectionTitle.fill("Durée de l'obligation");
  await editor.body.click();
  await page.keyboard.type("Cinq ans après la fin du contrat.");

  // Drag "Durée de l'obligation" above "Parties".
  await editor.sectionItems().nth(1).dragTo(editor.sectionItems().nth(0));
  await expect(editor.sectionItems().nth(0)).toContainText("1. Durée de l'obligation");

  await editor.sectionTitle.fill("");
  await editor.save.click();
  await expect(page.getByRole("alert").filter({ hasText: "à corriger" })).toBeVisible();
  await expect(editor.sectionTitle).toHaveAccessibleDescription(
    "Chaque section doit avoir un titre.",
  );
  await editor.sectionTitle.fill("Durée");
  await editor.saveVersion("", 2);

  // Archived, it leaves the list (and the generate dialog) until shown again.
  await page.getByRole("link", { name: "Retour aux modèles" }).click();
  await templates
    .row("Accord de confidentialité")
    .getByRole("button", { name: /Archiver/ })
    .click();
  await expect(templates.emptyTitle).toBeVisible();
  await templates.showArchived.click();
  const row = templates.row("Accord de confidentialité");
  await expect(row).toContainText("Archivé");
  await row.getByRole("button", { name: /^Rétablir le modèle/ }).click();
  await templates.showArchived.click();
  await expect(templates.row("Accord de confidentialité")).toBeVisible();
});

test("a Markdown file with nothing in it is refused, naming the file", async ({ page, pacta }) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(path.join(__dirname, "fixtures/templates/vide.md"));
  await expect(page.getByRole("alert").filter({ hasText: "vide.md" })).toBeVisible();
  await expect(templates.emptyTitle).toBeVisible();
});

test("the firm's CGV import as a template and render", async ({ page, pacta }) => {
  test.skip(!fs.existsSync(CGV), `${CGV} is absent: the shared data folder is not beside the repo`);
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(CGV);
  const editor = new TemplateEditor(page);
  await editor.expectVersion(1);
  expect(await editor.sectionItems().count()).toBeGreaterThanOrEqual(10);
  await expect(editor.sectionItems().first()).toContainText("Champ d’application");
  await expect(editor.preview).toContainText("Les présentes conditions générales");
  await expect(page.getByTestId("section-problems")).toBeHidden();
});

test("a save over someone else's newer version is refused and explained", async ({
  page,
  pacta,
  context,
}) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(FIXTURE);
  const mine = new TemplateEditor(page);
  await mine.expectVersion(1);

  // A colleague (another tab) saves a version first.
  const other = await context.newPage();
  await other.goto(page.url());
  const theirs = new TemplateEditor(other);
  await theirs.expectVersion(1);
  await theirs.body.click();
  await other.keyboard.type("Modifié ailleurs. ");
  await theirs.saveVersion("", 2);

  await mine.body.click();
  await page.keyboard.type("Ma modification. ");
  await mine.save.click();
  const stale = page.getByRole("alert").filter({ hasText: "Quelqu'un d'autre a enregistré" });
  await expect(stale).toBeVisible();
  await mine.expectVersion(1);
  await stale.getByRole("button", { name: "Recharger la dernière version" }).click();
  await mine.expectVersion(2);
  await expect(mine.body).toContainText("Modifié ailleurs.");
});

test("Back or a typed address asks before leaving unsaved edits", async ({ page, pacta }) => {
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(FIXTURE);
  const editor = new TemplateEditor(page);
  await expect(editor.heading).toHaveText("Contrat de prestation de services");
  const editorUrl = page.url();
  await editor.selectSection("Objet");
  await editor.sectionTitle.fill("Objet du contrat");
  await expect(editor.unsaved).toBeVisible();

  const ask = page.getByRole("dialog").filter({ hasText: "Quitter sans enregistrer ?" });
  await page.goBack();
  await expect(ask).toBeVisible();
  await expect(page).toHaveURL(editorUrl);
  await ask.getByRole("button", { name: "Rester sur la page" }).click();
  await expect(ask).toBeHidden();
  await expect(editor.sectionTitle).toHaveValue("Objet du contrat");
  await expect(editor.unsaved).toBeVisible();

  // A #/ address typed in the bar is a hash move too.
  await page.evaluate(() => {
    window.location.hash = "#/";
  });
  await expect(ask).toBeVisible();
  await expect(page).toHaveURL(editorUrl);
  await ask.getByRole("button", { name: "Quitter sans enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).not.toHaveText(
    "Contrat de prestation de services",
  );
  await expect(page).not.toHaveURL(editorUrl);
});

test("a binary file is refused as a template, in French", async ({ page, pacta }, testInfo) => {
  const file = testInfo.outputPath("photo.md");
  fs.writeFileSync(file, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)));
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.importFile(file);
  const alert = page.getByRole("alert").filter({ hasText: "photo.md n'est pas un fichier texte" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Ce fichier n'a pas été importé comme modèle.");
  await expect(alert).not.toContainText("Corrigez les champs signalés");
  await expect(templates.emptyTitle).toBeVisible();
});
