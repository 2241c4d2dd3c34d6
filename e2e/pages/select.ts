/** Mantine selects as a person uses them with the mouse. */
import { expect, type Locator, type Page } from "@playwright/test";

/** Opens the select and clicks the option; again if its list closed before the pick. */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  const choice = page.getByRole("option", { name: option, exact: true });
  await expect(async () => {
    if (!(await choice.isVisible())) await select.click();
    await choice.click({ timeout: 2000 });
    await expect(select).toHaveValue(option, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}
