import { TrackSource } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { remoteVideoFrames } from './support/browser.js';
import { groupStartingIn, type TestUser } from './support/groups.js';
import { RtcParticipant } from './support/rtc-participant.js';
import { eventually } from './support/wait.js';
import { checkScreen, type Size } from './support/web.js';
import { useWebRoom } from './support/web-room.js';

/** The session room in the web app (LiveKit's React components), on the real LiveKit server. */
describe('The session room in the web app (e2e, Chromium, real LiveKit)', () => {
  const world = useWebRoom('web_room', 'Room clinic', 'mbct-8');
  const clients: RtcParticipant[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.leave()));
  });

  /** A session starting in 5 minutes, its room open, and one enrolled participant who consented. */
  async function sessionWithParticipant(name: string, overrides: Record<string, unknown> = {}) {
    const { sessionId, members, room } = await world.sessionWith([name], overrides);
    return { sessionId, participant: members[0]!, room };
  }

  /** A fresh browser (camera and microphone allowed) on the session's join address, signed in. */
  async function openJoinPage(sessionId: string, user: TestUser, size: Size = 'phone') {
    const page = await world.signedIn(`/sessions/${sessionId}/join`, user, size);
    await page.getByRole('heading', { name: 'Ready to join?' }).waitFor();
    return page;
  }

  /** In the room: the toolbar shows, and the server lists the person with camera and microphone. */
  async function inRoom(page: Page, room: string, user: TestUser) {
    await page.getByRole('toolbar', { name: 'Room controls' }).waitFor({ timeout: 30_000 });
    await eventually(
      async () => (await world.livekit.participant(room, user.user.id))?.tracks.length === 2,
      30_000,
    );
  }

  async function participantInRoom(sessionId: string, user: TestUser, room: string) {
    const page = await openJoinPage(sessionId, user);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await inRoom(page, room, user);
    return page;
  }

  /** The therapist in the room from a real rtc-node client, with a camera and a microphone. */
  async function facilitatorInRoom(sessionId: string): Promise<RtcParticipant> {
    const answer = await world.api.http.post(
      `/sessions/${sessionId}/join`,
      {},
      world.therapist.accessToken,
    );
    expect(answer.status).toBe(200);
    const client = await RtcParticipant.join(world.livekit.wsUrl, answer.body.token);
    clients.push(client);
    await client.publish('video');
    await client.publish('audio');
    return client;
  }

  const moderate = (sessionId: string, action: string, userId?: string) =>
    world.api.http.post(
      userId
        ? `/sessions/${sessionId}/participants/${userId}/${action}`
        : `/sessions/${sessionId}/${action}`,
      {},
      world.therapist.accessToken,
    );

  it('shows the alias and the camera before joining, waits in the lobby without a token, and connects once admitted', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Juniper', {
      lobbyEnabled: true,
    });
    const page = await openJoinPage(sessionId, participant);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.getByText('Others in your group will see you as Juniper.').waitFor();
    await page.getByRole('switch', { name: 'Start with my camera on' }).waitFor();
    await checkScreen(page, 'room-ready-phone');
    await page.getByRole('button', { name: 'Join the session' }).click();

    await page.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();
    await checkScreen(page, 'room-waiting-phone');
    // Waiting holds no token: the page has not gone near the server, which has nobody.
    expect(sockets).toEqual([]);
    expect(await world.livekit.participants(room)).toEqual([]);

    const lobby = await world.api.http.get(
      `/sessions/${sessionId}/lobby`,
      world.therapist.accessToken,
    );
    expect(lobby.body.items).toHaveLength(1);
    await world.api.http.post(
      `/sessions/${sessionId}/lobby/${lobby.body.items[0].id}/admit`,
      {},
      world.therapist.accessToken,
    );

    // The page polls, gets its token and really joins: the server lists the person, by alias.
    await inRoom(page, room, participant);
    expect((await world.livekit.participant(room, participant.user.id))!.name).toBe('Juniper');
    expect(sockets.some((url) => url.startsWith(`${world.livekit.wsUrl}/rtc`))).toBe(true);
    await checkScreen(page, 'room-connected-phone');
  }, 120_000);

  it('keeps its place in the lobby through a network blip, and joins once admitted', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Linden', {
      lobbyEnabled: true,
    });
    const page = await openJoinPage(sessionId, participant);
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();

    // The phone loses its network for a few seconds: the page says so and keeps asking.
    await page.context().setOffline(true);
    await page.getByText('Reconnecting… your connection dropped for a moment.').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    await page.context().setOffline(false);
    await page
      .getByText('Reconnecting… your connection dropped for a moment.')
      .waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('heading', { name: 'You are in the waiting room' }).waitFor();

    const lobby = await world.api.http.get(
      `/sessions/${sessionId}/lobby`,
      world.therapist.accessToken,
    );
    expect(lobby.body.items).toHaveLength(1);
    await world.api.http.post(
      `/sessions/${sessionId}/lobby/${lobby.body.items[0].id}/admit`,
      {},
      world.therapist.accessToken,
    );
    await inRoom(page, room, participant);
  }, 120_000);

  it('plays the facilitator, tells of their mute but not of one’s own, and says plainly when removed', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Rowan');
    const facilitator = await facilitatorInRoom(sessionId);
    const page = await participantInRoom(sessionId, participant, room);

    // Each receives the other's video, and it keeps coming.
    const first = await eventually(
      async () => (await remoteVideoFrames(page)) || undefined,
      30_000,
    );
    await eventually(async () => (await remoteVideoFrames(page)) > first, 15_000);
    const sent = await eventually(() => facilitator.receivedVideoBytes, 30_000);
    await eventually(() => facilitator.receivedVideoBytes > sent, 15_000);

    const notice = page.getByRole('status').filter({ hasText: 'The facilitator' });
    const micMuted = async () =>
      (await world.livekit.participant(room, participant.user.id))?.tracks.find(
        (track) => track.source === TrackSource.MICROPHONE,
      )?.muted;
    const mic = page.getByRole('button', { name: 'Microphone' });

    // Muting oneself is one's own business: no word about the facilitator.
    await mic.click();
    await eventually(async () => (await micMuted()) === true, 15_000);
    await mic.click();
    await eventually(async () => (await micMuted()) === false, 15_000);
    expect(await notice.count()).toBe(0);

    const mute = await moderate(sessionId, 'mute', participant.user.id);
    expect(mute.status).toBe(200);
    expect(mute.body.mutedTracks).toBe(1);
    await expect(notice.textContent({ timeout: 15_000 })).resolves.toBe(
      'The facilitator muted your microphone. You can unmute whenever you want to speak.',
    );
    expect(await mic.getAttribute('aria-pressed')).toBe('false');
    await checkScreen(page, 'room-muted-by-facilitator-phone');

    const sockets: string[] = [];
    const joins: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    page.on('request', (request) => {
      if (request.url().endsWith('/join')) joins.push(request.url());
    });
    expect((await moderate(sessionId, 'remove', participant.user.id)).status).toBe(200);
    const heading = page.getByRole('heading', { name: 'You were removed from this session' });
    await heading.waitFor({ timeout: 15_000 });
    await page
      .getByText("The facilitator has taken you out of this session, and you can't rejoin it.", {
        exact: false,
      })
      .waitFor();
    // Focus lands on the news, so a screen reader reads it out; there is no way back in.
    expect(
      await heading.evaluate((element) => element === element.ownerDocument.activeElement),
    ).toBe(true);
    expect(await page.getByRole('button', { name: /again/ }).count()).toBe(0);
    await checkScreen(page, 'room-removed-phone');
    await facilitator.waitFor('participantDisconnected');
    await page.waitForTimeout(5_000);
    expect(sockets).toEqual([]);
    expect(joins).toEqual([]);
    expect(await world.livekit.participant(room, participant.user.id)).toBeUndefined();

    // Coming back to the link later tells them the same, in the same words.
    await page.reload();
    await page.getByRole('button', { name: 'Join the session' }).click();
    await heading.waitFor({ timeout: 15_000 });
  }, 180_000);

  it('says the session has ended when the facilitator ends it', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Linden');
    const page = await participantInRoom(sessionId, participant, room);
    expect((await moderate(sessionId, 'end')).status).toBe(200);
    await page.getByRole('heading', { name: 'The session has ended' }).waitFor({ timeout: 15_000 });
    await page.getByText('It has ended for everyone', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /again/ }).count()).toBe(0);
    await checkScreen(page, 'room-ended-phone');
  }, 120_000);

  it('tells a person who opened the session elsewhere, and lets them join here again', async () => {
    const { sessionId, participant, room } = await sessionWithParticipant('Hazel');
    const page = await participantInRoom(sessionId, participant, room);
    // The same person on another device: the server keeps only the newer connection.
    const elsewhere = await world.api.http.post(
      `/sessions/${sessionId}/join`,
      {},
      participant.accessToken,
    );
    clients.push(await RtcParticipant.join(world.livekit.wsUrl, elsewhere.body.token));
    await page
      .getByRole('heading', { name: 'You joined from somewhere else' })
      .waitFor({ timeout: 15_000 });
    await checkScreen(page, 'room-elsewhere-phone');
    await page.getByRole('button', { name: 'Join here again' }).click();
    await page.getByRole('heading', { name: 'Ready to join?' }).waitFor();
  }, 120_000);

  it('lets the facilitator admit a waiting person from the room, by alias', async () => {
    const { sessionId, participant } = await sessionWithParticipant('Willow', {
      lobbyEnabled: true,
    });
    const page = await openJoinPage(sessionId, world.therapist, 'desktop');
    await page.getByRole('button', { name: 'Join the session' }).click();
    await page.getByRole('heading', { name: 'Waiting room (0)' }).waitFor({ timeout: 20_000 });
    expect(
      (await world.api.http.post(`/sessions/${sessionId}/join`, {}, participant.accessToken))
        .status,
    ).toBe(202);
    await page.getByRole('button', { name: 'Admit Willow' }).click({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Waiting room (0)' }).waitFor({ timeout: 15_000 });
    await checkScreen(page, 'room-facilitator-desktop');
    expect(
      (await world.api.http.post(`/sessions/${sessionId}/join`, {}, participant.accessToken))
        .status,
    ).toBe(200);
  }, 120_000);

  it('refuses an address whose session id is a path, before any call about it', async () => {
    const { sessions } = await groupStartingIn(
      world.api.http,
      world.therapist,
      world.orgId,
      world.versionId,
      24 * 60,
    );
    const sessionId = sessions[0]!.id;
    const page = await world.signedIn('/', world.therapist);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const sessionCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/sessions/')) sessionCalls.push(request.url());
    });
    const crafted = encodeURIComponent(`../sessions/${sessionId}/cancel#`);
    await page.goto(`${world.origin}/sessions/${crafted}/join`);
    await page.getByText('This link is not valid', { exact: false }).waitFor({ timeout: 15_000 });
    expect(sessionCalls.filter((url) => url.includes('/api/'))).toEqual([]);
    expect(
      (await world.api.http.get(`/sessions/${sessionId}`, world.therapist.accessToken)).body.status,
    ).toBe('scheduled');
  }, 60_000);
});
