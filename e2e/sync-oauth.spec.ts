/**
 * Connecting with OAuth from the settings, as an admin would with a local
 * app: the portal's authorization page opens in a new tab; the first time,
 * the app has no redirect address yet, so the admin copies the one Pacta
 * shows into the app's form, opens the page again, and the portal sends the
 * browser back to Pacta on 127.0.0.1. The double plays the portal and the
 * OAuth server.
 */
import { Bitrix24Double, DEFAULT_APP } from "./bitrix24-double/server";
import { SyncControl, SyncSettings } from "./pages/sync";
import { expect, test } from "./support/pacta";

let double: Bitrix24Double;

test.beforeEach(async () => {
  double = await Bitrix24Double.start();
});

test.afterEach(async () => {
  await double.close();
});

test("connects with OAuth through the portal's authorization page", async ({ page, pacta }) => {
  const settings = new SyncSettings(page);
  await settings.open(pacta.url);
  const form = settings.section.getByRole("form", { name: /application locale/ });
  await form.getByLabel("Adresse du portail").fill(`${double.origin}/`);
  await form.getByLabel("Identifiant de l'application (client_id)").fill(DEFAULT_APP.clientId);
  await form.getByLabel("Clé de l'application (client_secret)").fill(DEFAULT_APP.clientSecret);
  await form.getByLabel("Serveur OAuth").fill(double.origin);

  const firstTab = page.context().waitForEvent("page");
  await form.getByRole("button", { name: "Se connecter sur le portail" }).click();
  const portalPage = await firstTab;
  // No redirect address registered yet: the portal only shows the code on its own page.
  await expect(portalPage.getByRole("heading", { name: "Authorization code" })).toBeVisible();
  await portalPage.close();

  const status = form.getByRole("status");
  await expect(status).toContainText("En attente de votre autorisation");
  const redirect = (await status.locator("code").textContent()) ?? "";
  expect(redirect).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const app = double.credentials.app(DEFAULT_APP.clientId);
  if (!app) throw new Error("the double has no app");
  app.redirectUri = redirect;

  const secondTab = page.context().waitForEvent("page");
  await status.getByRole("link", { name: "Rouvrir la page d'autorisation du portail" }).click();
  const back = await secondTab;
  await expect(back.getByText("You can close this tab")).toBeVisible();
  await back.close();

  await expect(settings.section).toContainText(
    `Connecté à ${double.origin}/ en tant que Camille Lefèvre`,
  );
  await expect(page.locator("body")).not.toContainText(DEFAULT_APP.clientSecret);
  expect(double.stats.byMethod["oauth.token"]).toBe(1);
  // The stored tokens work: a sync from the header reaches the portal.
  const control = new SyncControl(page);
  await control.sync();
  await expect(control.summary).toHaveText(/^Dernière synchro .*: \d+ reçus, 0 envoyés$/);
});
