/**
 * The accessibility checks the e2e suite shares: an axe scan with the WCAG
 * 2.0 and 2.1 A and AA rules, and the UI language set before the app starts.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  /** Where the scan ran, e.g. `en: settings, stage dialog` */
  state?: string;
  rule: string;
  impact: string | null | undefined;
  help: string;
  elements: string[];
}

/**
 * Waits for the page's finite animations and transitions to end: a toast or a
 * dialog still fading in has a colour contrast no person reads.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
    const ended = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    // A paused animation never finishes: wait two seconds at most.
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000))]);
  });
}

async function scan(page: Page): Promise<Violation[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    elements: v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`),
  }));
}

/**
 * What axe finds on the page once it has settled, in a form that reads well in
 * a diff. A toast that starts fading in or out while axe reads the page gets a
 * contrast no person sees: what the first scan finds must be found again by a
 * second one, half a second later, to count. A real fault is found both times.
 */
export async function violations(page: Page): Promise<Violation[]> {
  const first = await scan(page);
  if (first.length === 0) return first;
  await page.waitForTimeout(500);
  const again = await scan(page);
  // An element and what axe says of it, its measured colours included.
  const seen = new Set(first.flatMap((v) => v.elements.map((e) => `${v.rule} ${e}`)));
  return again
    .map((v) => ({ ...v, elements: v.elements.filter((e) => seen.has(`${v.rule} ${e}`)) }))
    .filter((v) => v.elements.length > 0);
}

/** Scans one state after another and keeps every violation, named by its state. */
export class AxeSweep {
  readonly found: Violation[] = [];

  constructor(
    readonly page: Page,
    readonly language: string,
  ) {}

  async scan(state: string): Promise<void> {
    for (const v of await violations(this.page)) {
      this.found.push({ state: `${this.language}: ${state}`, ...v });
    }
  }
}

/** Starts the app in a UI language (the choice the language switch remembers). */
export async function useUiLanguage(page: Page, language: "fr" | "en"): Promise<void> {
  await page.addInitScript((lng) => {
    if (!sessionStorage.getItem("pacta.e2e.language-set")) {
      localStorage.setItem("pacta.language", lng);
      sessionStorage.setItem("pacta.e2e.language-set", "1");
    }
  }, language);
}
