import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import { markEmailVerified, registerUser, uniqueEmail } from './support/hearth.js';
import type { TestUser } from './support/groups.js';
import { checkScreen, openApp, type Size, signInThroughForm } from './support/web.js';

const GROUP = 'Evening postpartum circle';
const PASSWORD = 'correct horse battery staple 42';

/** A date `days` from now, YYYY-MM-DD (UTC). */
const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 3_600_000).toISOString().slice(0, 10);

/**
 * The public directory in the web app, in Chromium: the facilitator lists a group; a visitor on a
 * phone finds it without an account, creates one on the way and asks to join; the facilitator
 * approves; every screen in English, Bengali and Indonesian with the accessibility check.
 */
describe('Public directory and join requests in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let therapist: TestUser;
  let orgId: string;
  let groupId: string;
  const visitorEmail = uniqueEmail('visitor');

  beforeAll(async () => {
    deployment = await startDeployment('web_directory', { smtp: true });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    therapist = await registerUser(http, 'therapist');
    await markEmailVerified(deployment.env, therapist.user.id);
    orgId = (await http.post('/organizations', { name: 'Harbour care' }, therapist.accessToken))
      .body.id;
    await http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: 'We keep what others share private.' },
      therapist.accessToken,
    );
    const created = await http.post(
      `/organizations/${orgId}/groups`,
      {
        name: GROUP,
        description: 'A calm weekly hour for parents of new babies.',
        tags: ['postpartum', 'anxiety'],
        kind: 'support',
        language: 'en',
        timezone: 'Asia/Dhaka',
        firstSessionDate: inDays(3),
        startTime: '19:00',
        durationMinutes: 60,
        capacity: 6,
        lobbyEnabled: false,
      },
      therapist.accessToken,
    );
    expect(created.status).toBe(201);
    groupId = created.body.id;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  async function signedIn(user: { email: string; password: string }, size: Size, path: string) {
    const page = reportErrors(await openApp(browser, origin, { size, path }));
    await signInThroughForm(page, user);
    return page;
  }

  it('lets the facilitator open the group to requests with a screening', async () => {
    const page = await signedIn(therapist, 'desktop', `/groups/${groupId}/requests`);
    await page.getByRole('heading', { name: 'Public listing' }).waitFor();
    await page.getByText('No requests yet.').waitFor();
    await checkScreen(page, 'directory-listing-closed-desktop');
    await page.getByText('Open to requests in the public directory').click();
    await page.getByText('PHQ-2 (mood, two questions)').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('link', { name: 'Public page' }).waitFor();
    // The organization's public address, to share where people look, and a button to copy it.
    const publicAddress = `${origin}/o/${orgId}/groups`;
    expect(await page.getByLabel("Your organization's public page").inputValue()).toBe(
      publicAddress,
    );
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.getByRole('button', { name: 'Copy address' }).click();
    await page.getByRole('status').filter({ hasText: 'Address copied.' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(publicAddress);
    await checkScreen(page, 'directory-listing-open-desktop');
    await page.getByRole('link', { name: 'Public page' }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await checkScreen(page, 'directory-group-desktop');
    await page.getByRole('link', { name: 'All groups' }).click();
    await page.getByRole('heading', { name: 'Groups at Harbour care' }).waitFor();
    await checkScreen(page, 'directory-list-desktop');
    const saved = await deployment.api.http.get(
      `/groups/${groupId}/listing`,
      therapist.accessToken,
    );
    expect(saved.body).toMatchObject({ openToRequests: true, screening: 'phq2' });
    await page.context().close();
  }, 90_000);

  it('lets a visitor on a phone find the group, create an account and ask to join', async () => {
    const page = reportErrors(
      await openApp(browser, origin, { size: 'phone', path: `/o/${orgId}/groups` }),
    );
    await page.getByRole('heading', { name: 'Groups at Harbour care' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: GROUP });
    // Suggested tags read as on the groups screens, not as their codes.
    await card.getByText('Postpartum', { exact: true }).waitFor();
    await card.getByText('Anxiety', { exact: true }).waitFor();
    expect(await card.getByText('postpartum', { exact: true }).count()).toBe(0);
    await card.getByText('Support group').waitFor();
    await card.getByText('6 places left').waitFor();
    await card.getByText('No end date: you can join any week.').waitFor();
    // The next meeting in the visitor's own zone, with the zone's name.
    await card.locator('time').first().waitFor();
    await page.getByText(/Times are shown in your time zone/).waitFor();
    expect(await page.content()).not.toContain('therapist');
    await checkScreen(page, 'directory-list-phone');

    await card.getByRole('link', { name: `More about ${GROUP}` }).click();
    await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await page.getByText('A calm weekly hour for parents of new babies.').waitFor();
    // That the group goes on is said once.
    await page.getByText('An ongoing weekly group; you can join any week.').waitFor();
    expect(await page.getByText(/join any week/).count()).toBe(1);
    await checkScreen(page, 'directory-group-phone');
    await page.getByRole('link', { name: 'Ask to join' }).click();

    await page.getByText('Sign in or create an account to ask to join.').waitFor();
    await checkScreen(page, 'directory-ask-sign-in-phone');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('The name others in your group see').fill('Marigold');
    await page.getByLabel('E-mail').fill(visitorEmail);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create an account' }).click();

    // Back at the form, signed in.
    await page.getByRole('heading', { name: `Ask to join ${GROUP}` }).waitFor();
    await page.getByText('We keep what others share private.').waitFor();
    await page.getByText('Only clinical staff see your answers', { exact: false }).waitFor();
    // Sending without agreeing says why and sends nothing.
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText('Please agree to the group agreement to send your request.').waitFor();
    await page.getByLabel('A short note for the facilitators (optional)').fill('Evenings suit me.');
    const questions = page.getByRole('radiogroup');
    expect(await questions.count()).toBe(2);
    await questions.nth(0).getByText('Several days').click();
    await questions.nth(1).getByText('Several days').click();
    await page.getByText('I agree to the group agreement').click();
    await checkScreen(page, 'directory-ask-form-phone');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByRole('heading', { name: "We've sent your request" }).waitFor();
    await checkScreen(page, 'directory-sent-phone');

    await page.getByRole('link', { name: 'See my requests' }).click();
    await page.getByRole('heading', { name: 'My requests to join' }).waitFor();
    await page.getByText('Waiting for an answer').waitFor();
    await checkScreen(page, 'directory-my-requests-phone');
    await page.context().close();
  }, 120_000);

  it('lets the facilitator see the request by alias with the score, and approve it', async () => {
    // On the group page, its Requests tab.
    const page = await signedIn(therapist, 'phone', `/groups/${groupId}`);
    await page.getByRole('tab', { name: 'Requests' }).click();
    const request = page.getByRole('listitem').filter({ hasText: 'Marigold' });
    await request.getByText('Evenings suit me.').waitFor();
    await request.getByText('PHQ-2 score: 2 of 6').waitFor();
    await checkScreen(page, 'directory-requests-phone');
    await request.getByRole('button', { name: 'Approve Marigold' }).click();
    await request.getByText(/^Approved, /).waitFor();
    await page.context().close();

    const visitor = await signedIn({ email: visitorEmail, password: PASSWORD }, 'phone', '/');
    // Home says so, and the requests page has the way to the group.
    await visitor.getByRole('heading', { name: 'My requests to join' }).waitFor();
    await visitor.getByText('Approved: you have a place').waitFor();
    await checkScreen(visitor, 'directory-home-card-phone');
    await visitor.getByRole('link', { name: 'See my requests' }).click();
    await visitor.getByText('Approved: you have a place').waitFor();
    await visitor.getByRole('link', { name: 'Open the group' }).waitFor();
    await visitor.context().close();
  }, 90_000);

  const LANGUAGES: ['bn' | 'id', string, string, string, string][] = [
    ['bn', 'Harbour care-এর দলগুলো', 'যোগ দিতে অনুরোধ করুন', 'সহায়তা দল', 'প্রসব-পরবর্তী'],
    ['id', 'Kelompok di Harbour care', 'Minta bergabung', 'Kelompok dukungan', 'Pascamelahirkan'],
  ];
  for (const [language, title, ask, kind, tag] of LANGUAGES) {
    it(`shows the directory, the group and the form in ${language}`, async () => {
      const page = reportErrors(
        await openApp(browser, origin, {
          size: 'phone',
          locale: language,
          path: `/o/${orgId}/groups`,
        }),
      );
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByText(kind).first().waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: GROUP })
        .getByText(tag, { exact: true })
        .waitFor();
      await checkScreen(page, `directory-list-${language}-phone`);
      await page.getByRole('link', { name: new RegExp(GROUP) }).click();
      await page.getByRole('heading', { level: 1, name: GROUP }).waitFor();
      await checkScreen(page, `directory-group-${language}-phone`);
      await page.getByRole('link', { name: ask }).click();
      await signInThroughFormIn(page, therapist);
      await page.getByRole('radiogroup').first().waitFor();
      await checkScreen(page, `directory-ask-form-${language}-phone`);
      await page.goto(`${origin}/groups/${groupId}/requests`);
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Marigold' })
        .waitFor()
        .catch(async (error: unknown) => {
          await screenshot(page, `web-directory-requests-${language}-failed`);
          throw error;
        });
      await checkScreen(page, `directory-requests-${language}-phone`);
      await page.context().close();
    }, 90_000);
  }
});

/** Page errors go to the test's output: a failed screen then says why. */
function reportErrors(page: Page): Page {
  page.on('pageerror', (error) => console.warn(`page error: ${error.message}`));
  return page;
}

/** The sign-in form in any language: by field type, not by label. */
async function signInThroughFormIn(page: Page, user: { email: string; password: string }) {
  await page.locator('input[type=email]').fill(user.email);
  await page.locator('input[type=password]').fill(user.password);
  await page.locator('form button[type=submit]').click();
}
