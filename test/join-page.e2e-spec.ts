import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser.js';
import { registerUser, type RunningApi, type TestEnvironment } from './support/hearth.js';
import type { LiveKitStandin } from './support/livekit-standin.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
} from './support/groups.js';
import { eventually } from './support/wait.js';

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
    const { orgId, versionId } = await organizationWithCurriculum(
      http,
      therapist,
      'Browser clinic',
      'mbct-8',
    );
    const { groupId, sessions } = await groupStartingIn(http, therapist, orgId, versionId, 5, {
      name: 'Evening mindfulness',
      durationMinutes: 120,
      capacity: 8,
      lobbyEnabled: true,
    });
    const sessionId = sessions[0].id;
    const participant = await enrolledParticipant(env, http, therapist, orgId, groupId, 'Juniper');

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
    const attempt = await eventually(() => standin.rtcRequests.find((r) => r.claims), 20_000);
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

  it('refuses a link whose session id is a path, before any api call', async () => {
    const { http } = api;
    const therapist = await registerUser(http, 'therapist');
    const { orgId, versionId } = await organizationWithCurriculum(
      http,
      therapist,
      'Link clinic',
      'mbct-8',
    );
    const { sessions } = await groupStartingIn(http, therapist, orgId, versionId, 24 * 60);
    const sessionId = sessions[0].id;

    const page = await browser.newPage();
    await page.addInitScript((token) => {
      const page = globalThis as unknown as {
        sessionStorage: { setItem(k: string, v: string): void };
      };
      page.sessionStorage.setItem('hearth.accessToken', token);
    }, therapist.accessToken);
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    const origin = http.baseUrl.replace('/api/v1', '');
    const crafted = encodeURIComponent(`../sessions/${sessionId}/cancel#`);
    await page.goto(`${origin}/join/#session=${crafted}`, { waitUntil: 'networkidle' });

    await page.getByText('This link is not valid', { exact: false }).waitFor({ timeout: 5_000 });
    expect(apiCalls).toEqual([]);
    expect((await http.get(`/sessions/${sessionId}`, therapist.accessToken)).body.status).toBe(
      'scheduled',
    );
    await page.close();
  }, 60_000);
});
