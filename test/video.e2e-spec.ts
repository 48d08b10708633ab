import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { TokenVerifier } from 'livekit-server-sdk';
import {
  markEmailVerified,
  registerUser,
  type RunningApi,
  startApi,
  type TestEnvironment,
} from './support/hearth.js';
import type { LiveKitStandin } from './support/livekit-standin.js';
import { eventually } from './support/wait.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  groupStartingIn as openGroupStartingIn,
  organizationWithCurriculum,
} from './support/groups.js';
import { joinOrganization } from './support/members.js';

type User = Awaited<ReturnType<typeof registerUser>>;
const KEY = 'hearth-test-key';
const SECRET = 'a-test-secret-that-is-at-least-32-chars';

describe('Video rooms on LiveKit (e2e, real SDK against the stand-in)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let standin: LiveKitStandin;
  let api: RunningApi;
  let therapist: User;
  let orgId: string;
  let versionId: string;

  beforeAll(async () => {
    deployment = await startDeployment('video', { livekitKey: KEY, livekitSecret: SECRET });
    ({ env, api, standin } = deployment);
    therapist = await registerUser(api.http, 'therapist');
    ({ orgId, versionId } = await organizationWithCurriculum(api.http, therapist, 'Video clinic'));
    await api.http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: 'Be kind.' },
      therapist.accessToken,
    );
  });

  afterAll(async () => {
    await deployment?.close();
  });

  /** A group whose first session starts `minutes` from now (UTC), weekly after that. */
  function groupStartingIn(minutes: number, overrides: Record<string, unknown> = {}) {
    return openGroupStartingIn(api.http, therapist, orgId, versionId, minutes, overrides);
  }

  async function member(groupId: string, name: string, { consent = true } = {}) {
    const user = await registerUser(api.http, name);
    await markEmailVerified(env, user.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, user, 'participant');
    await api.http.post(
      `/groups/${groupId}/enrollments`,
      { userId: user.user.id },
      therapist.accessToken,
    );
    if (consent)
      await api.http.post(`/groups/${groupId}/consent`, { agreementVersion: 1 }, user.accessToken);
    return user;
  }

  const join = (sessionId: string, user: User) =>
    api.http.post(`/sessions/${sessionId}/join`, {}, user.accessToken);
  const verify = (token: string) => new TokenVerifier(KEY, SECRET).verify(token);

  it('creates the room before the join window with the expected settings and opens the session', async () => {
    const { sessions } = await groupStartingIn(10, { coFacilitatorIds: [] });
    const room = await eventually(() => standin.rooms.get(`session-${sessions[0].id}`));
    expect(room).toMatchObject({ maxParticipants: 7, emptyTimeout: 1800, departureTimeout: 300 });
    const session = await eventually(async () => {
      const s = await api.http.get(`/sessions/${sessions[0].id}`, therapist.accessToken);
      return s.body.status === 'open' && s.body;
    });
    expect(session.status).toBe('open');
    // Next week's session has no room yet.
    expect(standin.rooms.has(`session-${sessions[1].id}`)).toBe(false);
  });

  it('retries room creation until LiveKit answers', async () => {
    standin.failures.set('CreateRoom', 2);
    const { sessions } = await groupStartingIn(10);
    await eventually(() => standin.rooms.get(`session-${sessions[0].id}`), 30_000);
    const attempts = standin.calls.filter(
      (c) => c.method === 'CreateRoom' && c.body.name === `session-${sessions[0].id}`,
    );
    expect(attempts.map((c) => c.status)).toEqual([503, 503, 200]);
  }, 40_000);

  it('mints tokens whose grants are exactly the role set', async () => {
    const { groupId, sessions } = await groupStartingIn(5);
    const participant = await member(groupId, 'Aster');
    const room = `session-${sessions[0].id}`;

    const asFacilitator = await join(sessions[0].id, therapist);
    expect(asFacilitator.status).toBe(200);
    expect(asFacilitator.body).toMatchObject({
      status: 'admitted',
      serverUrl: standin.url.replace('http', 'ws'),
      roomName: room,
      identity: therapist.user.id,
    });
    const facilitatorClaims = await verify(asFacilitator.body.token);
    expect(facilitatorClaims.sub).toBe(therapist.user.id);
    expect(facilitatorClaims.name).toBe('therapist');
    expect(facilitatorClaims.video).toEqual({
      roomJoin: true,
      room,
      roomAdmin: true,
      roomCreate: false,
      roomList: false,
      roomRecord: false,
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
      canUpdateOwnMetadata: false,
      hidden: false,
      recorder: false,
    });
    const lifetime = (facilitatorClaims.exp as number) - (facilitatorClaims.nbf as number);
    expect(lifetime).toBe(600);

    const asParticipant = await join(sessions[0].id, participant);
    expect(asParticipant.status).toBe(200);
    const claims = await verify(asParticipant.body.token);
    expect(claims).toMatchObject({ sub: participant.user.id, name: 'Aster' });
    expect(claims.video).toEqual({
      ...facilitatorClaims.video,
      roomAdmin: false,
      canPublishSources: ['camera', 'microphone'],
    });
  });

  it('lets participants share their screen only where the group allows it', async () => {
    const { groupId, sessions } = await groupStartingIn(5, { participantScreenShare: true });
    const presenter = await member(groupId, 'Presenter');
    const claims = await verify((await join(sessions[0].id, presenter)).body.token);
    expect(claims.video).toMatchObject({
      roomAdmin: false,
      canPublishSources: ['camera', 'microphone', 'screen_share', 'screen_share_audio'],
    });
  });

  it('refuses outside the window, non-members, the waitlisted and those without consent', async () => {
    const { groupId, sessions } = await groupStartingIn(5, { capacity: 1 });
    const seated = await member(groupId, 'Seated');
    const waiting = await member(groupId, 'Waiting');
    const later = await join(sessions[1].id, seated);
    expect(later.status).toBe(409);
    expect(later.body.code).toBe('join_window_closed');

    const waitlisted = await join(sessions[0].id, waiting);
    expect(waitlisted.status).toBe(403);
    expect(waitlisted.body.code).toBe('not_a_member');

    const colleague = await registerUser(api.http, 'colleague');
    await markEmailVerified(env, colleague.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, colleague, 'participant');
    expect((await join(sessions[0].id, colleague)).status).toBe(403);

    const stranger = await registerUser(api.http, 'stranger');
    const foreign = await join(sessions[0].id, stranger);
    expect(foreign.status).toBe(404);

    const { groupId: otherGroup, sessions: otherSessions } = await groupStartingIn(5);
    const unconsented = await member(otherGroup, 'NoConsent', { consent: false });
    const refused = await join(otherSessions[0].id, unconsented);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('consent_required');
  });

  it('keeps a waiting person out until a facilitator admits them; denied stays out', async () => {
    const { groupId, sessions } = await groupStartingIn(5, { lobbyEnabled: true });
    const sessionId = sessions[0].id;
    const guest = await member(groupId, 'Guest');
    const other = await member(groupId, 'Other');

    const first = await join(sessionId, guest);
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ status: 'waiting', lobbyEntryId: expect.any(String) });
    const entryId = first.body.lobbyEntryId;

    // Nothing a waiting person can do yields a token.
    for (let i = 0; i < 3; i++) {
      const again = await join(sessionId, guest);
      expect(again.status).toBe(202);
      expect(again.body).not.toHaveProperty('token');
    }
    const selfAdmit = await api.http.post(
      `/sessions/${sessionId}/lobby/${entryId}/admit`,
      {},
      guest.accessToken,
    );
    expect(selfAdmit.status).toBe(403);
    expect((await api.http.get(`/sessions/${sessionId}/lobby`, guest.accessToken)).status).toBe(
      403,
    );
    await api.http.post(`/groups/${groupId}/consent`, { agreementVersion: 1 }, guest.accessToken);
    expect((await join(sessionId, guest)).status).toBe(202);

    // Facilitators skip the lobby and see who waits, by alias.
    expect((await join(sessionId, therapist)).status).toBe(200);
    const lobby = await api.http.get(`/sessions/${sessionId}/lobby`, therapist.accessToken);
    expect(lobby.body.items).toEqual([
      {
        id: entryId,
        userId: guest.user.id,
        displayName: 'Guest',
        waitingSince: expect.any(String),
      },
    ]);

    const admitted = await api.http.post(
      `/sessions/${sessionId}/lobby/${entryId}/admit`,
      {},
      therapist.accessToken,
    );
    expect(admitted.status).toBe(200);
    const afterAdmit = await join(sessionId, guest);
    expect(afterAdmit.status).toBe(200);
    expect((await verify(afterAdmit.body.token)).sub).toBe(guest.user.id);

    const otherEntry = (await join(sessionId, other)).body.lobbyEntryId;
    await api.http.post(
      `/sessions/${sessionId}/lobby/${otherEntry}/deny`,
      {},
      therapist.accessToken,
    );
    const denied = await join(sessionId, other);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('lobby_denied');
  });

  it('takes an admitted person back out when a facilitator then denies them, revoking their token', async () => {
    const { groupId, sessions } = await groupStartingIn(5, { lobbyEnabled: true });
    const sessionId = sessions[0].id;
    const room = `session-${sessionId}`;
    const guest = await member(groupId, 'Admitted');
    await eventually(() => standin.rooms.get(room));
    const entryId = (await join(sessionId, guest)).body.lobbyEntryId;
    await api.http.post(`/sessions/${sessionId}/lobby/${entryId}/admit`, {}, therapist.accessToken);
    const admitted = await join(sessionId, guest);
    expect(admitted.status).toBe(200);
    const claims = await verify(admitted.body.token);
    standin.join(room, guest.user.id, 'Admitted');

    const deny = await api.http.post(
      `/sessions/${sessionId}/lobby/${entryId}/deny`,
      {},
      therapist.accessToken,
    );
    expect(deny.status).toBe(200);
    expect(standin.participant(room, guest.user.id)).toBeUndefined();
    // The token minted at admission predates the revocation, so LiveKit refuses it.
    const removal = standin
      .callsTo('RemoveParticipant')
      .find((call) => call.body.room === room && call.body.identity === guest.user.id);
    expect(Number(removal?.body.revokeTokenTs)).toBeGreaterThan(claims.nbf as number);
    const rejoin = await join(sessionId, guest);
    expect(rejoin.status).toBe(403);
    expect(rejoin.body).not.toHaveProperty('token');
  });

  it('mutes, removes (for good) and ends the session for everyone', async () => {
    const { groupId, sessions } = await groupStartingIn(5);
    const sessionId = sessions[0].id;
    const room = `session-${sessionId}`;
    const loud = await member(groupId, 'Loud');
    const removed = await member(groupId, 'Removed');
    await eventually(() => standin.rooms.get(room));
    expect((await join(sessionId, loud)).status).toBe(200);
    const joined = standin.join(room, loud.user.id, 'Loud', [
      { type: 'AUDIO', source: 'MICROPHONE', name: 'mic', muted: false },
      { type: 'VIDEO', source: 'CAMERA', name: 'cam', muted: false },
    ]);

    const mute = await api.http.post(
      `/sessions/${sessionId}/participants/${loud.user.id}/mute`,
      {},
      therapist.accessToken,
    );
    expect(mute.status).toBe(200);
    expect(mute.body.mutedTracks).toBe(1);
    expect(joined.tracks.map((t) => [t.type, t.muted])).toEqual([
      ['AUDIO', true],
      ['VIDEO', false],
    ]);
    const byParticipant = await api.http.post(
      `/sessions/${sessionId}/participants/${removed.user.id}/mute`,
      {},
      loud.accessToken,
    );
    expect(byParticipant.status).toBe(403);

    standin.join(room, removed.user.id, 'Removed');
    const removal = await api.http.post(
      `/sessions/${sessionId}/participants/${removed.user.id}/remove`,
      {},
      therapist.accessToken,
    );
    expect(removal.status).toBe(200);
    expect(standin.participant(room, removed.user.id)).toBeUndefined();
    const rejoin = await join(sessionId, removed);
    expect(rejoin.status).toBe(403);
    expect(rejoin.body.code).toBe('removed_from_session');
    // Tokens issued before the removal are revoked at LiveKit...
    const removalCall = standin.callsTo('RemoveParticipant').at(-1)!;
    expect(Number(removalCall.body.revokeTokenTs)).toBeGreaterThanOrEqual(
      Math.floor(Date.now() / 1000) - 5,
    );
    // ...and someone who gets back in anyway (an old token, a race) is taken out again.
    standin.join(room, removed.user.id, 'Removed');
    const webhook = await standin.postWebhook(`${api.http.baseUrl}/webhooks/livekit`, {
      event: 'participant_joined',
      room: { name: room, sid: 'RM_x' },
      participant: { identity: removed.user.id, sid: 'PA_again', name: 'Removed' },
    });
    expect(webhook.status).toBe(200);
    for (let i = 0; i < 50 && standin.participant(room, removed.user.id); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(standin.participant(room, removed.user.id)).toBeUndefined();
    const stranger = await api.http.post(
      `/sessions/${sessionId}/participants/00000000-0000-4000-8000-000000000000/remove`,
      {},
      therapist.accessToken,
    );
    expect(stranger.status).toBe(404);
    const noTrack = await api.http.post(
      `/sessions/${sessionId}/participants/${loud.user.id}/mute`,
      { trackSid: 'TR_missing' },
      therapist.accessToken,
    );
    expect(noTrack.status).toBe(404);

    const ended = await api.http.post(`/sessions/${sessionId}/end`, {}, therapist.accessToken);
    expect(ended.status).toBe(200);
    expect(standin.rooms.has(room)).toBe(false);
    expect((await api.http.get(`/sessions/${sessionId}`, therapist.accessToken)).body.status).toBe(
      'ended',
    );
    expect((await join(sessionId, loud)).status).toBe(409);
  });

  it('moves and removes room jobs when a session is rescheduled or cancelled', async () => {
    const queue = api.app.get<Queue>(getQueueToken('rooms'));
    const { sessions } = await groupStartingIn(60);
    const [first, second] = sessions;
    expect(await queue.getJobState(`open-room-${first.id}`)).toBe('delayed');

    await api.http.post(`/sessions/${second.id}/cancel`, {}, therapist.accessToken);
    expect(await queue.getJob(`open-room-${second.id}`)).toBeUndefined();
    expect(await queue.getJob(`close-room-${second.id}`)).toBeUndefined();

    const soon = new Date(Date.now() + 5 * 60_000).toISOString();
    await api.http.patch(`/sessions/${first.id}`, { startsAt: soon }, therapist.accessToken);
    await eventually(() => standin.rooms.get(`session-${first.id}`));
    expect(await queue.getJobState(`close-room-${first.id}`)).toBe('delayed');
  });

  it('answers 503 video_unavailable when LiveKit is not configured', async () => {
    const { groupId, sessions } = await groupStartingIn(5);
    const person = await member(groupId, 'NoVideo');
    const noVideo = await startApi(
      env.configWith({
        LIVEKIT_URL: '',
        LIVEKIT_API_KEY: '',
        LIVEKIT_API_SECRET: '',
        LIVEKIT_PUBLIC_URL: '',
        MIGRATIONS_RUN: 'false',
      }),
    );
    try {
      const response = await noVideo.http.post(
        `/sessions/${sessions[0].id}/join`,
        {},
        person.accessToken,
      );
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('video_unavailable');
    } finally {
      await noVideo.close();
    }
  });
});
