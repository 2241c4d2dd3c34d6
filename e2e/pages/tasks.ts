/**
 * Bitrix24 workflow tasks in the app: the inbox (#/tasks), a task's card
 * with its answer form, and the business-process section of a contract.
 */
import { expect, type Locator, type Page } from "@playwright/test";
import type { Bitrix24Double } from "../bitrix24-double/server";
import { ContractPage } from "./contract-page";
import { SyncControl, SyncSettings } from "./sync";

export class TasksInbox {
  readonly heading: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Tâches Bitrix24" });
    this.empty = main.getByText("Aucune tâche en attente.", { exact: false });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Tâches" })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** A task's card, by the task's name. */
  task(name: string): Locator {
    return this.page.getByRole("main").getByRole("article", { name });
  }
}

export class WorkflowsPanel {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = new ContractPage(page).section("Processus d'entreprise");
  }

  startButton(template: string): Locator {
    return this.section.getByRole("button", { name: `Lancer « ${template} »` });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }
}

/** Connects the app to the double, targets the smart process "Contrats" and syncs once. */
export async function connectToDouble(page: Page, url: string, double: Bitrix24Double) {
  const settings = new SyncSettings(page);
  await settings.open(url);
  await settings.webhook.fill(double.webhookUrl());
  await settings.connect.click();
  await expect(settings.disconnect).toBeVisible();
  await settings.choose("Les contrats sont", "le processus intelligent « Contrats »");
  await settings.choose("Pipeline", "Contrats clients");
  await settings.save.click();
  await expect(page.getByText("Réglages Bitrix24 enregistrés.")).toBeVisible();
  await new SyncControl(page).sync();
}
