import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { registerUser, uniqueEmail } from './support/hearth.js';
import { eventually } from './support/wait.js';
import { checkScreen, openApp, signInThroughForm, type Size } from './support/web.js';

/** The web app served by the api at /, in Chromium at a phone's and a desktop's size. */
describe('The web app (e2e, Chromium)', () => {
  let deployment: Deployment;
  let browser: Browser;
  let origin: string;
  let participant: TestUser;
  let therapist: TestUser;
  let soonSessionId: string;

  beforeAll(async () => {
    // The shortest access token the api allows, so a test can see it refreshed before expiry.
    deployment = await startDeployment('web_app', { env: { ACCESS_TOKEN_TTL_SECONDS: '61' } });
    const { http } = deployment.api;
    origin = http.baseUrl.replace('/api/v1', '');
    browser = await launchChromium();
    therapist = await registerUser(http, 'therapist');
    const { orgId, versionId } = await organizationWithCurriculum(http, therapist, 'Web clinic');
    const soon = await groupStartingIn(http, therapist, orgId, versionId, 5, {
      name: 'Tuesday group',
    });
    soonSessionId = soon.sessions[0]!.id;
    participant = await enrolledParticipant(
      deployment.env,
      http,
      therapist,
      orgId,
      soon.groupId,
      'Juniper',
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  const open = (size: Size, locale = 'en-US') => openApp(browser, origin, { size, locale });
  const check = checkScreen;
  const signIn = signInThroughForm;

  it('serves the app at / and for its own addresses, while unknown api paths stay JSON 404s', async () => {
    const home = await fetch(`${origin}/`, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await home.text()).toContain('<div id="root">');
    const deep = await fetch(`${origin}/groups/anything`, { headers: { accept: 'text/html' } });
    expect(deep.status).toBe(200);
    const api = await fetch(`${origin}/api/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe('not_found');
    expect((await fetch(`${origin}/assets/missing.js`)).status).toBe(404);
  });

  for (const size of ['phone', 'desktop'] as const) {
    it(`creates an account and lands on an empty home (${size})`, async () => {
      const page = await open(size);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await check(page, `signin-${size}`);
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByLabel('The name others in your group see').fill('Rowan');
      await page.getByLabel('E-mail').fill(uniqueEmail('rowan'));
      await page.getByLabel('Password').fill('a long phrase nobody guesses 42');
      await check(page, `signup-${size}`);
      await page.getByRole('button', { name: 'Create an account' }).click();
      await page.getByRole('heading', { name: 'Hello, Rowan' }).waitFor();
      await page.getByText('You have no sessions coming up').waitFor();
      await check(page, `home-empty-${size}`);
    });

    it(`shows a participant their next session with a Join button once the window opens (${size})`, async () => {
      const page = await open(size);
      await signIn(page, participant);
      await page.getByRole('heading', { name: 'Your next session' }).waitFor();
      // The next session's card names its group, and so does every item coming up after it.
      await page.getByRole('paragraph').filter({ hasText: 'Tuesday group' }).waitFor();
      const join = page.getByRole('link', { name: 'Join the session' });
      expect(await join.getAttribute('href')).toBe(`/sessions/${soonSessionId}/join`);
      // The next week's session is listed with its time.
      await page.getByRole('heading', { name: 'Coming up' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Tuesday group · Session 2:' }).waitFor();
      await check(page, `home-next-${size}`);
    });
  }

  it('speaks Bengali and Indonesian, from the browser or the switcher, and sets <html lang>', async () => {
    const page = await open('phone', 'bn-BD');
    await page.getByRole('heading', { name: 'সাইন ইন করুন' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('bn');
    await check(page, 'signin-bn');
    await page.getByLabel('ই-মেইল').fill(participant.email);
    await page.getByLabel('পাসওয়ার্ড').fill(participant.password);
    await page.getByRole('button', { name: 'সাইন ইন করুন' }).click();
    await page.getByRole('heading', { name: 'আপনার পরের সেশন' }).waitFor();
    await check(page, 'home-bn');
    await page.getByLabel('ভাষা').selectOption('id');
    await page.getByRole('heading', { name: 'Sesi Anda berikutnya' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await check(page, 'home-id');
    // The choice is kept across a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Sesi Anda berikutnya' }).waitFor();
  });

  it('refreshes the access token before it expires, and says so plainly when the sign-in has ended', async () => {
    const page = await open('desktop');
    await signIn(page, participant);
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    // A 61-second token is refreshed within seconds (a minute before expiry, at least 5 s on),
    // and again after each refresh: two cycles here.
    const issued: string[] = [];
    for (let cycle = 0; cycle < 2; cycle++) {
      const refreshed = await page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/auth/refresh'),
        { timeout: 15_000 },
      );
      expect(refreshed.status()).toBe(200);
      issued.push(((await refreshed.json()) as { accessToken: string }).accessToken);
    }
    expect(new Set(issued).size).toBe(2);
    // Signed-in calls keep working with a refreshed token, in the same page (no reload).
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/me/notifications')),
      page.getByRole('link', { name: 'Notifications' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    const sent = (await answer.request().allHeaders()).authorization ?? '';
    expect(sent.startsWith('Bearer ')).toBe(true);
    expect(issued).toContain(sent.slice('Bearer '.length));
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();

    // A refresh token the api no longer honours ends the session with a clear screen.
    await page.evaluate(`localStorage.setItem('hearth.refreshToken', 'no-longer-valid')`);
    await page.reload();
    await page.getByRole('heading', { name: 'Your sign-in has ended' }).waitFor();
    await check(page, 'signin-expired');
    await signIn(page, participant);
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(`localStorage.getItem('hearth.refreshToken')`)).toBeNull();
  }, 60_000);

  it('signs out at once even when the network is down', async () => {
    const page = await open('phone');
    await signIn(page, participant);
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    const refreshToken = (await page.evaluate(`localStorage.getItem('hearth.refreshToken')`)) as
      string | null;
    expect(refreshToken).toBeTruthy();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByText('Tuesday group').count()).toBe(0);
    expect(await page.evaluate(`localStorage.getItem('hearth.refreshToken')`)).toBeNull();
    await page.context().setOffline(false);
    await page.context().close();
  });

  it('sends a call refused for an expired token again after one refresh, and signs out every tab at once', async () => {
    const page = await open('phone');
    // Stand-in for a token that expired while the phone slept (the api's clock cannot be moved):
    // the first read of the sessions is refused with the api's own 401 answer.
    let refused = 0;
    await page.route('**/api/v1/me/sessions*', async (route) => {
      if (refused++ > 0) return route.fallback();
      await route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 401, code: 'unauthorized', message: 'Unauthorized' }),
      });
    });
    const refreshes: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/auth/refresh')) refreshes.push(r.status());
    });
    await signIn(page, participant);
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    expect(refused).toBe(2);
    expect(refreshes).toEqual([200]);

    // A second tab of the same browser shares the sign-in; signing out in one ends both.
    const other = await page.context().newPage();
    await other.goto(`${origin}/`);
    await other.getByRole('heading', { name: 'Your next session' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await other.getByRole('heading', { name: 'Sign in' }).waitFor();
  }, 45_000);

  it('keeps the sign-in when a refresh is turned away for being busy, and refreshes again', async () => {
    const page = await open('desktop');
    await signIn(page, participant);
    await page.getByRole('heading', { name: 'Your next session' }).waitFor();
    // Stand-in for an api too busy to answer (a 429 or a 503 cannot be had from it on demand):
    // the first scheduled refresh is turned away; the person stays signed in, and the next works.
    const answers: number[] = [];
    await page.route('**/api/v1/auth/refresh', async (route) => {
      if (answers.length > 0) return route.fallback();
      answers.push(429);
      await route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 429, code: 'rate_limited', message: 'Busy' }),
      });
    });
    const refreshed = await page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/auth/refresh') && r.status() === 200,
      { timeout: 30_000 },
    );
    expect(answers).toEqual([429]);
    expect(refreshed.status()).toBe(200);
    expect(await page.getByRole('heading', { name: 'Your sign-in has ended' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
  }, 60_000);

  it('shows session times in the time zone the participant chooses', async () => {
    const page = await open('phone');
    await signIn(page, participant);
    const when = page.locator('.next .when time');
    await when.waitFor();
    const startsAt = new Date((await when.getAttribute('datetime'))!);
    const clock = (timeZone: string) =>
      new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone })
        .format(startsAt)
        .replace(/\s/g, ' ');
    const shown = async () => (await when.textContent())!.replace(/\s/g, ' ');
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByLabel('Your time zone').selectOption('Asia/Dhaka');
    await check(page, 'profile-phone');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await eventually(async () => (await shown()).includes(clock('Asia/Dhaka')));
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByLabel('Your time zone').selectOption('America/Lima');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await eventually(async () => (await shown()).includes(clock('America/Lima')));
    expect(clock('America/Lima')).not.toBe(clock('Asia/Dhaka'));
    await check(page, 'home-lima-phone');
  });
});
