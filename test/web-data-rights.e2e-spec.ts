import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { markEmailVerified, registerUser } from './support/hearth.js';
import { joinOrganization } from './support/members.js';
import { checkScreen, openApp, type Size, signInThroughForm } from './support/web.js';

/**
 * Issue 14, items 8 and 10: the web screens for data rights in Chromium. A participant downloads
 * everything Hearth holds about them and deletes their account from the profile page; the sole
 * owner of an organization is told why they cannot yet; an admin sets how long an erased person's
 * clinical records are kept (docs/privacy.md).
 */
describe('The web app for data rights (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let owner: TestUser;
  let orgId: string;
  let ana: TestUser;
  let bo: TestUser;
  let cai: TestUser;

  beforeAll(async () => {
    deployment = await startDeployment('web_data_rights', { worker: false });
    const { env } = deployment;
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    owner = await registerUser(http, 'owner');
    const made = await organizationWithCurriculum(http, owner, 'Harbour Clinic');
    orgId = made.orgId;
    const { groupId } = await groupStartingIn(http, owner, orgId, made.versionId, 3 * 24 * 60, {
      name: 'Harbour mood group',
    });
    ana = await enrolledParticipant(env, http, owner, orgId, groupId, 'Ana');
    bo = await enrolledParticipant(env, http, owner, orgId, groupId, 'Bo');
    cai = await enrolledParticipant(env, http, owner, orgId, groupId, 'Cai');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const http = () => deployment.api.http;

  /** Signs in through the form and opens the profile page from the navigation. */
  async function profileOf(user: TestUser, size: Size): Promise<Page> {
    const page = await openApp(browser, origin, { size });
    await signInThroughForm(page, user);
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    return page;
  }

  const storedRefreshToken = (page: Page) =>
    page.evaluate(`localStorage.getItem('hearth.refreshToken')`);

  it('gives a participant everything Hearth holds about them as a JSON file, on a phone', async () => {
    const page = await profileOf(ana, 'phone');
    await page
      .getByText('Download a copy of everything Hearth holds about you', { exact: false })
      .waitFor();
    await page.getByRole('heading', { name: 'Your data' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'data-rights-your-data-phone');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^hearth-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile((await download.path())!, 'utf8');
    const document = JSON.parse(text) as { format: string; sections: Record<string, unknown> };
    expect(document.format).toBe('hearth-personal-data/1');
    expect(Object.keys(document.sections)).toEqual(
      expect.arrayContaining(['account', 'organizations', 'groups', 'clinical', 'audit']),
    );
    // Their own address is in it; another member of the same group is not.
    // (The api keeps addresses in lower case.)
    expect(text).toContain(ana.email.toLowerCase());
    expect(text.toLowerCase()).not.toContain(bo.email.toLowerCase());
    expect(text).not.toContain(bo.user.id);
    await page.getByRole('status').getByText('Your file is downloaded (JSON).').waitFor();
    await page.context().close();
  }, 60_000);

  it('refuses a wrong password at the field, then deletes the account and signs every tab out (phone)', async () => {
    const page = await profileOf(ana, 'phone');
    // A second tab of the same browser, signed in through the shared refresh token.
    const other = await page.context().newPage();
    await other.goto(`${origin}/my-groups`);
    await other.getByRole('heading', { name: 'My groups' }).waitFor();

    await page.getByRole('heading', { name: 'Delete my account' }).scrollIntoViewIfNeeded();
    await page.getByText('This cannot be undone.', { exact: false }).waitFor();
    await checkScreen(page, 'data-rights-delete-explained-phone');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete your account for good?' });
    await dialog.waitFor();
    // Nothing typed: the field says so, and nothing is sent.
    await dialog.getByRole('button', { name: 'Delete it for good' }).click();
    await dialog.getByText('Please type your password.', { exact: true }).waitFor();

    await dialog.getByLabel('Your password').fill('not my password at all');
    await dialog.getByRole('button', { name: 'Delete it for good' }).click();
    await dialog.getByText('That password is not right. Please try again.').waitFor();
    expect(await dialog.getByLabel('Your password').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, 'data-rights-delete-wrong-password-phone');
    // The account is still there.
    expect(
      (await http().post('/auth/login', { email: ana.email, password: ana.password })).status,
    ).toBe(200);

    // Typing again clears the error; the right password deletes the account.
    await dialog.getByLabel('Your password').fill(ana.password);
    expect(await dialog.getByText('That password is not right.').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Delete it for good' }).click();
    await page.getByRole('heading', { name: 'Your account was deleted' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/account-deleted');
    await page.getByText('You are signed out on this device and on every other one.').waitFor();
    await checkScreen(page, 'data-rights-deleted-phone');
    expect(await storedRefreshToken(page)).toBeNull();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    // The other tab follows at once.
    await other.getByRole('button', { name: 'Sign in' }).waitFor();

    // Signing in again fails: the address and the password are gone.
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await signInThroughForm(page, ana);
    await page.getByText('That e-mail and password do not match. Please try again.').waitFor();
    expect(
      (await http().post('/auth/login', { email: ana.email, password: ana.password })).status,
    ).toBe(401);
    // Bo, in the same group, is untouched.
    expect(
      (await http().post('/auth/login', { email: bo.email, password: bo.password })).status,
    ).toBe(200);
    await page.context().close();
  }, 60_000);

  it('tells the only owner of an organization plainly why they cannot delete their account yet (desktop)', async () => {
    const solo = await registerUser(http(), 'solo');
    await http().post('/organizations', { name: 'Solo practice' }, solo.accessToken);
    const page = await profileOf(solo, 'desktop');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete your account for good?' });
    await dialog.getByLabel('Your password').fill(solo.password);
    await dialog.getByRole('button', { name: 'Delete it for good' }).click();
    await dialog
      .getByRole('alert')
      .getByText('you are the only owner of an organization', { exact: false })
      .waitFor();
    await dialog.getByRole('link', { name: 'Go to Members and invitations' }).waitFor();
    await checkScreen(page, 'data-rights-sole-owner-desktop');
    // Nothing was deleted.
    expect(
      (await http().post('/auth/login', { email: solo.email, password: solo.password })).status,
    ).toBe(200);
    await dialog.getByRole('link', { name: 'Go to Members and invitations' }).click();
    await page.getByRole('heading', { name: 'Members', exact: true }).waitFor();
    await page.context().close();
  }, 60_000);

  it('lets an admin set how long clinical records are kept after an account is deleted (desktop), and therapists read it in Indonesian', async () => {
    const admin = await registerUser(http(), 'admin');
    await markEmailVerified(deployment.env, admin.user.id);
    await joinOrganization(http(), owner.accessToken, orgId, admin, 'admin');
    const page = await openApp(browser, origin, { size: 'desktop' });
    await signInThroughForm(page, admin);
    await page.getByRole('heading', { name: 'Hello, admin' }).waitFor();
    await page.goto(`${origin}/organization`);
    const days = page.getByLabel('Clinical records kept after an account is deleted');
    await days.waitFor();
    expect(await days.inputValue()).toBe('2557');
    await page.getByText('(about 7 years)').waitFor();

    // Out of range: said plainly, and the form cannot be saved.
    await days.fill('0');
    await page.getByText('Enter a whole number of days, from 1 to 36,500.').waitFor();
    expect(await page.getByRole('button', { name: 'Save the settings' }).isDisabled()).toBe(true);
    await days.fill('3650');
    await page.getByText('(about 10 years)').waitFor();
    await days.scrollIntoViewIfNeeded();
    await checkScreen(page, 'data-rights-retention-desktop');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const saved = await http().get(`/organizations/${orgId}`, admin.accessToken);
    expect(saved.body.clinicalRetentionDays).toBe(3650);
    await page.reload();
    expect(
      await page.getByLabel('Clinical records kept after an account is deleted').inputValue(),
    ).toBe('3650');
    await page.context().close();

    // A therapist reads it, in Indonesian, on a phone.
    const therapist = await registerUser(http(), 'therapist');
    await markEmailVerified(deployment.env, therapist.user.id);
    await joinOrganization(http(), owner.accessToken, orgId, therapist, 'therapist');
    const phone = await openApp(browser, origin, { size: 'phone' });
    await signInThroughForm(phone, therapist);
    await phone.getByRole('heading', { name: 'Hello, therapist' }).waitFor();
    await phone.getByLabel('Language').selectOption('id');
    await phone.goto(`${origin}/organization`);
    await phone.getByText('Rekam klinis yang disimpan setelah akun dihapus').waitFor();
    await phone.getByText('3.650 hari (sekitar 10 tahun)').waitFor();
    await phone.getByText('3.650 hari (sekitar 10 tahun)').scrollIntoViewIfNeeded();
    await checkScreen(phone, 'data-rights-retention-read-id-phone');
    await phone.context().close();
  }, 90_000);

  it('explains data rights in Bengali (phone)', async () => {
    const page = await profileOf(cai, 'phone');
    await page.getByLabel('Language').selectOption('bn');
    await page.getByRole('heading', { name: 'আপনার তথ্য' }).waitFor();
    await page.getByRole('heading', { name: 'আমার অ্যাকাউন্ট মুছে ফেলুন' }).scrollIntoViewIfNeeded();
    await checkScreen(page, 'data-rights-delete-explained-bn-phone');
    await page.getByRole('button', { name: 'আমার অ্যাকাউন্ট মুছে ফেলুন' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'আপনার অ্যাকাউন্ট চিরতরে মুছে ফেলবেন?' });
    await dialog.getByLabel('আপনার পাসওয়ার্ড').fill('not my password at all');
    await dialog.getByRole('button', { name: 'চিরতরে মুছে ফেলুন' }).click();
    await dialog.getByText('পাসওয়ার্ডটি সঠিক নয়। অনুগ্রহ করে আবার চেষ্টা করুন।').waitFor();
    await checkScreen(page, 'data-rights-delete-wrong-password-bn-phone');
    // Keeping the account closes the dialog, and nothing changed.
    await dialog.getByRole('button', { name: 'আমার অ্যাকাউন্ট রাখুন' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await storedRefreshToken(page)).toBeTruthy();
    expect(
      (await http().post('/auth/login', { email: cai.email, password: cai.password })).status,
    ).toBe(200);
    await page.context().close();
  }, 60_000);
});
