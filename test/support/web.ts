import type { Browser, Page } from 'playwright-core';
import { scrollsSideways, seriousAxeViolations } from './axe.js';
import { screenshot } from './browser.js';

/** The sizes every web journey is tested at. */
export const SIZES = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1440, height: 900 },
} as const;
export type Size = keyof typeof SIZES;

/** A fresh browser context (no stored sign-in) at a size and locale, opened at `path`. */
export async function openApp(
  browser: Browser,
  origin: string,
  options: { size?: Size; locale?: string; path?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: SIZES[options.size ?? 'phone'],
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  await page.goto(`${origin}${options.path ?? '/'}`);
  return page;
}

/**
 * Every screen: a screenshot kept in test/artifacts as `web-<name>.png` (taken first, so a
 * failing check leaves a picture of what failed), no serious accessibility problem, no sideways
 * scrolling.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await screenshot(page, `web-${name}`);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await scrollsSideways(page)).toBe(false);
}

/** Signs in through the sign-in form (English labels). */
export async function signInThroughForm(
  page: Page,
  user: { email: string; password: string },
): Promise<void> {
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
