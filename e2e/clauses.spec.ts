/**
 * The clause library: clauses added with tags and an approved or fallback
 * mark, found by search and tag, edited, inserted at the cursor into a
 * template section and into a contract's text, and deleted.
 */
import path from "node:path";
import { ClauseLibrary } from "./pages/clause-library";
import { DocumentPanel } from "./pages/document-panel";
import { RegisterPage } from "./pages/register-page";
import { TemplateEditor } from "./pages/template-editor";
import { TemplatesPage } from "./pages/templates-page";
import { expect, test } from "./support/pacta";

test("clauses are added, found, edited, inserted into a template and a contract, deleted", async ({
  page,
  pacta,
}) => {
  const library = new ClauseLibrary(page);
  await library.open(pacta.url);
  await expect(library.emptyTitle).toBeVisible();

  await library.add.click();
  await library.fillAndSave({
    name: "Confidentialité",
    text: "Chaque partie garde confidentielles les informations reçues de l'autre.",
    tags: ["confidentialité", "standard"],
  });
  await library.add.click();
  await library.fillAndSave({
    name: "Résiliation (repli)",
    text: "Résiliation possible avec un préavis de trois mois.",
    tags: ["résiliation"],
    fallback: true,
  });
  await expect(library.row("Confidentialité")).toContainText("Approuvée");
  await expect(library.row("Résiliation (repli)")).toContainText("De repli");

  await library.search.fill("préavis");
  await expect(library.row("Résiliation (repli)")).toBeVisible();
  await expect(library.row("Confidentialité")).toBeHidden();
  await library.search.fill("");
  await library.tag.click();
  await page.getByRole("option", { name: "standard", exact: true }).click();
  await expect(library.row("Confidentialité")).toBeVisible();
  await expect(library.row("Résiliation (repli)")).toBeHidden();

  await library
    .row("Confidentialité")
    .getByRole("button", { name: /Modifier la clause/ })
    .click();
  await library.fillAndSave({
    name: "Confidentialité",
    text: "Chaque partie garde confidentielles, pendant cinq ans, les informations reçues.",
  });
  await expect(library.row("Confidentialité")).toBeVisible();

  // Inserted into a template's section at the cursor.
  const templates = new TemplatesPage(page);
  await templates.open(pacta.url);
  await templates.create("Contrat cadre");
  const editor = new TemplateEditor(page);
  await editor.body.click();
  await page.keyboard.type("Article premier.");
  await page.getByRole("main").getByRole("button", { name: "Insérer une clause" }).click();
  const picker = page.getByRole("dialog", { name: "Insérer une clause de la bibliothèque" });
  await picker.getByRole("textbox", { name: "Rechercher une clause" }).fill("cinq ans");
  await picker.getByRole("button", { name: "Insérer la clause Confidentialité" }).click();
  await expect(picker).toBeHidden();
  await expect(editor.body).toContainText("Article premier.");
  await expect(editor.body).toContainText("pendant cinq ans");

  await editor.saveVersion("", 2);

  // Inserted into a contract's text, in the section being edited.
  const run = pacta.cli("import", path.join(__dirname, "fixtures/import/contracts.json"));
  expect(run.status, run.stderr).toBe(0);
  const register = new RegisterPage(page);
  await register.showFromNavigation();
  await register.openContract("Master services agreement");
  const doc = new DocumentPanel(page);
  await doc.generateFirst.click();
  await doc.chooseTemplate(/Contrat cadre/);
  await doc.generate.click();
  await expect(doc.dialog).toBeHidden();
  const first = doc.section(1);
  await first.body.click();
  await page.keyboard.press("ControlOrMeta+End");
  await first.group.getByRole("button", { name: "Insérer une clause" }).click();
  await picker.getByRole("button", { name: "Insérer la clause Résiliation (repli)" }).click();
  await expect(first.body).toContainText("préavis de trois mois");
  await doc.save.click();
  await expect(page.getByText("Texte du contrat enregistré.")).toBeVisible();

  await library.open(pacta.url);
  await library
    .row("Résiliation (repli)")
    .getByRole("button", { name: /Supprimer/ })
    .click();
  await page
    .getByRole("dialog", { name: "Supprimer cette clause ?" })
    .getByRole("button", { name: "Supprimer la clause" })
    .click();
  await expect(library.row("Résiliation (repli)")).toBeHidden();
  await expect(library.row("Confidentialité")).toBeVisible();
});

test("a second clause with the same name, or one with no text, is refused", async ({
  page,
  pacta,
}) => {
  const library = new ClauseLibrary(page);
  await library.open(pacta.url);
  await library.add.click();
  await library.fillAndSave({ name: "Confidentialité", text: "Les parties se taisent." });

  await library.add.click();
  const dialog = library.dialog();
  const name = dialog.getByRole("textbox", { name: "Nom", exact: true });
  await name.fill("CONFIDENTIALITÉ");
  const save = dialog.getByRole("button", { name: "Enregistrer la clause" });
  // Nothing written in the text: refused before it is sent.
  await save.click();
  await expect(dialog.getByText("Rédigez le texte de la clause.")).toBeVisible();
  await dialog.getByRole("textbox", { name: "Texte de la clause" }).click();
  await page.keyboard.type("Autre version.");
  await save.click();
  await expect(dialog.getByRole("alert")).toContainText("La clause n'a pas été enregistrée.");
  await expect(dialog.getByRole("alert")).toContainText("“Confidentialité” (#1)");
  await expect(name).toHaveAccessibleDescription(/porte déjà ce nom/);
});
