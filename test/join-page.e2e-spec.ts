import type { Browser } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { launchChromium, screenshot } from './support/browser.js';
import {
  markEmailVerified,
  registerUser,
  type RunningApi,
  type TestEnvironment,
} from './support/hearth.js';
import type { LiveKitStandin } from './support/livekit-standin.js';
import { type Deployment, startDeployment } from './support/deployment.js';

describe('The join page in headless Chromium (e2e)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let standin: LiveKitStandin;
  let api: RunningApi;
  let browser: Browser;

  beforeAll(async () => {
    deployment = await startDeployment('join_page');
    ({ env, api, standin } = deployment);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  it('signs in, waits in the lobby, moves on when admitted and connects to the configured LiveKit', async () => {
    const { http } = api;
    const therapist = await registerUser(http, 'therapist');
    const orgId = (
      await http.post('/organizations', { name: 'Browser clinic' }, therapist.accessToken)
    ).body.id;
    const versionId = (
      await http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: 'mbct-8' },
        therapist.accessToken,
      )
    ).body.currentVersionId;
    const start = new Date(Date.now() + 5 * 60_000);
    const group = await http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Evening mindfulness',
        curriculumVersionId: versionId,
        timezone: 'UTC',
        firstSessionDate: start.toISOString().slice(0, 10),
        startTime: start.toISOString().slice(11, 16),
        durationMinutes: 120,
        capacity: 8,
        lobbyEnabled: true,
      },
      therapist.accessToken,
    );
    const sessionId = (await http.get(`/groups/${group.body.id}/sessions`, therapist.accessToken))
      .body.items[0].id;
    const participant = await registerUser(http, 'Juniper');
    await markEmailVerified(env, participant.user.id);
    await http.post(
      `/organizations/${orgId}/members`,
      { email: participant.email, role: 'participant' },
      therapist.accessToken,
    );
    await http.post(
      `/groups/${group.body.id}/enrollments`,
      { userId: participant.user.id },
      therapist.accessToken,
    );

    const page = await browser.newPage();
    const origin = http.baseUrl.replace('/api/v1', '');
    await page.goto(`${origin}/join/#session=${sessionId}`);
    await page.getByLabel('E-mail').fill(participant.email);
    await page.getByLabel('Password').fill(participant.password);
    await screenshot(page, 'join-1-signin');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'Ready to join?' }).waitFor();
    expect(await page.locator('#alias').textContent()).toBe('Juniper');
    await screenshot(page, 'join-2-prejoin');
    await page.getByRole('button', { name: 'Join the session' }).click();

    await page.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();
    await screenshot(page, 'join-3-waiting');
    expect(standin.rtcRequests).toHaveLength(0);

    const lobby = await http.get(`/sessions/${sessionId}/lobby`, therapist.accessToken);
    expect(lobby.body.items).toHaveLength(1);
    await http.post(
      `/sessions/${sessionId}/lobby/${lobby.body.items[0].id}/admit`,
      {},
      therapist.accessToken,
    );

    // The page polls, gets its token and asks the configured LiveKit for a connection.
    const deadline = Date.now() + 20_000;
    while (!standin.rtcRequests.some((r) => r.claims) && Date.now() < deadline) await sleep(200);
    const attempt = standin.rtcRequests.find((r) => r.claims);
    expect(attempt?.claims?.sub).toBe(participant.user.id);
    expect(attempt?.claims?.video?.room).toBe(`session-${sessionId}`);
    const pageState = await page.evaluate(
      () => (globalThis as unknown as { hearthJoin: { serverUrl: string } }).hearthJoin.serverUrl,
    );
    expect(pageState).toBe(standin.url.replace('http', 'ws'));

    // The stand-in has no media server, so the page says plainly that it cannot connect.
    await page
      .getByText('We could not reach the video server', { exact: false })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'join-4-unreachable');
  }, 90_000);
});
