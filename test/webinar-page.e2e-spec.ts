import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser.js';
import { registerUser, type RunningApi } from './support/hearth.js';
import { groupStartingIn, organizationWithCurriculum } from './support/groups.js';
import type { LiveKitStandin } from './support/livekit-standin.js';
import { type Deployment, startDeployment } from './support/deployment.js';

describe('The webinar page in headless Chromium (e2e)', () => {
  let deployment: Deployment;
  let standin: LiveKitStandin;
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    deployment = await startDeployment('webinar_page');
    ({ api, standin } = deployment);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  it('registers, opens the watch page and asks a question that the host view then shows', async () => {
    const host = await registerUser(api.http, 'host');
    const orgId = (await api.http.post('/organizations', { name: 'Open minds' }, host.accessToken))
      .body.id;
    const webinar = await api.http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'Talking about depression',
        description: 'Three guests and your questions.',
        startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        durationMinutes: 60,
        timezone: 'Europe/London',
        capacity: 100,
        qaModeration: true,
      },
      host.accessToken,
    );
    const origin = api.http.baseUrl.replace('/api/v1', '');

    const attendee = await browser.newPage();
    await attendee.goto(`${origin}/webinar/#webinar=${webinar.body.id}`);
    await attendee.getByRole('heading', { name: 'Talking about depression' }).waitFor();
    await attendee.getByLabel('Name to show').fill('Wren');
    await attendee.getByRole('textbox', { name: 'E-mail' }).fill('wren@example.org');
    await screenshot(attendee, 'webinar-1-register');
    await attendee.getByRole('button', { name: 'Register' }).click();

    await attendee.getByRole('heading', { name: 'Watch' }).waitFor();
    await attendee.getByLabel('Your question').fill('How do I talk to my family about it?');
    await attendee.getByRole('button', { name: 'Send question' }).click();
    await attendee.getByText('Your question will appear once a host approves it').waitFor();
    await attendee.getByText('How do I talk to my family about it?', { exact: false }).waitFor();
    await screenshot(attendee, 'webinar-2-watch');
    // The watch page asked the configured LiveKit for a connection with a hidden attendee token.
    const attempt = standin.rtcRequests.find(
      (r) => r.claims?.video?.room === `webinar-${webinar.body.id}`,
    );
    expect(attempt?.claims?.video).toMatchObject({ canPublish: false, hidden: true });

    const hostPage = await browser.newPage();
    await hostPage.goto(`${origin}/webinar/#webinar=${webinar.body.id}&host=1`);
    await hostPage.getByRole('textbox', { name: 'E-mail' }).fill(host.email);
    await hostPage.getByLabel('Password').fill(host.password);
    await hostPage.getByRole('button', { name: 'Sign in' }).click();
    const held = hostPage.getByText('How do I talk to my family about it? — Wren', {
      exact: false,
    });
    await held.waitFor();
    expect(await held.textContent()).toContain('waiting for approval');
    await hostPage.getByRole('button', { name: 'Approve' }).waitFor();
    await hostPage.getByRole('button', { name: 'Invite to speak' }).waitFor(); // the attendee list
    await screenshot(hostPage, 'webinar-3-host');
  }, 90_000);

  it('keeps the moderation queue and every attendee within reach of a host past the first page', async () => {
    const host = await registerUser(api.http, 'busy-host');
    const orgId = (await api.http.post('/organizations', { name: 'Busy' }, host.accessToken)).body
      .id;
    const webinar = await api.http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'A busy Q&A',
        description: 'Many questions.',
        startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        capacity: 300,
        qaModeration: true,
      },
      host.accessToken,
    );
    const webinarId = webinar.body.id as string;
    const ask = async (name: string, text: string) => {
      const registration = await api.http.post(`/webinars/${webinarId}/registrations`, {
        displayName: name,
        email: `${name}@example.org`,
      });
      const asked = await api.http.request('POST', `/webinars/${webinarId}/questions`, {
        body: { text },
        headers: { 'x-access-key': registration.body.accessKey },
      });
      return asked.body.id as string;
    };
    // 55 approved questions fill more than the first page; the one waiting is the newest.
    for (let i = 0; i < 55; i += 1) {
      const id = await ask(`asker${i}`, `Approved question ${i}`);
      await api.http.post(`/webinars/${webinarId}/questions/${id}/approve`, {}, host.accessToken);
    }
    for (let i = 55; i < 205; i += 1) {
      await api.http.post(`/webinars/${webinarId}/registrations`, {
        displayName: `listener${i}`,
        email: `listener${i}@example.org`,
      });
    }
    await ask('late', 'The question still waiting');
    const held = await api.http.get(
      `/webinars/${webinarId}/questions?status=held`,
      host.accessToken,
    );
    expect(held.body.items.map((q: { text: string }) => q.text)).toEqual([
      'The question still waiting',
    ]);

    const origin = api.http.baseUrl.replace('/api/v1', '');
    const hostPage = await browser.newPage();
    await hostPage.goto(`${origin}/webinar/#webinar=${webinarId}&host=1`);
    await hostPage.getByRole('textbox', { name: 'E-mail' }).fill(host.email);
    await hostPage.getByLabel('Password').fill(host.password);
    await hostPage.getByRole('button', { name: 'Sign in' }).click();
    await hostPage.getByText('The question still waiting', { exact: false }).waitFor();
    await hostPage.getByRole('button', { name: 'Approve' }).waitFor();
    // 206 attendees: the first 200, then the rest on request.
    const attendees = hostPage.getByRole('list', { name: 'Attendees' }).getByRole('listitem');
    await hostPage.getByRole('button', { name: 'Show more attendees' }).click();
    await attendees.nth(205).waitFor();
    expect(await attendees.count()).toBe(206);
    expect(await attendees.last().textContent()).toMatch(/^late/);
    await screenshot(hostPage, 'webinar-4-host-busy');
    await hostPage.close();
  }, 120_000);

  it('refuses a host link whose webinar id is a path, and calls no api with it', async () => {
    const facilitator = await registerUser(api.http, 'facilitator');
    const { orgId, versionId } = await organizationWithCurriculum(
      api.http,
      facilitator,
      'Crafted links clinic',
    );
    const { sessions } = await groupStartingIn(api.http, facilitator, orgId, versionId, 24 * 60);
    const sessionId = sessions[0].id;
    const origin = api.http.baseUrl.replace('/api/v1', '');

    const page = await browser.newPage();
    // Signed in on this origin, as a host who used the webinar page before would be.
    await page.addInitScript((token) => {
      const page = globalThis as unknown as {
        sessionStorage: { setItem(k: string, v: string): void };
      };
      page.sessionStorage.setItem('hearth.accessToken', token);
    }, facilitator.accessToken);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    const crafted = encodeURIComponent(`../sessions/${sessionId}/cancel#`);
    await page.goto(`${origin}/webinar/#host=1&webinar=${crafted}`, { waitUntil: 'networkidle' });

    const session = await api.http.get(`/sessions/${sessionId}`, facilitator.accessToken);
    expect(session.body.status).toBe('scheduled');
    await page.getByText('This link is not valid', { exact: false }).waitFor({ timeout: 5_000 });
    expect(apiCalls).toEqual([]);
    await page.close();
  }, 60_000);
});
