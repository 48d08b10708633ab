import pg from 'pg';
import { TokenVerifier } from 'livekit-server-sdk';
import {
  markEmailVerified,
  registerUser,
  type RunningApi,
  type TestEnvironment,
} from './support/hearth.js';
import { joinOrganization } from './support/members.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  distantGroup,
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import type { LiveKitGateway } from './support/livekit.js';
import { OpenApiContract, type OpenApiDocument } from './support/openapi-contract.js';
import { RtcParticipant } from './support/rtc-participant.js';

/**
 * Issue 14, item 6: a private side room during a session (one facilitator, one member who is
 * invited and accepts) on the real LiveKit server with real clients, and the incident record.
 */
describe('Side rooms and incidents (e2e, real LiveKit)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let api: RunningApi;
  let livekit: LiveKitGateway;
  let db: pg.Client;
  let contract: OpenApiContract;
  let therapist: TestUser;
  let ana: TestUser;
  let bo: TestUser;
  let orgId: string;
  let versionId: string;
  let sessionId: string;
  let groupId: string;
  const clients: RtcParticipant[] = [];

  beforeAll(async () => {
    deployment = await startDeployment('side_rooms', { worker: false });
    ({ env, api, livekit } = deployment);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    const docs = await fetch(api.http.baseUrl.replace('/api/v1', '/api/docs-json'));
    contract = new OpenApiContract((await docs.json()) as OpenApiDocument);
    therapist = await registerUser(api.http, 'Tamsin');
    ({ orgId, versionId } = await organizationWithCurriculum(api.http, therapist, 'Side clinic'));
    const group = await groupStartingIn(api.http, therapist, orgId, versionId, 5);
    groupId = group.groupId;
    sessionId = group.sessions[0].id;
    ana = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'Anaquill');
    bo = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'Boreed');
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.leave()));
  });

  afterAll(async () => {
    await db?.end();
    await deployment?.close();
  });

  async function connect(token: string): Promise<RtcParticipant> {
    const client = await RtcParticipant.join(livekit.wsUrl, token);
    clients.push(client);
    return client;
  }

  const verify = (token: string) =>
    new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(token);
  const open = (user: TestUser, userId: string, session = sessionId) =>
    api.http.post(`/sessions/${session}/side-rooms`, { userId }, user.accessToken);
  const join = (user: TestUser, id: string) =>
    api.http.post(`/side-rooms/${id}/join`, {}, user.accessToken);
  const auditOf = async (resourceId: string) =>
    (
      await db.query<{ action: string; resource_type: string; actor_id: string; subject: string }>(
        `SELECT action, resource_type, actor_id, subject_user_id AS subject FROM audit_log
         WHERE resource_id = $1 ORDER BY at, id`,
        [resourceId],
      )
    ).rows;

  it('lets the facilitator open a private room, and the member in only once they accept', async () => {
    const opened = await open(therapist, ana.user.id);
    expect(opened.status).toBe(200);
    expect(contract.problems('POST', '/sessions/{sessionId}/side-rooms', opened)).toEqual([]);
    const { sideRoomId, roomName, token, serverUrl } = opened.body;
    expect(roomName).toBe(`side-${sideRoomId}`);
    expect(serverUrl).toBe(livekit.wsUrl);
    const facilitatorClaims = await verify(token);
    expect(facilitatorClaims.sub).toBe(therapist.user.id);
    expect(facilitatorClaims.video).toMatchObject({ room: roomName, roomJoin: true });
    // The room exists on the real server, for two.
    expect((await livekit.room(roomName))?.maxParticipants).toBe(2);
    const facilitator = await connect(token);

    // Invited, not pulled in: a notification without names, an invitation to answer.
    const notices = (await api.http.get('/me/notifications', ana.accessToken)).body.items;
    const invitation = notices.find((n: { kind: string }) => n.kind === 'side_room_invitation');
    expect(invitation).toMatchObject({
      title: 'Your facilitator invites you to a private conversation',
      sessionId,
    });
    expect(JSON.stringify(invitation)).not.toMatch(/tamsin|anaquill/i);
    const mine = await api.http.get('/me/side-rooms', ana.accessToken);
    expect(contract.problems('GET', '/me/side-rooms', mine)).toEqual([]);
    expect(mine.body.items).toEqual([
      { id: sideRoomId, sessionId, createdAt: expect.any(String), joined: false },
    ]);
    expect(await livekit.participants(roomName)).toHaveLength(1);

    // Another member of the group gets nothing: no invitation, no token.
    expect((await api.http.get('/me/side-rooms', bo.accessToken)).body.items).toEqual([]);
    const refused = await join(bo, sideRoomId);
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('side_room_not_found');

    // Ana accepts: her token, for that room only.
    const accepted = await join(ana, sideRoomId);
    expect(accepted.status).toBe(200);
    expect(contract.problems('POST', '/side-rooms/{sideRoomId}/join', accepted)).toEqual([]);
    const anaClaims = await verify(accepted.body.token);
    expect(anaClaims.sub).toBe(ana.user.id);
    expect(anaClaims.video).toMatchObject({ room: roomName, roomAdmin: false });
    const member = await connect(accepted.body.token);
    await facilitator.waitFor('participantConnected', 20_000, { identity: ana.user.id });
    // Already there when she arrives: she hears the facilitator.
    await facilitator.publish('audio');
    await member.waitFor('trackSubscribed', 20_000, { identity: therapist.user.id });

    // Nothing on the video server names anyone: the room and identities are ids.
    const inRoom = await livekit.participants(roomName);
    expect(inRoom.map((p) => p.identity).sort()).toEqual([ana.user.id, therapist.user.id].sort());
    for (const text of [roomName, ...inRoom.map((p) => p.identity)]) {
      expect(text).not.toMatch(/tamsin|anaquill|@/i);
    }

    // The facilitator sees that she joined; closing ends the room for both.
    const listed = await api.http.get(`/sessions/${sessionId}/side-rooms`, therapist.accessToken);
    expect(listed.body.items[0]).toMatchObject({
      id: sideRoomId,
      userId: ana.user.id,
      displayName: 'Anaquill',
      status: 'joined',
    });
    const closed = await api.http.post(
      `/side-rooms/${sideRoomId}/close`,
      {},
      therapist.accessToken,
    );
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    await member.waitFor('disconnected', 20_000);
    expect(await livekit.room(roomName)).toBeUndefined();
    expect((await join(ana, sideRoomId)).status).toBe(409);
    expect((await api.http.get('/me/side-rooms', ana.accessToken)).body.items).toEqual([]);

    expect(
      (await auditOf(sideRoomId)).map((r) => [r.action, r.resource_type, r.actor_id, r.subject]),
    ).toEqual([
      ['create', 'side_room', therapist.user.id, ana.user.id],
      ['update', 'side_room_join', ana.user.id, ana.user.id],
      ['update', 'side_room_close', therapist.user.id, ana.user.id],
    ]);
  }, 90_000);

  it('lets the member say not now, which closes the room', async () => {
    const opened = await open(therapist, bo.user.id);
    expect(opened.status).toBe(200);
    const { sideRoomId, roomName } = opened.body;
    // Opening again finds the same room.
    expect((await open(therapist, bo.user.id)).body.sideRoomId).toBe(sideRoomId);
    expect((await join(ana, sideRoomId)).status).toBe(404);
    const declined = await api.http.post(`/side-rooms/${sideRoomId}/decline`, {}, bo.accessToken);
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    expect(await livekit.room(roomName)).toBeUndefined();
    expect((await join(bo, sideRoomId)).status).toBe(409);
  });

  it('opens one room when two opens race: both answers are 200 with the same room, or a 409, never a 500', async () => {
    const [a, b] = await Promise.all([open(therapist, ana.user.id), open(therapist, ana.user.id)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.sideRoomId).toBe(b.body.sideRoomId);
    const id = a.body.sideRoomId as string;
    // One invitation, one creation on the record.
    expect((await auditOf(id)).filter((r) => r.resource_type === 'side_room')).toHaveLength(1);

    // Two facilitators at once: one gets the room, the other a 409, nobody a 500.
    await api.http.post(`/side-rooms/${id}/close`, {}, therapist.accessToken);
    const cofacilitator = await registerUser(api.http, 'Cofa');
    await markEmailVerified(env, cofacilitator.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, cofacilitator, 'therapist');
    // No route adds a co-facilitator to a running group; the row is what the policy reads.
    await db.query(
      `INSERT INTO group_co_facilitators (group_id, user_id)
       SELECT s.group_id, $2 FROM sessions s WHERE s.id = $1`,
      [sessionId, cofacilitator.user.id],
    );
    const race = await Promise.all([
      open(therapist, ana.user.id),
      open(cofacilitator, ana.user.id),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.status === 409)!.body.code).toBe('side_room_open');
    const winner = race.find((r) => r.status === 200)!;
    await api.http.post(`/side-rooms/${winner.body.sideRoomId}/close`, {}, therapist.accessToken);
  });

  it('lets nobody decline after joining (409), and deletes the video room on every close', async () => {
    const opened = await open(therapist, ana.user.id);
    const { sideRoomId, roomName } = opened.body;
    expect((await join(ana, sideRoomId)).status).toBe(200);
    const declined = await api.http.post(`/side-rooms/${sideRoomId}/decline`, {}, ana.accessToken);
    expect(declined.status).toBe(409);
    expect(declined.body.code).toBe('illegal_side_room_transition');

    // The facilitator coming back in is on the record too.
    expect((await join(therapist, sideRoomId)).status).toBe(200);
    expect((await auditOf(sideRoomId)).map((r) => [r.resource_type, r.actor_id]).slice(-2)).toEqual(
      [
        ['side_room_join', ana.user.id],
        ['side_room_join', therapist.user.id],
      ],
    );

    const close = () => api.http.post(`/side-rooms/${sideRoomId}/close`, {}, therapist.accessToken);
    // The video server fails the delete: the row is closed, the room still runs...
    livekit.failures.set('DeleteRoom', 1);
    expect((await close()).status).not.toBe(200);
    expect(await livekit.room(roomName)).toBeDefined();
    expect((await join(ana, sideRoomId)).status).toBe(409);
    // ...and the retried close deletes it.
    const again = await close();
    expect([again.status, again.body.status]).toEqual([200, 'closed']);
    expect(await livekit.room(roomName)).toBeUndefined();
    expect(
      (await auditOf(sideRoomId)).filter((r) => r.resource_type === 'side_room_close'),
    ).toHaveLength(1);
    const late = await api.http.post(`/side-rooms/${sideRoomId}/decline`, {}, ana.accessToken);
    expect(late.status).toBe(409);
  });

  it('closes the room and takes the invitation back when the video server cannot make it', async () => {
    const dara = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'Dara');
    livekit.failures.set('CreateRoom', 1);
    const failed = await open(therapist, dara.user.id);
    expect(failed.status).toBe(503);
    const [row] = (
      await db.query<{ id: string; closed_at: Date | null }>(
        `SELECT id, closed_at FROM side_rooms WHERE session_id = $1 AND user_id = $2
         ORDER BY created_at DESC LIMIT 1`,
        [sessionId, dara.user.id],
      )
    ).rows;
    expect(row.closed_at).not.toBeNull();
    expect((await auditOf(row.id)).map((r) => [r.action, r.resource_type, r.actor_id])).toEqual([
      ['create', 'side_room', therapist.user.id],
      ['update', 'side_room_close', therapist.user.id],
    ]);
    const notices = (await api.http.get('/me/notifications', dara.accessToken)).body.items;
    expect(notices.filter((n: { kind: string }) => n.kind === 'side_room_invitation')).toEqual([]);
    expect((await api.http.get('/me/side-rooms', dara.accessToken)).body.items).toEqual([]);
  });

  it('shows facilitators the legal name beside the alias, and audits the listing', async () => {
    await db.query(`UPDATE users SET legal_name = 'Ana Quill' WHERE id = $1`, [ana.user.id]);
    const listed = await api.http.get(`/sessions/${sessionId}/side-rooms`, therapist.accessToken);
    expect(listed.status).toBe(200);
    expect(contract.problems('GET', '/sessions/{sessionId}/side-rooms', listed)).toEqual([]);
    expect(
      listed.body.items.find((r: { userId: string }) => r.userId === ana.user.id),
    ).toMatchObject({
      displayName: 'Anaquill',
      legalName: 'Ana Quill',
    });
    const reads = (await auditOf(sessionId)).filter((r) => r.resource_type === 'side_rooms');
    expect(reads.at(-1)).toMatchObject({ action: 'read', actor_id: therapist.user.id });
    expect(reads.map((r) => r.subject)).toContain(ana.user.id);
    await db.query(`UPDATE users SET legal_name = NULL WHERE id = $1`, [ana.user.id]);
  });

  it('refuses participants (403), other organizations (404), non-members (404) and closed sessions (409)', async () => {
    const byMember = await open(ana, bo.user.id);
    expect(byMember.status).toBe(403);
    expect((await api.http.get(`/sessions/${sessionId}/side-rooms`, ana.accessToken)).status).toBe(
      403,
    );

    const outsider = await registerUser(api.http, 'Outsider');
    await organizationWithCurriculum(api.http, outsider, 'Other clinic');
    expect((await open(outsider, ana.user.id)).status).toBe(404);

    const stranger = await registerUser(api.http, 'Stranger');
    const notMember = await open(therapist, stranger.user.id);
    expect(notMember.status).toBe(404);
    expect(notMember.body.code).toBe('member_not_found');

    const { sessions } = await distantGroup(api.http, therapist, orgId, versionId);
    const later = await open(therapist, ana.user.id, sessions[0].id);
    expect(later.status).toBe(409);

    // A closed room and a stranger's attempt look the same from outside the organization.
    const opened = await open(therapist, ana.user.id);
    expect((await join(outsider, opened.body.sideRoomId)).status).toBe(404);
    expect(
      (await api.http.post(`/side-rooms/${opened.body.sideRoomId}/close`, {}, ana.accessToken))
        .status,
    ).toBe(404);
    await api.http.post(`/side-rooms/${opened.body.sideRoomId}/close`, {}, therapist.accessToken);
  });

  it('answers bad input with a 400 that names the field', async () => {
    const bad = await open(therapist, 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('userId');
    expect((await api.http.post('/side-rooms/nope/join', {}, ana.accessToken)).status).toBe(400);
  });

  describe('Incidents', () => {
    const incidents = (session = sessionId) => `/sessions/${session}/incidents`;

    it('records incidents append-only, for facilitators only, every read and write audited', async () => {
      const first = await api.http.post(
        incidents(),
        {
          userId: ana.user.id,
          kind: 'safety',
          description: 'Said she had thought about ending her life this week.',
          actionsTaken: 'Private room; safety plan; crisis line given.',
        },
        therapist.accessToken,
      );
      expect(first.status).toBe(201);
      expect(contract.problems('POST', '/sessions/{sessionId}/incidents', first)).toEqual([]);
      expect(first.body).toMatchObject({
        userId: ana.user.id,
        displayName: 'Anaquill',
        kind: 'safety',
        reportedById: therapist.user.id,
        correctsId: null,
      });
      const correction = await api.http.post(
        incidents(),
        {
          userId: ana.user.id,
          kind: 'safety',
          description: 'Correction: this week, not today.',
          actionsTaken: '',
          correctsId: first.body.id,
        },
        therapist.accessToken,
      );
      expect(correction.status).toBe(201);
      const general = await api.http.post(
        incidents(),
        { kind: 'technical', description: '  Audio dropped for ten minutes.\n', actionsTaken: ' ' },
        therapist.accessToken,
      );
      expect(general.body).toMatchObject({
        userId: null,
        description: 'Audio dropped for ten minutes.',
        actionsTaken: '',
      });

      const list = await api.http.get(incidents(), therapist.accessToken);
      expect(list.status).toBe(200);
      expect(contract.problems('GET', '/sessions/{sessionId}/incidents', list)).toEqual([]);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([
        first.body.id,
        correction.body.id,
        general.body.id,
      ]);
      expect(list.body.items[1].correctsId).toBe(first.body.id);

      // No edit route, and the database refuses one.
      expect(
        (await api.http.patch(`${incidents()}/${first.body.id}`, {}, therapist.accessToken)).status,
      ).toBe(404);
      await expect(
        db.query(`UPDATE incidents SET description = 'rewritten' WHERE id = $1`, [first.body.id]),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.query(`DELETE FROM incidents WHERE id = $1`, [first.body.id]),
      ).rejects.toThrow(/append-only: DELETE refused/);

      expect(
        (await auditOf(first.body.id)).map((r) => [r.action, r.resource_type, r.subject]),
      ).toEqual([['create', 'incident', ana.user.id]]);
      expect(
        (await auditOf(general.body.id)).map((r) => [r.action, r.resource_type, r.subject]),
      ).toEqual([['create', 'incident', null]]);
      expect(
        (await auditOf(sessionId))
          .filter((r) => r.resource_type === 'incidents')
          .map((r) => [r.action, r.actor_id, r.subject]),
      ).toEqual([['read', therapist.user.id, ana.user.id]]);
    });

    it('refuses participants (403) and other organizations (404), bad input 400', async () => {
      const body = { kind: 'conduct', description: 'Shouted.', actionsTaken: 'Talked after.' };
      expect((await api.http.post(incidents(), body, ana.accessToken)).status).toBe(403);
      expect((await api.http.get(incidents(), bo.accessToken)).status).toBe(403);
      const outsider = await registerUser(api.http, 'Outsider2');
      expect((await api.http.get(incidents(), outsider.accessToken)).status).toBe(404);
      expect((await api.http.post(incidents(), body, outsider.accessToken)).status).toBe(404);

      for (const [field, bad] of [
        ['kind', { ...body, kind: 'gossip' }],
        ['description', { ...body, description: '' }],
        ['description', { ...body, description: ' \n\t ' }],
        ['description', { kind: 'other', actionsTaken: '' }],
        ['userId', { ...body, userId: 'ana' }],
        ['actionsTaken', { ...body, actionsTaken: 'x'.repeat(8001) }],
        ['correctsId', { ...body, correctsId: 42 }],
      ] as const) {
        const answer = await api.http.post(incidents(), bad, therapist.accessToken);
        expect([field, answer.status]).toEqual([field, 400]);
        expect(JSON.stringify(answer.body)).toContain(field);
      }
      const stranger = await registerUser(api.http, 'Stranger2');
      const aboutStranger = await api.http.post(
        incidents(),
        { ...body, userId: stranger.user.id },
        therapist.accessToken,
      );
      expect(aboutStranger.status).toBe(404);
    });

    it("puts incidents and side rooms in the person's export, and nobody else's", async () => {
      const anaExport = (await api.http.get('/me/export', ana.accessToken)).body.sections.clinical;
      expect(anaExport.incidents.map((i: { kind: string }) => i.kind)).toEqual([
        'safety',
        'safety',
      ]);
      expect(JSON.stringify(anaExport.incidents)).not.toContain('Audio dropped');
      expect(anaExport.sideRooms.length).toBeGreaterThanOrEqual(1);
      const boExport = (await api.http.get('/me/export', bo.accessToken)).body.sections.clinical;
      expect(boExport.incidents).toEqual([]);
      expect(boExport.sideRooms).toEqual([
        expect.objectContaining({ declinedAt: expect.any(String) }),
      ]);
    });

    it("lets only the retention purge delete an incident about an erased person, and keeps another person's correction of it", async () => {
      const cleo = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'Cleo');
      const about = await api.http.post(
        incidents(),
        { userId: cleo.user.id, kind: 'conduct', description: 'Left upset.', actionsTaken: '' },
        therapist.accessToken,
      );
      const correction = await api.http.post(
        incidents(),
        {
          userId: bo.user.id,
          kind: 'conduct',
          description: 'It was Boreed who left upset, not Cleo.',
          actionsTaken: '',
          correctsId: about.body.id,
        },
        therapist.accessToken,
      );
      expect(correction.status).toBe(201);
      const erase = (daysAgo: number) =>
        db.query(
          `UPDATE users SET email = NULL, password_hash = NULL,
             erased_at = now() - make_interval(days => $2) WHERE id = $1`,
          [cleo.user.id, daysAgo],
        );
      const purge = () => db.query(`DELETE FROM incidents WHERE id = $1`, [about.body.id]);
      // Erased, but the organization's retention (7 years by default) still runs.
      await erase(1);
      await expect(purge()).rejects.toThrow(/append-only: DELETE refused/);
      await erase(2558);
      await purge();
      const kept = await db.query(`SELECT corrects_id, description FROM incidents WHERE id = $1`, [
        correction.body.id,
      ]);
      expect(kept.rows).toEqual([
        { corrects_id: null, description: 'It was Boreed who left upset, not Cleo.' },
      ]);
      // Setting the reference to null is the one update allowed, and only for a purged incident.
      await expect(
        db.query(`UPDATE incidents SET corrects_id = NULL WHERE corrects_id IS NOT NULL`),
      ).rejects.toThrow(/append-only: UPDATE refused/);
    });
  });
});
