import pg from 'pg';
import { AttendanceService } from '../libs/attendance/src/attendance.service.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import {
  createTestEnvironment,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './support/hearth.js';
import { LiveKitStandin } from './support/livekit-standin.js';
import { eventually } from './support/wait.js';
import { participantEvent, postWebhook, roomEvent } from './support/webhooks.js';

const KEY = 'attendance-key';
const SECRET = 'an-attendance-secret-of-at-least-32-chars';

describe('Attendance from LiveKit webhooks (e2e)', () => {
  let env: TestEnvironment;
  let standin: LiveKitStandin;
  let api: RunningApi;
  let worker: RunningWorker;
  let db: pg.Client;
  let owner: TestUser;
  let orgId: string;
  let versionId: string;
  let webhookUrl: string;

  beforeAll(async () => {
    standin = await new LiveKitStandin(KEY, SECRET).start();
    env = await createTestEnvironment('attendance', {
      env: { LIVEKIT_URL: standin.url, LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET },
    });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    owner = await registerUser(api.http, 'lead');
    ({ orgId, versionId } = await organizationWithCurriculum(api.http, owner, 'Attendance clinic'));
    webhookUrl = `${api.http.baseUrl}/webhooks/livekit`;
  });

  afterAll(async () => {
    await db?.end();
    await worker?.app.close();
    await api?.close();
    await standin?.stop();
    await env?.close();
  });

  const send = (event: Record<string, unknown>) =>
    postWebhook(webhookUrl, event, { key: KEY, secret: SECRET });
  const eventCount = async () =>
    Number((await db.query('SELECT count(*) FROM attendance_events')).rows[0].count);
  const allProcessed = () =>
    eventually(
      async () =>
        Number(
          (await db.query('SELECT count(*) FROM attendance_events WHERE processed_at IS NULL'))
            .rows[0].count,
        ) === 0,
    );

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

  const minute = (session: { startsAt: string }, m: number) =>
    new Date(Date.parse(session.startsAt) + m * 60_000);
  const report = async (sessionId: string) =>
    (await api.http.get(`/sessions/${sessionId}/attendance`, owner.accessToken)).body.items as {
      userId: string;
      status: string;
      computedStatus: string;
      minutesPresent: number;
      intervals: unknown[];
      role: string;
      override: unknown;
    }[];

  it('refuses forged, wrongly keyed, tampered and unsigned webhooks with 401 and stores nothing', async () => {
    const before = await eventCount();
    const event = roomEvent('room_started', '00000000-0000-4000-8000-000000000000', new Date());
    const attempts = [
      postWebhook(webhookUrl, event, { key: KEY, secret: 'not-the-secret-but-32-characters-long' }),
      postWebhook(webhookUrl, event, { key: 'other-key', secret: SECRET }),
      postWebhook(webhookUrl, event, {
        key: KEY,
        secret: SECRET,
        tamper: (b) => b.replace('room_started', 'room_finished'),
      }),
      postWebhook(webhookUrl, event, { key: KEY, secret: SECRET, unsigned: true }),
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
    const row = (await report(s.id)).find((r) => r.userId === person.user.id)!;
    expect(row).toMatchObject({ minutesPresent: 19, status: 'partial' });
  });

  it('stores a duplicate once and answers it 200', async () => {
    const { sessions } = await pastGroup();
    const event = {
      id: 'EV_duplicate_1',
      ...roomEvent('room_started', sessions[0].id, minute(sessions[0], 0)),
    };
    const first = await send(event);
    const again = await send(event);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(
      Number(
        (await db.query(`SELECT count(*) FROM attendance_events WHERE id = 'EV_duplicate_1'`))
          .rows[0].count,
      ),
    ).toBe(1);
  });

  it('merges join, drop, rejoin and leave; gives the same for leave-before-join; never counts an aborted connection', async () => {
    const { groupId, sessions } = await pastGroup();
    const [s] = sessions;
    const merged = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'merged');
    const reversed = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'reversed');
    const aborted = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'aborted');
    const partial = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'partial');

    for (const event of [
      participantEvent('participant_joined', s.id, merged.user.id, 'PA_m1', minute(s, 0)),
      participantEvent('participant_left', s.id, merged.user.id, 'PA_m1', minute(s, 20)),
      participantEvent('participant_joined', s.id, merged.user.id, 'PA_m2', minute(s, 25)),
      participantEvent('participant_left', s.id, merged.user.id, 'PA_m2', minute(s, 55)),
      // Out of order: the leave arrives before the join.
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
    const rows = await report(s.id);
    const of = (user: TestUser) => rows.find((r) => r.userId === user.user.id)!;
    expect(of(merged)).toMatchObject({ minutesPresent: 50, status: 'present' });
    expect(of(merged).intervals).toHaveLength(2);
    expect(of(reversed)).toMatchObject({ minutesPresent: 50, status: 'present' });
    expect(of(aborted)).toMatchObject({ minutesPresent: 0, status: 'absent' });
    expect(of(partial)).toMatchObject({ minutesPresent: 30, status: 'partial' });
    expect(rows.find((r) => r.userId === owner.user.id)).toMatchObject({
      role: 'facilitator',
      status: 'absent',
    });
  });

  it('closes a missing leave when the room finishes', async () => {
    const { groupId, sessions } = await pastGroup();
    const s = sessions[1];
    const person = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'noleave');
    await send(
      participantEvent('participant_joined', s.id, person.user.id, 'PA_n1', minute(s, 10)),
    );
    await send(roomEvent('room_finished', s.id, minute(s, 40)));
    await allProcessed();
    const row = (await report(s.id)).find((r) => r.userId === person.user.id)!;
    expect(row).toMatchObject({ minutesPresent: 30, status: 'partial' });
  });

  it('keeps a facilitator override beside the computed status and exports CSV, one row per member', async () => {
    const { groupId, sessions } = await pastGroup();
    const members = [
      await enrolledParticipant(env, api.http, owner, orgId, groupId, 'csvone'),
      await enrolledParticipant(env, api.http, owner, orgId, groupId, 'csvtwo'),
    ];
    const override = await api.http.request(
      'PUT',
      `/sessions/${sessions[0].id}/attendance/${members[1].user.id}`,
      {
        token: owner.accessToken,
        body: { status: 'excused', reason: 'Told us in advance' },
      },
    );
    expect(override.status).toBe(200);
    expect(override.body).toMatchObject({
      status: 'excused',
      computedStatus: 'absent',
      override: {
        status: 'excused',
        reason: 'Told us in advance',
        by: owner.user.id,
        at: expect.any(String),
      },
    });
    const bad = await api.http.request(
      'PUT',
      `/sessions/${sessions[0].id}/attendance/${members[1].user.id}`,
      {
        token: owner.accessToken,
        body: { status: 'absent', reason: 'x' },
      },
    );
    expect(bad.status).toBe(400);
    const byMember = await api.http.request(
      'PUT',
      `/sessions/${sessions[0].id}/attendance/${members[0].user.id}`,
      {
        token: members[0].accessToken,
        body: { status: 'present', reason: 'me' },
      },
    );
    expect(byMember.status).toBe(403);

    const csv = await fetch(`${api.http.baseUrl}/groups/${groupId}/attendance?format=csv`, {
      headers: { authorization: `Bearer ${owner.accessToken}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      `member,${Array.from({ length: 8 }, (_, i) => `session ${i + 1} (2026-${i < 4 ? '01' : '02'}-${String(((6 + i * 7 - 1) % 31) + 1).padStart(2, '0')})`).join(',')},attended,rate`,
    );
    expect(lines).toHaveLength(1 + members.length);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['csvone', 'csvtwo']);
    const matrix = (await api.http.get(`/groups/${groupId}/attendance`, owner.accessToken)).body;
    expect(matrix.members).toHaveLength(2);
  });

  it('repairs missed joins and leaves from LiveKit, and tells the lead about two absences in a row', async () => {
    const group = await groupStartingIn(api.http, owner, orgId, versionId, 3, {
      durationMinutes: 60,
      capacity: 10,
    });
    const groupId = group.groupId;
    let sessions = group.sessions;
    const seen = await enrolledParticipant(env, api.http, owner, orgId, groupId, 'seen');
    await enrolledParticipant(env, api.http, owner, orgId, groupId, 'away');
    // Bring the second session forward too, so two sessions can run now.
    await api.http.patch(
      `/sessions/${sessions[1].id}`,
      { startsAt: new Date(Date.now() + 4 * 60_000).toISOString() },
      owner.accessToken,
    );
    sessions = (await api.http.get(`/groups/${groupId}/sessions`, owner.accessToken)).body.items;
    for (const s of sessions.slice(0, 2))
      await eventually(() => standin.rooms.has(`session-${s.id}`));

    const [first, second] = sessions;
    await send(roomEvent('room_started', first.id, new Date()));
    await allProcessed();
    // A join the webhooks never told us about: the reconciler finds it in the room.
    standin.join(`session-${first.id}`, seen.user.id, 'seen');
    const attendance = worker.app.get(AttendanceService);
    await attendance.reconcile(first.id, 'final');
    let row = (await report(first.id)).find((r) => r.userId === seen.user.id)!;
    expect(row.intervals).toEqual([{ joinedAt: expect.any(String), leftAt: null }]);
    standin.leave(`session-${first.id}`, seen.user.id);
    await attendance.reconcile(first.id, 'final');
    row = (await report(first.id)).find((r) => r.userId === seen.user.id)!;
    expect(row.intervals).toEqual([{ joinedAt: expect.any(String), leftAt: expect.any(String) }]);

    // Joined before the start, so no minutes inside it: the facilitator marks it present.
    await api.http.request('PUT', `/sessions/${first.id}/attendance/${seen.user.id}`, {
      token: owner.accessToken,
      body: { status: 'present', reason: 'Joined early and stayed' },
    });
    await send(roomEvent('room_finished', first.id, new Date()));
    await send(roomEvent('room_started', second.id, new Date()));
    await allProcessed();
    await send(roomEvent('room_finished', second.id, new Date()));
    await allProcessed();
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
  }, 60_000);
});
