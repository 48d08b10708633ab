import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser.js';
import { registerUser, type RunningApi } from './support/hearth.js';
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
});
