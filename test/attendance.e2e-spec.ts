import { createServer, type Server } from 'node:http';
import { buffer } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import pg from 'pg';
import { AttendanceService } from '../libs/attendance/src/attendance.service.js';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { registerUser, type RunningApi, type TestEnvironment } from './support/hearth.js';
import type { LiveKitGateway } from './support/livekit.js';
import { listenOnLoopback } from './support/ports.js';
import { RtcParticipant } from './support/rtc-participant.js';
import { eventually } from './support/wait.js';
import { participantEvent, postWebhook, relayWebhook, roomEvent } from './support/webhooks.js';

/** A webhook of the real server as it passed the tap, and what became of it. */
interface TappedWebhook {
  id: string;
  event: string;
  room: string;
  identity?: string;
  sid?: string;
  /** The server's `createdAt`, whole seconds. */
  at: Date;
  /** Why the participant went, as the server says (`DUPLICATE_IDENTITY`, `ROOM_DELETED`...). */
  reason?: string;
  lost: boolean;
  answer?: { status: number; body: unknown };
}

/**
 * Sits between the run's webhook router and this file's api: it hands on every webhook the real
 * server sends, untouched (the raw bytes, the server's signature, in the server's order), and
 * keeps what it saw. A test can make it lose a webhook, or lose the api's answer to one: the two
 * faults of delivery the real server cannot be made to produce on demand.
 */
class WebhookTap {
  readonly seen: TappedWebhook[] = [];
  /** Webhooks that never reach the api (the server is told 200, as if they had). */
  lose: (webhook: TappedWebhook) => boolean = () => false;
  /** Webhooks the api receives whose answer is lost: the server is told 503, and retries. */
  loseAnswer: (webhook: TappedWebhook) => boolean = () => false;
  private readonly answerLost = new Set<string>();
  private http?: Server;
  url = '';

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    this.http = createServer((request, response) => {
      void (async () => {
        const body = await buffer(request);
        const event = JSON.parse(body.toString('utf8')) as {
          id: string;
          event: string;
          createdAt: string;
          room?: { name?: string };
          participant?: { identity?: string; sid?: string; disconnectReason?: string };
        };
        const webhook: TappedWebhook = {
          id: event.id,
          event: event.event,
          room: event.room?.name ?? '',
          identity: event.participant?.identity,
          sid: event.participant?.sid,
          at: new Date(Number(event.createdAt) * 1000),
          reason: event.participant?.disconnectReason,
          lost: false,
        };
        this.seen.push(webhook);
        if (this.lose(webhook)) {
          webhook.lost = true;
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        const answer = await relayWebhook(this.target, request.headers, body);
        // The api has closed (the file is over): its rooms' last webhooks have nobody to tell.
        if (!answer) {
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        const text = await answer.text();
        webhook.answer = { status: answer.status, body: JSON.parse(text || 'null') };
        if (this.loseAnswer(webhook) && !this.answerLost.has(webhook.id)) {
          this.answerLost.add(webhook.id);
          response.writeHead(503, { 'content-type': 'application/json' }).end('{}');
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
      })().catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    this.url = await listenOnLoopback(this.http);
    return this;
  }

  /** The webhooks of one kind the server sent for a room (and participant sid). */
  find(room: string, event: string, sid?: string): TappedWebhook[] {
    return this.seen.filter(
      (w) => w.room === room && w.event === event && (sid === undefined || w.sid === sid),
    );
  }

  /** Waits for the server to send such a webhook and for the api to answer it (or not). */
  async next(room: string, event: string, sid?: string): Promise<TappedWebhook> {
    return eventually(() => this.find(room, event, sid).find((w) => w.lost || w.answer), 30_000);
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }
}

/** The union of connections, as the report lists a person's intervals. */
function union(connections: [Date, Date][]) {
  const merged: { from: number; to: number }[] = [];
  for (const [from, to] of [...connections].sort((a, b) => a[0].getTime() - b[0].getTime())) {
    const last = merged.at(-1);
    if (last && from.getTime() <= last.to) last.to = Math.max(last.to, to.getTime());
    else merged.push({ from: from.getTime(), to: to.getTime() });
  }
  return {
    intervals: merged.map(({ from, to }) => ({
      joinedAt: new Date(from).toISOString(),
      leftAt: new Date(to).toISOString(),
    })),
    minutes:
      Math.round((merged.reduce((sum, { from, to }) => sum + to - from, 0) / 60_000) * 100) / 100,
  };
}

describe('Attendance from LiveKit webhooks (e2e, real server and clients)', () => {
  let deployment: Deployment;
  let env: TestEnvironment;
  let api: RunningApi;
  let livekit: LiveKitGateway;
  let tap: WebhookTap;
  let db: pg.Client;
  let owner: TestUser;
  let orgId: string;
  let versionId: string;
  let webhookUrl: string;
  const clients: RtcParticipant[] = [];

  beforeAll(async () => {
    deployment = await startDeployment('attendance');
    ({ env, api, livekit } = deployment);
    webhookUrl = livekit.webhookUrl;
    // Every room of this file is made after this, so the router sends its webhooks to the tap.
    tap = await new WebhookTap(webhookUrl).start();
    livekit.webhookUrl = tap.url;
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    owner = await registerUser(api.http, 'lead');
    ({ orgId, versionId } = await organizationWithCurriculum(api.http, owner, 'Attendance clinic'));
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.leave()));
    tap.lose = () => false;
    tap.loseAnswer = () => false;
  });

  afterAll(async () => {
    await db?.end();
    await deployment?.close();
    await tap?.close();
  });

  /** Posts a webhook we signed ourselves, straight to the api (not one the server sent). */
  const send = (event: Record<string, unknown>) =>
    postWebhook(webhookUrl, event, { key: livekit.apiKey, secret: livekit.apiSecret });
  const eventCount = async () =>
    Number((await db.query('SELECT count(*) FROM attendance_events')).rows[0].count);
  const allProcessed = () =>
    eventually(
      async () =>
        Number(
          (await db.query('SELECT count(*) FROM attendance_events WHERE processed_at IS NULL'))
            .rows[0].count,
        ) === 0,
      20_000,
    );
  const roomOf = (sessionId: string) => `session-${sessionId}`;
  const sessionStatus = async (sessionId: string) =>
    (await api.http.get(`/sessions/${sessionId}`, owner.accessToken)).body.status as string;

  /** A 60-minute weekly group whose first session ran in January (all its times are known). */
  async function pastGroup() {
    const group = await api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Past group',
        curriculumVersionId: versionId,
        timezone: 'UTC',
        firstSessionDate: '2026-01-06',
        startTime: '18:00',
        durationMinutes: 60,
        capacity: 10,
        lobbyEnabled: false,
      },
      owner.accessToken,
    );
    const sessions = (await api.http.get(`/groups/${group.body.id}/sessions`, owner.accessToken))
      .body.items;
    return {
      groupId: group.body.id as string,
      sessions: sessions as { id: string; startsAt: string }[],
    };
  }

  /**
   * A 60-minute weekly group whose first session began a minute or two ago, its room open on the
   * real server: people join it for real, and each second they stay counts.
   */
  async function runningGroup() {
    const group = await groupStartingIn(api.http, owner, orgId, versionId, -1, {
      durationMinutes: 60,
      capacity: 10,
    });
    // The worker opens the session once it has made the room.
    await eventually(async () => (await sessionStatus(group.sessions[0].id)) === 'open', 30_000);
    return {
      groupId: group.groupId,
      sessions: group.sessions as unknown as { id: string; startsAt: string }[],
    };
  }

  /** Joins through Hearth (POST /sessions/:id/join) and connects a real client with the token. */
  async function connect(sessionId: string, user: TestUser): Promise<RtcParticipant> {
    const answer = await api.http.post(`/sessions/${sessionId}/join`, {}, user.accessToken);
    expect(answer.status).toBe(200);
    const client = await RtcParticipant.join(answer.body.serverUrl, answer.body.token);
    clients.push(client);
    return client;
  }

  const minute = (session: { startsAt: string }, m: number) =>
    new Date(Date.parse(session.startsAt) + m * 60_000);
  const report = async (sessionId: string) =>
    (await api.http.get(`/sessions/${sessionId}/attendance`, owner.accessToken)).body.items as {
      userId: string;
      status: string;
      computedStatus: string;
      minutesPresent: number;
      firstJoinedAt: string | null;
      lastLeftAt: string | null;
      intervals: unknown[];
      role: string;
      override: unknown;
    }[];
  const rowOf = async (sessionId: string, user: TestUser) =>
    (await report(sessionId)).find((r) => r.userId === user.user.id)!;

  // Our receiver against inputs the real server never sends (forged, unsigned, absurd): these
  // webhooks are signed, or mis-signed, by the test itself.
  it('refuses forged, wrongly keyed, tampered and unsigned webhooks with 401 and stores nothing', async () => {
    const [key, secret] = [livekit.apiKey, livekit.apiSecret];
    const before = await eventCount();
    const event = roomEvent('room_started', '00000000-0000-4000-8000-000000000000', new Date());
    const attempts = [
      postWebhook(webhookUrl, event, { key, secret: 'not-the-secret-but-32-characters-long' }),
      postWebhook(webhookUrl, event, { key: 'other-key', secret }),
      postWebhook(webhookUrl, event, {
        key,
        secret,
        tamper: (b) => b.replace('room_started', 'room_finished'),
      }),
      postWebhook(webhookUrl, event, { key, secret, unsigned: true }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe('invalid_signature');
    }
    expect(await eventCount()).toBe(before);
  });

  it('answers 400 to a signed event with an impossible time or field, stores nothing and keeps attendance right', async () => {
    const { groupId, sessions } = await pastGroup();
    const s = sessions[2];
    const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'absurd');
    const join = participantEvent(
      'participant_joined',
      s.id,
      person.user.id,
      'PA_x0',
      minute(s, 0),
    );
    const before = await eventCount();
    const absurd: Record<string, unknown>[] = [
      // Beyond int64, beyond Number, negative, before LiveKit existed, past year 275760.
      ...[1e20, '1e20', '99999999999999999999999', '9223372036854775807', -1, '-1', '0']
        .concat(['8640000000001', String(Date.UTC(275760, 8, 14) / 1000)])
        .map((createdAt) => ({ ...join, createdAt })),
      { ...join, createdAt: String(Math.floor(Date.now() / 1000) + 7 * 24 * 3600) },
      // Text PostgreSQL cannot store or index.
      { ...join, participant: { identity: `${person.user.id}\u0000`, sid: 'PA_x0' } },
      { ...join, id: `EV_${'x'.repeat(5000)}` },
      { ...join, participant: { identity: person.user.id, sid: 'PA_'.padEnd(5000, 'y') } },
    ];
    for (const event of absurd) {
      const response = await send(event);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('invalid_webhook');
    }
    expect(await eventCount()).toBe(before);

    // The refused joins opened nothing: their leave counts no time, only the valid 19 minutes do.
    const at = (m: number, event: 'participant_joined' | 'participant_left', sid: string) =>
      send(participantEvent(event, s.id, person.user.id, sid, minute(s, m)));
    await at(30, 'participant_left', 'PA_x0');
    await at(40, 'participant_joined', 'PA_x1');
    await at(59, 'participant_left', 'PA_x1');
    await allProcessed();
    const row = await rowOf(s.id, person);
    expect(row).toMatchObject({ minutesPresent: 19, status: 'partial' });
  });

  it('stores a webhook the server delivers twice once, and answers the repeat 200', async () => {
    // The server repeats a webhook when it believes the delivery failed; here the api's answer
    // to the room's room_started is lost on its way back, so the server sends it again.
    // (Set before the group exists: the worker may make its room before the api has answered.)
    tap.loseAnswer = (w) => w.event === 'room_started';
    const { sessions } = await groupStartingIn(api.http, owner, orgId, versionId, 10);
    const room = roomOf(sessions[0].id);
    const deliveries = await eventually(() => {
      const sent = tap.find(room, 'room_started');
      return sent.length >= 2 && sent.every((w) => w.answer) ? sent : undefined;
    }, 30_000);
    expect(deliveries[1].id).toBe(deliveries[0].id);
    expect(deliveries.map((w) => w.answer)).toEqual([
      { status: 200, body: { received: true, duplicate: false } },
      { status: 200, body: { received: true, duplicate: true } },
    ]);
    const stored = await db.query('SELECT count(*) FROM attendance_events WHERE id = $1', [
      deliveries[0].id,
    ]);
    expect(Number(stored.rows[0].count)).toBe(1);
  }, 40_000);

  it('merges a lost connection and its rejoin into one attendance row, and the session goes live on the first join', async () => {
    const { groupId, sessions } = await runningGroup();
    const [s] = sessions;
    const room = roomOf(s.id);
    const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'merged');
    // The server announces the room when it is made, long before anyone comes: not live yet.
    await tap.next(room, 'room_started');
    await allProcessed();
    expect(await sessionStatus(s.id)).toBe('open');

    const first = await connect(s.id, person);
    await tap.next(room, 'participant_joined', first.sid);
    await eventually(async () => (await sessionStatus(s.id)) === 'live');
    // Each connection stays a second, so that both show in the minutes: the server stamps its
    // webhooks in whole seconds, and a second later is always a later stamp. (This is the media
    // server's time, not Hearth's: no clock of ours can stand in for it.)
    await sleep(1_000);
    // The phone loses its connection and comes straight back with a fresh join: the server
    // replaces the connection it still holds, so the old one leaves now, not 20 s later.
    await first.kill();
    const second = await connect(s.id, person);
    const replaced = await tap.next(room, 'participant_left', first.sid);
    expect(replaced.reason).toBe('DUPLICATE_IDENTITY');
    await tap.next(room, 'participant_joined', second.sid);
    await sleep(1_000);
    await second.leave();
    await tap.next(room, 'participant_left', second.sid);
    await allProcessed();

    const connections = [first, second].map(
      (client) =>
        [
          tap.find(room, 'participant_joined', client.sid)[0].at,
          tap.find(room, 'participant_left', client.sid)[0].at,
        ] as [Date, Date],
    );
    const expected = union(connections);
    const rows = (await report(s.id)).filter((r) => r.userId === person.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'partial',
      minutesPresent: expected.minutes,
      intervals: expected.intervals,
      firstJoinedAt: connections[0][0].toISOString(),
      lastLeftAt: connections[1][1].toISOString(),
    });
    // Both connections count: more than the second alone.
    expect(expected.minutes * 60_000).toBeGreaterThan(
      connections[1][1].getTime() - connections[1][0].getTime(),
    );
    expect(await rowOf(s.id, owner)).toMatchObject({ role: 'facilitator', status: 'absent' });
    expect(await sessionStatus(s.id)).toBe('live');
  }, 40_000);

  it('gives the same for a leave delivered before its join, and never counts an aborted connection', async () => {
    // Deliveries the real server does not make on demand (it sends each room's events in order,
    // and aborts only a connection whose media never came up), so these are signed by the test.
    const { groupId, sessions } = await pastGroup();
    const [s] = sessions;
    const reversed = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'reversed');
    const aborted = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'aborted');
    const partial = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'partial');

    for (const event of [
      participantEvent('participant_left', s.id, reversed.user.id, 'PA_r1', minute(s, 55)),
      participantEvent('participant_joined', s.id, reversed.user.id, 'PA_r1', minute(s, 5)),
      participantEvent('participant_joined', s.id, aborted.user.id, 'PA_a1', minute(s, 2)),
      participantEvent(
        'participant_connection_aborted',
        s.id,
        aborted.user.id,
        'PA_a1',
        minute(s, 3),
      ),
      participantEvent('participant_joined', s.id, partial.user.id, 'PA_p1', minute(s, 10)),
      participantEvent('participant_left', s.id, partial.user.id, 'PA_p1', minute(s, 40)),
    ]) {
      expect((await send(event)).status).toBe(200);
    }
    await allProcessed();
    expect(await rowOf(s.id, reversed)).toMatchObject({ minutesPresent: 50, status: 'present' });
    expect(await rowOf(s.id, aborted)).toMatchObject({ minutesPresent: 0, status: 'absent' });
    expect(await rowOf(s.id, partial)).toMatchObject({ minutesPresent: 30, status: 'partial' });
  });

  it("counts a member's time in a side room with a facilitator as present, and keeps those events with the session", async () => {
    const { groupId, sessions } = await pastGroup();
    const [s] = sessions;
    const member = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'aside');
    const [{ id: sideRoomId }] = (
      await db.query<{ id: string }>(
        `INSERT INTO side_rooms (session_id, facilitator_id, user_id, created_at, joined_at, closed_at)
         VALUES ($1, $2, $3, $4, $4, $5) RETURNING id`,
        [s.id, owner.user.id, member.user.id, minute(s, 10), minute(s, 40)],
      )
    ).rows;
    const side = (event: ReturnType<typeof participantEvent> | ReturnType<typeof roomEvent>) => ({
      ...event,
      room: { name: `side-${sideRoomId}`, sid: 'RM_side' },
    });
    for (const event of [
      participantEvent('participant_joined', s.id, member.user.id, 'PA_s1', minute(s, 0)),
      participantEvent('participant_left', s.id, member.user.id, 'PA_s1', minute(s, 10)),
      side(participantEvent('participant_joined', s.id, member.user.id, 'PA_x1', minute(s, 10))),
      side(participantEvent('participant_left', s.id, member.user.id, 'PA_x1', minute(s, 40))),
      // The side room closing does not end the session, nor close the member's connection to it.
      side(roomEvent('room_finished', s.id, minute(s, 41))),
      participantEvent('participant_joined', s.id, member.user.id, 'PA_s2', minute(s, 40)),
    ]) {
      expect((await send(event)).status).toBe(200);
    }
    await allProcessed();
    // 0-10 in the group, 10-40 in the side room, 40 to the end back in the group.
    expect(await rowOf(s.id, member)).toMatchObject({ minutesPresent: 60, status: 'present' });
    const stored = await db.query(
      `SELECT DISTINCT session_id FROM attendance_events WHERE room_name = $1`,
      [`side-${sideRoomId}`],
    );
    expect(stored.rows).toEqual([{ session_id: s.id }]);
  });

  it('closes a missing leave when the room finishes', async () => {
    const { groupId, sessions } = await runningGroup();
    const [s] = sessions;
    const room = roomOf(s.id);
    const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'noleave');
    // The server says goodbye for everyone when the room closes; a lost webhook is the only way
    // a leave goes missing, so the tap loses it.
    tap.lose = (w) => w.room === room && w.event === 'participant_left';
    const client = await connect(s.id, person);
    const joined = await tap.next(room, 'participant_joined', client.sid);
    await sleep(1_000);
    const ended = await api.http.post(`/sessions/${s.id}/end`, {}, owner.accessToken);
    expect(ended.status).toBe(200);
    expect(await client.waitFor('disconnected')).toEqual({ reason: 'ROOM_DELETED' });
    expect(await tap.next(room, 'participant_left', client.sid)).toMatchObject({ lost: true });
    const finished = await tap.next(room, 'room_finished');
    await allProcessed();
    const expected = union([[joined.at, finished.at]]);
    expect(await rowOf(s.id, person)).toMatchObject({
      intervals: expected.intervals,
      lastLeftAt: finished.at.toISOString(),
      minutesPresent: expected.minutes,
      status: 'partial',
    });
    expect(expected.minutes).toBeGreaterThan(0);
  }, 40_000);

  it('keeps a facilitator override beside the computed status and exports CSV, one row per member', async () => {
    const { groupId, sessions } = await runningGroup();
    const [s] = sessions;
    const room = roomOf(s.id);
    const there = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'csvone');
    const away = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'csvtwo');
    const client = await connect(s.id, there);
    await tap.next(room, 'participant_joined', client.sid);
    await sleep(1_000);
    await client.leave();
    await tap.next(room, 'participant_left', client.sid);
    await allProcessed();
    expect(await rowOf(s.id, there)).toMatchObject({ status: 'partial', override: null });

    const put = (user: TestUser, body: Record<string, unknown>, token = owner.accessToken) =>
      api.http.request('PUT', `/sessions/${s.id}/attendance/${user.user.id}`, { token, body });
    const excused = await put(away, { status: 'excused', reason: 'Told us in advance' });
    expect(excused.status).toBe(200);
    expect(excused.body).toMatchObject({
      status: 'excused',
      computedStatus: 'absent',
      override: {
        status: 'excused',
        reason: 'Told us in advance',
        by: owner.user.id,
        at: expect.any(String),
      },
    });
    const present = await put(there, { status: 'present', reason: 'Lost video, kept listening' });
    expect(present.body).toMatchObject({ status: 'present', computedStatus: 'partial' });
    expect((await put(away, { status: 'absent', reason: 'x' })).status).toBe(400);
    expect((await put(there, { status: 'present', reason: 'me' }, there.accessToken)).status).toBe(
      403,
    );

    // Ending the session recomputes everyone who came; the override stays beside the facts.
    expect((await api.http.post(`/sessions/${s.id}/end`, {}, owner.accessToken)).status).toBe(200);
    await tap.next(room, 'room_finished');
    await allProcessed();
    expect(await rowOf(s.id, there)).toMatchObject({
      status: 'present',
      computedStatus: 'partial',
      override: { status: 'present', reason: 'Lost video, kept listening' },
    });

    const csv = await fetch(`${api.http.baseUrl}/groups/${groupId}/attendance?format=csv`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    const first = DateTime.fromISO(s.startsAt, { zone: 'UTC' });
    const dates = Array.from(
      { length: 8 },
      (_, i) => `session ${i + 1} (${first.plus({ weeks: i }).toISODate()})`,
    );
    expect(lines[0]).toBe(`member,${dates.join(',')},attended,rate`);
    // Only the session held counts; the excused one is left out of the rate.
    expect(lines.slice(1).sort()).toEqual([
      `csvone,present${','.repeat(7)},1,1`,
      `csvtwo,excused${','.repeat(7)},0,`,
    ]);
    const matrix = (await api.http.get(`/groups/${groupId}/attendance`, owner.accessToken)).body;
    expect(matrix.members).toHaveLength(2);
  }, 40_000);

  it('repairs missed joins and leaves from LiveKit, and tells the lead about two absences in a row', async () => {
    const group = await groupStartingIn(api.http, owner, orgId, versionId, 3, {
      durationMinutes: 60,
      capacity: 10,
    });
    const groupId = group.groupId;
    let sessions = group.sessions;
    const seen = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'seen');
    const away = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'away');
    // Bring the second session forward too, so two sessions can run now.
    await api.http.patch(
      `/sessions/${sessions[1].id}`,
      { startsAt: new Date(Date.now() + 4 * 60_000).toISOString() },
      owner.accessToken,
    );
    sessions = (await api.http.get(`/groups/${groupId}/sessions`, owner.accessToken)).body.items;
    for (const s of sessions.slice(0, 2)) await eventually(() => livekit.room(roomOf(s.id)));
    const [first, second] = sessions;
    const room = roomOf(first.id);

    // The person's join and leave webhooks are lost on the way (the server cannot be made to
    // lose them); their microphone's webhooks arrive. The reconciler finds them in the room.
    tap.lose = (w) =>
      w.room === room &&
      w.identity === seen.user.id &&
      ['participant_joined', 'participant_left'].includes(w.event);
    const client = await connect(first.id, seen);
    await client.publish('audio');
    expect(await tap.next(room, 'participant_joined', client.sid)).toMatchObject({ lost: true });
    await tap.next(room, 'track_published', client.sid);
    await allProcessed();
    expect((await rowOf(first.id, seen)).intervals).toEqual([]);
    const attendance = deployment.worker!.app.get(AttendanceService);
    await attendance.reconcile(first.id, 'final');
    let row = await rowOf(first.id, seen);
    expect(row.intervals).toEqual([{ joinedAt: expect.any(String), leftAt: null }]);

    await client.leave();
    expect(await tap.next(room, 'participant_left', client.sid)).toMatchObject({ lost: true });
    await tap.next(room, 'track_unpublished', client.sid);
    await allProcessed();
    await attendance.reconcile(first.id, 'final');
    row = await rowOf(first.id, seen);
    expect(row.intervals).toEqual([{ joinedAt: expect.any(String), leftAt: expect.any(String) }]);

    // Joined before the start, so no minutes inside it: the facilitator marks it present.
    await api.http.request('PUT', `/sessions/${first.id}/attendance/${seen.user.id}`, {
      token: owner.accessToken,
      body: { status: 'present', reason: 'Joined early and stayed' },
    });
    for (const s of [first, second]) {
      expect((await api.http.post(`/sessions/${s.id}/end`, {}, owner.accessToken)).status).toBe(
        200,
      );
      await tap.next(roomOf(s.id), 'room_finished');
      await allProcessed();
    }
    const statuses = (
      await api.http.get(`/groups/${groupId}/sessions`, owner.accessToken)
    ).body.items
      .slice(0, 2)
      .map((s: { status: string }) => s.status);
    expect(statuses).toEqual(['ended', 'ended']);
    const notifications = (
      await api.http.get('/me/notifications', owner.accessToken)
    ).body.items.filter((n: { kind: string }) => n.kind === 'absence_follow_up');
    expect(notifications.map((n: { title: string }) => n.title)).toEqual([
      'away missed 2 sessions in a row',
    ]);

    // The notice names the member: erasing their account takes it out of the lead's inbox.
    const erased = await api.http.request('DELETE', '/me', {
      body: { password: away.password },
      token: away.accessToken,
    });
    expect(erased.status).toBe(202);
    const left = (await api.http.get('/me/notifications', owner.accessToken)).body.items;
    expect(left.filter((n: { kind: string }) => n.kind === 'absence_follow_up')).toEqual([]);
  }, 60_000);
});
