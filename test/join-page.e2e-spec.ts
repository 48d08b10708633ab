import { TrackSource } from 'livekit-server-sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  inboundVideoBytes,
  joinPageConnected,
  launchChromium,
  screenshot,
} from './support/browser.js';
import { registerUser, type RunningApi, type TestEnvironment } from './support/hearth.js';
import type { LiveKitGateway } from './support/livekit.js';
import { RtcParticipant } from './support/rtc-participant.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { eventually } from './support/wait.js';

/** A small phone (iPhone 12 to 15 class), where most participants join from. */
const PHONE = { width: 390, height: 844 };

type PageState = {
  hearthJoin?: {
    tracks: { mediaStreamTrack: { readyState: string } }[];
  };
};

const connected = (page: Page) => joinPageConnected(page, 45_000);

/** The screen as it is, on a desktop and on a phone. */
async function screenshots(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await screenshot(page, `${name}-phone`);
  if (size) await page.setViewportSize(size);
}

describe('The join page in headless Chromium, on the real LiveKit server (e2e)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let api: RunningApi;
  let livekit: LiveKitGateway;
  let browser: Browser;
  let therapist: TestUser;
  let orgId: string;
  let versionId: string;
  const clients: RtcParticipant[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    deployment = await startDeployment('join_page');
    ({ env, api, livekit } = deployment);
    browser = await launchChromium({ fakeMedia: true });
    therapist = await registerUser(api.http, 'therapist');
    ({ orgId, versionId } = await organizationWithCurriculum(
      api.http,
      therapist,
      'Browser clinic',
      'mbct-8',
    ));
  }, 60_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.leave()));
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await deployment?.close();
  });

  /** A session starting in 5 minutes, its room open on the server, and one enrolled participant. */
  async function sessionWithParticipant(name: string, overrides: Record<string, unknown> = {}) {
    const { groupId, sessions } = await groupStartingIn(api.http, therapist, orgId, versionId, 5, {
      name: 'Evening mindfulness',
      durationMinutes: 120,
      capacity: 8,
      ...overrides,
    });
    const sessionId = sessions[0].id;
    const participant = await enrolledParticipant(env, api.http, therapist, orgId, groupId, name);
    const room = `session-${sessionId}`;
    // The worker opens the room before the join window; the server knows no other rooms.
    await eventually(() => livekit.room(room), 30_000);
    return { sessionId, participant, room };
  }

  /** A fresh browser (camera and microphone allowed) on the session's join link. */
  async function openJoinLink(sessionId: string): Promise<Page> {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
    contexts.push(context);
    const page = await context.newPage();
    const origin = api.http.baseUrl.replace('/api/v1', '');
    await page.goto(`${origin}/join/#session=${sessionId}`);
    return page;
  }

  async function signIn(page: Page, user: TestUser): Promise<void> {
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Ready to join?' }).waitFor();
  }

  /** The participant's page, in the room, publishing the fake camera and microphone. */
  async function participantInRoom(sessionId: string, user: TestUser, room: string) {
    const page = await openJoinLink(sessionId);
    await signIn(page, user);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await connected(page);
    await eventually(
      async () => (await livekit.participant(room, user.user.id))?.tracks.length === 2,
      30_000,
    );
    return page;
  }

  /** The therapist in the room from a real rtc-node client, with a camera and a microphone. */
  async function facilitatorInRoom(sessionId: string): Promise<RtcParticipant> {
    const answer = await api.http.post(`/sessions/${sessionId}/join`, {}, therapist.accessToken);
    expect(answer.status).toBe(200);
    const client = await RtcParticipant.join(livekit.wsUrl, answer.body.token);
    clients.push(client);
    await client.publish('video');
    await client.publish('audio');
    return client;
  }

  const moderate = (sessionId: string, action: string, userId?: string) =>
    api.http.post(
      userId
        ? `/sessions/${sessionId}/participants/${userId}/${action}`
        : `/sessions/${sessionId}/${action}`,
      {},
      therapist.accessToken,
    );

  it('signs in, waits in the lobby, and connects to the server once admitted', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Juniper', {
      lobbyEnabled: true,
    });
    const page = await openJoinLink(sessionId);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
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
    // Waiting holds no token: the page has not gone near the server, which has nobody.
    expect(sockets).toEqual([]);
    expect(await livekit.participants(room)).toEqual([]);

    const lobby = await api.http.get(`/sessions/${sessionId}/lobby`, therapist.accessToken);
    expect(lobby.body.items).toHaveLength(1);
    await api.http.post(
      `/sessions/${sessionId}/lobby/${lobby.body.items[0].id}/admit`,
      {},
      therapist.accessToken,
    );

    // The page polls, gets its token and really joins: the server lists the person, by alias.
    await connected(page);
    const present = await eventually(() => livekit.participant(room, participant.user.id));
    expect(present.name).toBe('Juniper');
    expect(sockets.some((url) => url.startsWith(`${livekit.wsUrl}/rtc`))).toBe(true);
    await page.getByText('Juniper (you)').waitFor();
    await eventually(
      async () => (await livekit.participant(room, participant.user.id))?.tracks.length === 2,
      30_000,
    );
    await page.getByRole('button', { name: 'Leave' }).waitFor();
    expect(await page.locator('#status').textContent()).toBe('');
    await screenshots(page, 'join-4-connected');
  }, 120_000);

  it('sees the facilitator, hears of their mute, and is told plainly when removed', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Rowan');
    const facilitator = await facilitatorInRoom(sessionId);
    const page = await participantInRoom(sessionId, participant, room);

    // Each receives the other's video, and it keeps coming.
    await page.getByText('therapist', { exact: true }).waitFor();
    const first = await eventually(() => inboundVideoBytes(page), 30_000);
    await eventually(async () => (await inboundVideoBytes(page)) > first, 15_000);
    // ... and shows it: the facilitator's tile plays their 160x120 camera.
    const shown = page.locator('figure', { hasText: 'therapist' }).locator('video');
    const playing = () =>
      shown.evaluate((video) => {
        const { videoWidth, currentTime } = video as unknown as Record<string, number>;
        return videoWidth > 0 && currentTime;
      });
    const since = await eventually(playing, 15_000);
    await eventually(async () => (await playing()) > since, 15_000);
    const sent = await eventually(() => facilitator.receivedVideoBytes, 30_000);
    await eventually(() => facilitator.receivedVideoBytes > sent, 15_000);

    const notice = page.getByRole('status').filter({ hasText: 'The facilitator' });
    const micMuted = async () =>
      (await livekit.participant(room, participant.user.id))?.tracks.find(
        (track) => track.source === TrackSource.MICROPHONE,
      )?.muted;

    // Muting oneself is one's own business: no word about the facilitator. And the picture
    // stays put: the facilitator's video is the same element, still playing.
    const video = await shown.elementHandle();
    await page.getByRole('button', { name: 'Mute', exact: true }).click();
    await eventually(async () => (await micMuted()) === true, 15_000);
    expect(await notice.count()).toBe(0);
    await page.getByRole('button', { name: 'Unmute', exact: true }).click();
    await eventually(async () => (await micMuted()) === false, 15_000);
    expect(await notice.count()).toBe(0);
    expect(
      await video!.evaluate((element) => {
        const { isConnected, paused } = element as unknown as Record<string, boolean>;
        return isConnected && !paused;
      }),
    ).toBe(true);

    const mute = await moderate(sessionId, 'mute', participant.user.id);
    expect(mute.status).toBe(200);
    expect(mute.body.mutedTracks).toBe(1);
    await expect(notice.textContent({ timeout: 15_000 })).resolves.toBe(
      'The facilitator muted your microphone. You can unmute whenever you want to speak.',
    );
    const micButton = page.locator('#toggle-mic');
    expect(await micButton.textContent()).toBe('Unmute');
    expect(await micButton.getAttribute('aria-pressed')).toBe('false');
    await screenshots(page, 'join-5-muted-by-facilitator');

    const sockets: string[] = [];
    const joins: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    page.on('request', (request) => {
      if (request.url().endsWith('/join')) joins.push(request.url());
    });
    const removal = await moderate(sessionId, 'remove', participant.user.id);
    expect(removal.status).toBe(200);
    const heading = page.getByRole('heading', { name: 'You were removed from this session' });
    await heading.waitFor({ timeout: 15_000 });
    expect(await page.locator('#message').textContent()).toBe(
      "The facilitator has taken you out of this session, and you can't rejoin it. If you weren't expecting this, please contact your facilitator or the service that invited you. Take care.",
    );
    // Focus lands on the news, so a screen reader reads it out.
    const focused = await heading.evaluate(
      (element) =>
        element ===
        (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument
          .activeElement,
    );
    expect(focused).toBe(true);
    expect(await page.locator('#retry').isVisible()).toBe(false);
    await screenshots(page, 'join-6-removed');
    await facilitator.waitFor('participantDisconnected');
    expect(await livekit.participant(room, participant.user.id)).toBeUndefined();
    // The camera light goes off, and the page does not try to get back in.
    const live = await page.evaluate(() =>
      (globalThis as unknown as PageState).hearthJoin!.tracks.filter(
        (track) => track.mediaStreamTrack.readyState !== 'ended',
      ),
    );
    expect(live).toEqual([]);
    await page.waitForTimeout(5_000);
    expect(sockets).toEqual([]);
    expect(joins).toEqual([]);
    expect(await livekit.participant(room, participant.user.id)).toBeUndefined();

    // Coming back to the link later tells them the same, in the same words.
    await page.reload();
    await page.getByRole('button', { name: 'Join the session' }).click();
    await heading.waitFor({ timeout: 15_000 });
  }, 180_000);

  it('says the session has ended when the facilitator ends it', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Linden');
    const page = await participantInRoom(sessionId, participant, room);

    const ended = await moderate(sessionId, 'end');
    expect(ended.status).toBe(200);
    await page.getByRole('heading', { name: 'The session has ended' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('#message').textContent()).toBe(
      'It has ended for everyone, so there is nothing more you need to do. Thank you for being here, and take care.',
    );
    expect(await page.locator('#retry').isVisible()).toBe(false);
    await screenshots(page, 'join-7-ended');
  }, 120_000);

  it('tells a person who opened the session elsewhere, and lets them join here again', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Hazel');
    const page = await participantInRoom(sessionId, participant, room);

    // The same person on another device: the server keeps only the newer connection.
    const elsewhere = await api.http.post(
      `/sessions/${sessionId}/join`,
      {},
      participant.accessToken,
    );
    clients.push(await RtcParticipant.join(livekit.wsUrl, elsewhere.body.token));
    await page
      .getByRole('heading', { name: 'You joined from somewhere else' })
      .waitFor({ timeout: 15_000 });
    await screenshots(page, 'join-8-elsewhere');
    await page.getByRole('button', { name: 'Join here again' }).click();
    await page.getByRole('heading', { name: 'Ready to join?' }).waitFor();
  }, 120_000);

  it('refuses a link whose session id is a path, before any api call', async () => {
    const { http } = api;
    const { sessions } = await groupStartingIn(http, therapist, orgId, versionId, 24 * 60);
    const sessionId = sessions[0].id;

    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
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
  }, 60_000);
});
