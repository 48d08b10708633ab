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

/** A fresh page at `path` (phone size unless told), signed in as `user` through the form. */
export async function signedInPage(
  browser: Browser,
  origin: string,
  user: { email: string; password: string },
  options: { size?: Size; locale?: string; path?: string } = {},
): Promise<Page> {
  const page = await openApp(browser, origin, options);
  await signInThroughForm(page, user);
  return page;
}

/** Elements wider than the screen, for a warning (the check itself is `scrollsSideways`). */
function widerThanScreen(page: Page): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => e.tagName + '.' + e.className).slice(0, 5)`,
  ) as Promise<string[]>;
}

/**
 * The screen checked (`checkScreen`) at both sizes as `<name>-phone` and `<name>-desktop`: the
 * journey runs at one size, the screen is checked at each, and the page ends at `back`. With
 * `warnWide`, elements wider than the screen are named in a warning first.
 */
export async function checkBothSizes(
  page: Page,
  name: string,
  back: Size,
  options: { warnWide?: boolean } = {},
): Promise<void> {
  for (const size of ['phone', 'desktop'] as const) {
    await page.setViewportSize(SIZES[size]);
    if (options.warnWide) {
      const wide = await widerThanScreen(page);
      if (wide.length) console.warn(`${name}-${size}: wider than the screen: ${wide.join(' ')}`);
    }
    await checkScreen(page, `${name}-${size}`);
  }
  await page.setViewportSize(SIZES[back]);
}

/**
 * Types the new-group form's first session: the day of `date` (UTC) and `time` ('HH:MM' or
 * 'HHMM') into the date and start-time fields.
 */
export async function fillFirstSession(page: Page, date: Date, time: string): Promise<void> {
  const [y, m, d] = date.toISOString().slice(0, 10).split('-');
  await page
    .getByRole('group', { name: 'Date of the first session' })
    .getByRole('spinbutton')
    .first()
    .click();
  await page.keyboard.type(`${m}${d}${y}`);
  await page.getByRole('group', { name: 'Start time' }).getByRole('spinbutton').first().click();
  await page.keyboard.type(time.replace(':', ''));
}
