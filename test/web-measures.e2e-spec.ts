import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { registerUser } from './support/hearth.js';
import { checkScreen, openApp, type Size, signedInPage } from './support/web.js';

/**
 * Measures in the web app, in Chromium: a facilitator turns them on, a participant answers on a
 * phone (item 9 above 0 shows where to turn at once), the alert is on the session page until
 * resolved, and scores show over sessions; "I need help" is one tap away on every screen.
 */
describe('Check-ins, help and risk alerts in the web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let therapist: TestUser;
  let juniper: TestUser;
  let rowan: TestUser;
  let orgId: string;
  let versionId: string;
  let groupId: string;
  let sessionId: string;

  beforeAll(async () => {
    deployment = await startDeployment('web_measures', { smtp: true });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    therapist = await registerUser(http, 'therapist');
    ({ orgId, versionId } = await organizationWithCurriculum(http, therapist, 'Harbour clinic'));
    // The first session is a day away: inside the 48-hour window in which measures open.
    const group = await groupStartingIn(http, therapist, orgId, versionId, 24 * 60, {
      name: 'Monday circle',
    });
    groupId = group.groupId;
    sessionId = group.sessions[0]!.id;
    juniper = await enrolledParticipant(deployment.env, http, therapist, orgId, groupId, 'Juniper');
    rowan = await enrolledParticipant(deployment.env, http, therapist, orgId, groupId, 'Rowan');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const signedIn = (user: TestUser, size: Size, path: string, locale?: string) =>
    signedInPage(browser, origin, user, { size, path, locale });

  const setLanguage = (page: Page, code: 'en' | 'bn' | 'id') =>
    page.getByLabel(/Language|ভাষা|Bahasa/).selectOption(code);

  it('lets the facilitator turn PHQ-9 and GAD-7 on for the group', async () => {
    const page = await signedIn(therapist, 'desktop', `/groups/${groupId}`);
    await page.getByRole('tab', { name: 'Measures' }).click();
    await page.getByText('Measures before sessions').waitFor();
    await page.getByText('PHQ-9').click();
    await page.getByText('GAD-7').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await checkScreen(page, 'group-measures-settings-desktop');
    const saved = await deployment.api.http.get(
      `/groups/${groupId}/measure-settings`,
      therapist.accessToken,
    );
    expect(saved.body).toMatchObject({ measures: ['phq-9', 'gad-7'], measureEverySessions: 1 });
    await page.context().close();
  }, 90_000);

  it('shows "I need help" on every screen, with resources for the language, signed in or not', async () => {
    const page = await openApp(browser, origin, { size: 'phone', path: '/' });
    await page.getByRole('link', { name: 'I need help' }).click();
    await page.getByRole('heading', { name: 'Help, right now' }).waitFor();
    await page
      .getByRole('link', { name: /^Call / })
      .first()
      .waitFor();
    await checkScreen(page, 'help-en-phone');
    await setLanguage(page, 'id');
    await page.getByRole('heading', { name: 'Bantuan, sekarang juga' }).waitFor();
    await page
      .getByRole('link', { name: /^Telepon / })
      .first()
      .waitFor();
    await checkScreen(page, 'help-id-phone');
    await page.context().close();
  }, 90_000);

  it('takes a participant through PHQ-9 on a phone; item 9 above 0 shows where to turn at once', async () => {
    const page = await signedIn(juniper, 'phone', '/');
    await page.getByRole('heading', { name: 'Before your session: a short check-in' }).waitFor();
    await checkScreen(page, 'check-in-home-phone');
    await page.getByRole('link', { name: 'Check-ins' }).click();
    await page.getByRole('heading', { name: 'Check-ins' }).waitFor();
    await checkScreen(page, 'check-ins-phone');
    const phq9 = page.getByRole('listitem').filter({ hasText: 'PHQ-9' });
    await phq9.getByRole('link', { name: 'Answer now' }).click();
    await page.getByRole('heading', { name: 'PHQ-9' }).waitFor();

    // Sending with answers missing says how many, and sends nothing.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('9 questions still need an answer.').waitFor();
    const questions = page.getByRole('radiogroup');
    expect(await questions.count()).toBe(9);
    for (let i = 0; i < 9; i++) {
      await questions
        .nth(i)
        .getByText(i === 8 ? 'Several days' : 'Not at all')
        .click();
    }
    await checkScreen(page, 'check-in-form-phone');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { name: 'You do not have to carry this alone' }).waitFor();
    expect(await page.getByRole('link', { name: /^Call / }).count()).toBeGreaterThan(0);
    await checkScreen(page, 'check-in-safety-phone');

    // Answered: the list says so, and nothing asks again.
    await page.getByRole('link', { name: 'Back to check-ins' }).click();
    await phq9.getByText('Answered, thank you').waitFor();
    await page.context().close();
  }, 90_000);

  it('asks in Bengali when the page is in Bengali, and thanks without alarm when all is well', async () => {
    const page = await signedIn(rowan, 'phone', '/check-ins');
    await setLanguage(page, 'bn');
    await page.getByRole('heading', { name: 'চেক-ইন' }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'GAD-7' })
      .getByRole('link', { name: 'এখন উত্তর দিন' })
      .click();
    await page.getByText('গত ২ সপ্তাহে নিচের সমস্যাগুলো').waitFor();
    const questions = page.getByRole('radiogroup');
    for (let i = 0; i < 7; i++) await questions.nth(i).getByText('কয়েক দিন').click();
    await checkScreen(page, 'check-in-form-bn-phone');
    await page.getByRole('button', { name: 'আমার উত্তর পাঠান' }).click();
    await page
      .getByRole('heading', { name: 'ধন্যবাদ। সেশনের আগে আপনার ফ্যাসিলিটেটররা আপনার উত্তর দেখবেন।' })
      .waitFor();
    await checkScreen(page, 'check-in-thanks-bn-phone');
    await page.context().close();
  }, 90_000);

  it('puts the alert on the session page until a facilitator resolves it, and shows the scores', async () => {
    // Juniper gives a legal name on her profile: her facilitators see it, other members never.
    const profile = await signedIn(juniper, 'phone', '/profile');
    await profile.getByLabel('Your legal name (optional)').fill('Juniper Hale');
    await profile.getByRole('button', { name: 'Save' }).first().click();
    await profile.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await checkScreen(profile, 'profile-legal-name-phone');
    await profile.context().close();
    const members = await deployment.api.http.get(`/groups/${groupId}/members`, rowan.accessToken);
    expect(JSON.stringify(members.body)).not.toContain('Hale');
    // The in-app notice says nothing of whom or why, and leads to the session.
    const page = await signedIn(therapist, 'desktop', '/notifications');
    const notice = page.getByRole('listitem').filter({ hasText: 'Someone may need your support' });
    await notice.getByRole('link', { name: 'Open the session' }).click();
    await page.waitForURL(`${origin}/sessions/${sessionId}`);
    const alerts = page.getByRole('region', { name: 'Needs support' });
    await alerts
      .getByText(/Juniper \(Juniper Hale\) answered that they have had thoughts of self-harm/)
      .waitFor();
    await checkScreen(page, 'session-alert-desktop');
    await alerts.getByRole('button', { name: 'Resolve the alert for Juniper' }).click();
    await alerts.getByLabel('What was done').fill('Phoned Juniper; safety plan agreed.');
    await alerts.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No open alerts for this session.').waitFor();
    await page.getByText(/Phoned Juniper; safety plan agreed\./).waitFor();
    const stored = await deployment.api.http.get(
      `/sessions/${sessionId}/alerts`,
      therapist.accessToken,
    );
    expect(stored.body.items[0]).toMatchObject({
      resolvedById: therapist.user.id,
      resolution: 'Phoned Juniper; safety plan agreed.',
    });

    await page.goto(`${origin}/groups/${groupId}`);
    await page.getByRole('tab', { name: 'Measures' }).click();
    await page.getByRole('heading', { name: 'Scores over sessions' }).waitFor();
    await page.getByRole('heading', { name: 'Juniper (Juniper Hale)' }).waitFor();
    await page.getByRole('img', { name: 'PHQ-9 scores of Juniper over sessions' }).waitFor();
    await page.getByRole('img', { name: 'GAD-7 scores of Rowan over sessions' }).waitFor();
    await page.getByText('First score 1, latest 1 (minimal)').waitFor();
    await checkScreen(page, 'group-trends-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await checkScreen(page, 'group-trends-phone');
    await page.context().close();
  }, 90_000);

  it('marks a waiting person who needs support beside their alias in the lobby', async () => {
    const { http } = deployment.api;
    // A group that meets in a few minutes, with a waiting room: joining is open.
    const soon = await groupStartingIn(http, therapist, orgId, versionId, 5, {
      name: 'Evening circle',
      lobbyEnabled: true,
    });
    const soonSession = soon.sessions[0]!.id;
    await http.post(
      `/groups/${soon.groupId}/enrollments`,
      { userId: juniper.user.id },
      therapist.accessToken,
    );
    await http.patch(`/groups/${soon.groupId}`, { measures: ['phq-9'] }, therapist.accessToken);
    const requests = (await http.get('/me/measure-requests', juniper.accessToken)).body.items as {
      id: string;
      sessionId: string;
    }[];
    const request = requests.find((r) => r.sessionId === soonSession)!;
    await http.post(
      `/measure-requests/${request.id}/responses`,
      { answers: [0, 0, 0, 0, 0, 0, 0, 0, 2] },
      juniper.accessToken,
    );
    expect((await http.post(`/sessions/${soonSession}/join`, {}, juniper.accessToken)).status).toBe(
      202,
    );

    const page = await signedIn(therapist, 'desktop', `/sessions/${soonSession}`);
    const lobby = page.getByRole('region', { name: 'Waiting room (1)' });
    await lobby.getByText('Juniper').waitFor();
    await lobby.getByText('Needs support').waitFor();
    await page.getByRole('region', { name: 'Needs support' }).waitFor();
    await checkScreen(page, 'lobby-alert-desktop');
    await page.context().close();
  }, 90_000);
});
