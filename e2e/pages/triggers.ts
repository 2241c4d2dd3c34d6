/** The triggers screen: the rule form, the rules, and the latest firings. */
import { expect, type Locator, type Page } from "@playwright/test";
import { pickOption } from "./select";

export class TriggersPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly name: Locator;
  readonly save: Locator;
  readonly rules: Locator;
  readonly firings: Locator;
  readonly runNow: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Déclencheurs" });
    this.form = main.getByRole("form", { name: /^(Nouvelle règle|Modifier la règle)/ });
    this.name = this.form.getByLabel("Nom de la règle");
    this.save = this.form.getByRole("button", { name: "Enregistrer la règle" });
    this.rules = main.getByRole("table").first();
    this.firings = main.getByRole("table").nth(1);
    this.runNow = main.getByRole("button", { name: "Exécuter maintenant" });
  }

  /** From the settings, as a person finds it. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Paramètres" })
      .click();
    await this.page.getByRole("link", { name: "Gérer les déclencheurs" }).click();
    await expect(this.heading).toBeVisible();
  }

  check(label: string): Promise<void> {
    return this.form.getByRole("checkbox", { name: label, exact: true }).check();
  }

  rule(name: string): Locator {
    return this.rules.getByRole("row", { name });
  }

  /** Picks from one of the portal's lists once it has loaded, again if the list closed. */
  async pick(label: string, option: string): Promise<void> {
    const select = this.form.getByRole("combobox", { name: label, exact: true });
    await expect(select).toBeEnabled({ timeout: 30_000 });
    await pickOption(this.page, select, option);
  }

  /** Opens a rule in the form. */
  async edit(name: string): Promise<void> {
    await this.rule(name).getByRole("button", { name: "Modifier" }).click();
    await expect(this.form).toHaveAccessibleName(`Modifier la règle « ${name} »`);
  }
}
