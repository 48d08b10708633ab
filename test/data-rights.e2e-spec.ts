import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import pg from 'pg';
import { ErasedRecordsPurgeQueue, PURGE_ERASED_RECORDS_JOB } from '#identity';
import { QueueName } from '#queue';
import {
  createTestEnvironment,
  markEmailVerified,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
  uniqueEmail,
} from './support/hearth.js';
import { joinOrganization } from './support/members.js';
import { OpenApiContract, type OpenApiDocument } from './support/openapi-contract.js';
import { TestSmtpServer } from './support/smtp.js';
import { eventually, scheduledJobRunner } from './support/wait.js';

type User = Awaited<ReturnType<typeof registerUser>>;

const ANA_ANSWERS = [1, 0, 2, 1, 0, 1, 0, 0, 1];
const BO_ANSWERS = [3, 3, 3, 2, 2, 2, 1, 1, 0];

/**
 * Issue 14, item 8: `GET /me/export` gives a person everything Hearth holds about them and nobody
 * else's data; `DELETE /me` erases the account as docs/privacy.md says, and the daily purge
 * deletes the clinical records kept once the organization's retention ends. Real api, worker,
 * PostgreSQL, Redis and an SMTP server.
 */
describe('Data rights: export and erasure (e2e)', () => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let worker: RunningWorker;
  let db: pg.Client;
  let contract: OpenApiContract;
  let therapist: User;
  let cotherapist: User;
  let ana: User;
  let bo: User;
  let orgId: string;
  let groupId: string;
  let sessionId: string;

  const count = async (sql: string, params: unknown[]) =>
    Number((await db.query<{ n: string }>(sql, params)).rows[0].n);

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment('data_rights', { env: { SMTP_URL: smtp.url } });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    const docs = await fetch(api.http.baseUrl.replace('/api/v1', '/api/docs-json'));
    contract = new OpenApiContract((await docs.json()) as OpenApiDocument);

    therapist = await registerUser(api.http, 'therapist');
    orgId = (
      await api.http.post('/organizations', { name: 'Harbour Clinic' }, therapist.accessToken)
    ).body.id;
    cotherapist = await registerUser(api.http, 'cotherapist');
    await markEmailVerified(env, cotherapist.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, cotherapist, 'therapist');
    const versionId = (
      await api.http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: 'cbt-depression-8' },
        therapist.accessToken,
      )
    ).body.currentVersionId;
    // The first session starts in a little under two days: its measures are open.
    const start = new Date(Date.now() + 47 * 3_600_000);
    groupId = (
      await api.http.post(
        `/organizations/${orgId}/groups`,
        {
          name: 'Harbour mood group',
          curriculumVersionId: versionId,
          timezone: 'UTC',
          firstSessionDate: start.toISOString().slice(0, 10),
          startTime: start.toISOString().slice(11, 16),
          durationMinutes: 90,
          capacity: 8,
          lobbyEnabled: false,
          coFacilitatorIds: [cotherapist.user.id],
        },
        therapist.accessToken,
      )
    ).body.id;
    const people: User[] = [];
    for (const name of ['anaquill', 'bomarrow']) {
      const person = await registerUser(api.http, name);
      await markEmailVerified(env, person.user.id);
      await joinOrganization(api.http, therapist.accessToken, orgId, person, 'participant');
      await api.http.post(
        `/groups/${groupId}/enrollments`,
        { userId: person.user.id },
        therapist.accessToken,
      );
      people.push(person);
    }
    [ana, bo] = people;
    sessionId = (await api.http.get(`/groups/${groupId}/sessions`, therapist.accessToken)).body
      .items[0].id;

    // Both answer the PHQ-9 (Ana's item 9 opens a risk alert), and both have notes, signed.
    await api.http.patch(`/groups/${groupId}`, { measures: ['phq-9'] }, therapist.accessToken);
    for (const [person, answers] of [
      [ana, ANA_ANSWERS],
      [bo, BO_ANSWERS],
    ] as const) {
      const requests = (await api.http.get('/me/measure-requests', person.accessToken)).body.items;
      const phq9 = requests.find((r: { measureKey: string }) => r.measureKey === 'phq-9');
      const answered = await api.http.post(
        `/measure-requests/${phq9.id}/responses`,
        { answers },
        person.accessToken,
      );
      if (answered.status !== 201) throw new Error(`answering: ${JSON.stringify(answered.body)}`);
    }
    const notes = `/sessions/${sessionId}/notes`;
    await api.http.put(
      `${notes}/group`,
      { content: 'Group: anaquill and bomarrow spoke.' },
      therapist.accessToken,
    );
    await api.http.put(
      `${notes}/members/${ana.user.id}`,
      { content: 'Ana: sleeping better.' },
      therapist.accessToken,
    );
    await api.http.put(
      `${notes}/members/${bo.user.id}`,
      { content: 'Bo: new job stress.' },
      therapist.accessToken,
    );
    await api.http.post(`${notes}/sign`, {}, therapist.accessToken);
    // Homework and attendance as they come once the session has run (it has not, in this suite).
    for (const [person, reflection] of [
      [ana, 'Ana wrote: the thought record helped.'],
      [bo, 'Bo wrote: too busy this week.'],
    ] as const) {
      await db.query(
        `INSERT INTO homework (session_id, user_id, assigned_at, completed_at, reflection)
         VALUES ($1, $2, now(), now(), $3)`,
        [sessionId, person.user.id, reflection],
      );
    }
    for (const [person, minutes] of [
      [ana, 80],
      [bo, 30],
    ] as const) {
      await db.query(
        `INSERT INTO attendance (session_id, user_id, role, status, minutes_present)
         VALUES ($1, $2, 'participant', $3, $4)`,
        [sessionId, person.user.id, minutes > 60 ? 'present' : 'partial', minutes],
      );
    }
    await api.http.post(
      `${notes}/addenda`,
      { content: 'Ana called on Tuesday.', userId: ana.user.id },
      therapist.accessToken,
    );
    // An incident about Ana, and a private room she was asked into during the session (closed;
    // opening one needs the live room).
    const incident = await api.http.post(
      `/sessions/${sessionId}/incidents`,
      {
        userId: ana.user.id,
        kind: 'safety',
        description: 'Ana was distressed after the exercise.',
        actionsTaken: 'Talked with her after the session.',
      },
      therapist.accessToken,
    );
    if (incident.status !== 201) throw new Error(`incident: ${JSON.stringify(incident.body)}`);
    await db.query(
      `INSERT INTO side_rooms (session_id, facilitator_id, user_id, created_at, closed_at)
       VALUES ($1, $2, $3, now(), now())`,
      [sessionId, therapist.user.id, ana.user.id],
    );
  });

  afterAll(async () => {
    await db?.end();
    await worker?.app.close();
    await api?.close();
    await smtp?.stop();
    await env?.close();
  });

  it("exports the person's own data, answers and notes about them included, and nobody else's", async () => {
    const answer = await api.http.get('/me/export', ana.accessToken);
    expect(answer.status).toBe(200);
    expect(contract.problems('GET', '/me/export', answer)).toEqual([]);
    const { format, sections } = answer.body;
    expect(format).toBe('hearth-personal-data/1');
    expect(Object.keys(sections).sort()).toEqual([
      'account',
      'attendance',
      'audit',
      'clinical',
      'community',
      'groups',
      'joinRequests',
      'notifications',
      'organizations',
      'rooms',
      'webinars',
    ]);
    expect(sections.account).toMatchObject({
      id: ana.user.id,
      email: ana.email,
      displayName: 'anaquill',
    });
    expect(sections.organizations.memberships).toEqual([
      expect.objectContaining({
        organizationId: orgId,
        organizationName: 'Harbour Clinic',
        role: 'participant',
      }),
    ]);
    expect(sections.groups.enrollments).toEqual([
      expect.objectContaining({ groupId, groupName: 'Harbour mood group', status: 'active' }),
    ]);
    expect(sections.clinical.measures).toEqual([
      expect.objectContaining({
        measureKey: 'phq-9',
        sessionId,
        answers: ANA_ANSWERS,
        score: 6,
        severity: 'mild',
      }),
    ]);
    expect(sections.clinical.riskAlerts).toEqual([
      expect.objectContaining({ kind: 'phq9_item9', sessionId }),
    ]);
    expect(sections.clinical.memberNotes).toEqual([
      expect.objectContaining({
        sessionId,
        content: 'Ana: sleeping better.',
        addenda: [expect.objectContaining({ content: 'Ana called on Tuesday.' })],
      }),
    ]);
    expect(sections.clinical.memberNotes[0].signedAt).not.toBeNull();
    expect(sections.clinical.homework).toEqual([
      expect.objectContaining({ sessionId, reflection: 'Ana wrote: the thought record helped.' }),
    ]);
    expect(sections.attendance.sessions).toEqual([
      expect.objectContaining({ sessionId, status: 'present', minutesPresent: 80 }),
    ]);
    expect(sections.clinical.incidents).toEqual([
      expect.objectContaining({
        sessionId,
        kind: 'safety',
        description: 'Ana was distressed after the exercise.',
      }),
    ]);
    expect(sections.clinical.sideRooms).toEqual([expect.objectContaining({ sessionId })]);

    const text = JSON.stringify(answer.body);
    for (const secret of [
      bo.user.id,
      bo.email,
      'bomarrow',
      JSON.stringify(BO_ANSWERS),
      'Bo: new job stress.',
      'Bo wrote: too busy this week.',
      'Group: anaquill and bomarrow spoke.',
      therapist.user.id,
      therapist.email,
      cotherapist.user.id,
      '$argon2',
      ana.password,
    ]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });

  it("leaves the facilitators' own export free of what they wrote about members", async () => {
    const answer = await api.http.get('/me/export', therapist.accessToken);
    expect(answer.status).toBe(200);
    expect(answer.body.sections.groups.facilitates).toEqual([
      expect.objectContaining({ groupId, role: 'lead' }),
    ]);
    const text = JSON.stringify(answer.body);
    for (const secret of [
      ana.user.id,
      'anaquill',
      'Ana: sleeping better.',
      bo.user.id,
      'Bo: new job stress.',
    ]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('leaves an audit row for each kind of clinical record an export read', async () => {
    const audit = await api.http.get(
      `/organizations/${orgId}/audit?subjectUserId=${ana.user.id}&limit=100`,
      therapist.accessToken,
    );
    expect(audit.status).toBe(200);
    const exports = audit.body.items
      .filter((e: { action: string }) => e.action === 'export')
      .map((e: { actorId: string; resourceType: string }) => `${e.actorId} ${e.resourceType}`);
    expect(exports).toEqual(
      expect.arrayContaining([
        `${ana.user.id} measure_responses`,
        `${ana.user.id} risk_alerts`,
        `${ana.user.id} member_notes`,
        `${ana.user.id} attendance`,
        `${ana.user.id} homework`,
        `${ana.user.id} incidents`,
        `${ana.user.id} side_rooms`,
      ]),
    );
  });

  it('ends a co-facilitator’s access to the members’ clinical records once they no longer co-facilitate', async () => {
    const notes = `/sessions/${sessionId}/notes`;
    expect((await api.http.get(notes, cotherapist.accessToken)).status).toBe(200);
    // No route changes co-facilitators yet: the policy is read on every request, so the row is enough.
    await db.query('DELETE FROM group_co_facilitators WHERE group_id = $1 AND user_id = $2', [
      groupId,
      cotherapist.user.id,
    ]);
    for (const path of [notes, `/sessions/${sessionId}/alerts`, `/groups/${groupId}/measures`]) {
      const refused = await api.http.get(path, cotherapist.accessToken);
      expect([path, refused.status]).toEqual([path, 404]);
      expect(JSON.stringify(refused.body)).not.toContain('Ana');
    }
  });

  it('refuses bad input with a 4xx naming the field, and a wrong password without erasing', async () => {
    const erase = (body: unknown, token = ana.accessToken) =>
      api.http.request('DELETE', '/me', { body, token });
    for (const body of [{}, { password: 12345 }, { password: ana.password, extra: true }]) {
      const refused = await erase(body);
      expect([JSON.stringify(body), refused.status, refused.body.code]).toEqual([
        JSON.stringify(body),
        400,
        'validation_failed',
      ]);
    }
    const noBody = await api.http.request('DELETE', '/me', { token: ana.accessToken });
    expect(noBody.status).toBe(400);
    const wrong = await erase({ password: 'not the password at all' });
    expect([wrong.status, wrong.body.code, wrong.body.errors]).toEqual([
      400,
      'current_password_wrong',
      [{ field: 'password', message: 'The password is wrong' }],
    ]);
    expect((await api.http.request('DELETE', '/me', { body: { password: 'x' } })).status).toBe(401);
    expect((await api.http.get('/me', ana.accessToken)).status).toBe(200);
  });

  it('refuses to orphan an organization or a group that still meets (409)', async () => {
    const lead = await api.http.request('DELETE', '/me', {
      body: { password: therapist.password },
      token: therapist.accessToken,
    });
    expect([lead.status, lead.body.code]).toEqual([409, 'leads_groups']);
    expect(lead.body.message).toContain('Harbour mood group');

    const solo = await registerUser(api.http, 'solo');
    const soloOrg = (
      await api.http.post('/organizations', { name: 'Solo Practice' }, solo.accessToken)
    ).body.id;
    const alone = await api.http.request('DELETE', '/me', {
      body: { password: solo.password },
      token: solo.accessToken,
    });
    expect([alone.status, alone.body.code]).toEqual([409, 'sole_owner']);
    expect(alone.body.message).toContain('Solo Practice');

    // With a second owner, the first may go; the organization stays with the other.
    const partner = await registerUser(api.http, 'partner');
    await markEmailVerified(env, partner.user.id);
    await joinOrganization(api.http, solo.accessToken, soloOrg, partner, 'owner');
    const gone = await api.http.request('DELETE', '/me', {
      body: { password: solo.password },
      token: solo.accessToken,
    });
    expect(gone.status).toBe(202);
    expect((await api.http.get(`/organizations/${soloOrg}`, partner.accessToken)).status).toBe(200);
  });

  it('gives an account whose address is not verified nothing kept by that address, and erasing it leaves them', async () => {
    // Someone registers for a webinar and is invited to the clinic with their address, no account.
    const address = uniqueEmail('listener');
    const webinar = await api.http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'Sleep and mood',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        capacity: 50,
      },
      therapist.accessToken,
    );
    expect(webinar.status).toBe(201);
    const registered = await api.http.post(`/webinars/${webinar.body.id}/registrations`, {
      displayName: 'Real listener',
      email: address,
    });
    expect(registered.status).toBe(201);
    const invited = await api.http.post(
      `/organizations/${orgId}/members`,
      { email: address, role: 'participant' },
      therapist.accessToken,
    );
    expect(invited.status).toBe(201);
    const byAddress = () =>
      count(
        `SELECT (SELECT count(*) FROM webinar_registrations WHERE email = $1)
           + (SELECT count(*) FROM invitations WHERE email = $1) AS n`,
        [address],
      );
    expect(await byAddress()).toBe(2);

    // Another person signs up with that address and never proves they receive its mail.
    const password = 'an impostor passphrase of some length';
    const impostor = await api.http.post('/auth/register', {
      email: address,
      password,
      displayName: 'Impostor',
    });
    expect(impostor.status).toBe(201);
    const exported = await api.http.get('/me/export', impostor.body.accessToken);
    expect(exported.status).toBe(200);
    expect(exported.body.sections.webinars).toMatchObject({
      registrations: [],
      questions: [],
      speaking: [],
    });
    expect(exported.body.sections.organizations.invitations).toEqual([]);
    expect(JSON.stringify(exported.body)).not.toContain('Real listener');

    const erased = await api.http.request('DELETE', '/me', {
      body: { password },
      token: impostor.body.accessToken,
    });
    expect(erased.status).toBe(202);
    expect(await byAddress()).toBe(2);
  });

  it('erases the account: no sign-in, no e-mail left, clinical records kept, the address free again', async () => {
    const named = await api.http.patch('/me', { legalName: 'Ana Quill' }, ana.accessToken);
    expect(named.status).toBe(200);
    expect(
      await count('SELECT count(*) AS n FROM users WHERE id = $1 AND legal_name = $2', [
        ana.user.id,
        'Ana Quill',
      ]),
    ).toBe(1);
    const erased = await api.http.request('DELETE', '/me', {
      body: { password: ana.password },
      token: ana.accessToken,
    });
    expect(erased.status).toBe(202);
    expect(contract.problems('DELETE', '/me', erased)).toEqual([]);

    const login = await api.http.post('/auth/login', { email: ana.email, password: ana.password });
    expect([login.status, login.body.code]).toEqual([401, 'invalid_credentials']);
    const refresh = await api.http.post('/auth/refresh', { refreshToken: ana.refreshToken });
    expect(refresh.status).toBe(401);
    const stale = await api.http.get('/me', ana.accessToken);
    expect([stale.status, stale.body.code]).toEqual([401, 'invalid_access_token']);
    expect((await api.http.get('/me/export', ana.accessToken)).status).toBe(401);

    // The address is nowhere: not in any column of users, invitations or webinar registrations.
    for (const table of ['users', 'invitations', 'webinar_registrations', 'webinar_speakers']) {
      const found = await count(
        `SELECT count(*) AS n FROM ${table} t WHERE row_to_json(t)::text ILIKE $1`,
        [`%${ana.email}%`],
      );
      expect([table, found]).toEqual([table, 0]);
    }
    const row = (
      await db.query(
        `SELECT email, password_hash, display_name, legal_name, erased_at, timezone
         FROM users WHERE id = $1`,
        [ana.user.id],
      )
    ).rows[0];
    expect(row).toMatchObject({
      email: null,
      password_hash: null,
      display_name: 'Former member',
      legal_name: null,
      timezone: null,
    });
    expect(row.erased_at).not.toBeNull();
    expect(
      await count('SELECT count(*) AS n FROM memberships WHERE user_id = $1', [ana.user.id]),
    ).toBe(0);
    expect(
      await count('SELECT count(*) AS n FROM refresh_tokens WHERE user_id = $1', [ana.user.id]),
    ).toBe(0);
    expect(
      (await db.query('SELECT status FROM enrollments WHERE user_id = $1', [ana.user.id])).rows,
    ).toEqual([{ status: 'withdrawn' }]);
    // The clinical record stays for the retention period; the facilitators still read it.
    for (const [table, column] of [
      ['measure_responses', 'user_id'],
      ['risk_alerts', 'user_id'],
      ['attendance', 'user_id'],
      ['homework', 'user_id'],
      ['incidents', 'subject_user_id'],
      ['side_rooms', 'user_id'],
    ]) {
      expect([
        table,
        await count(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [ana.user.id]),
      ]).toEqual([table, 1]);
    }
    // Signed notes stay locked until the retention ends, the erased person's too.
    await expect(
      db.query('DELETE FROM session_notes WHERE subject_user_id = $1', [ana.user.id]),
    ).rejects.toMatchObject({ code: '42501' });
    const notes = await api.http.get(`/sessions/${sessionId}/notes`, therapist.accessToken);
    expect(notes.body.members.map((m: { content: string }) => m.content)).toContain(
      'Ana: sleeping better.',
    );

    // Someone (the owner of the address, say) may register with it again: a new account.
    const again = await api.http.post('/auth/register', {
      email: ana.email,
      password: 'a different long passphrase',
      displayName: 'Ana again',
    });
    expect(again.status).toBe(201);
    expect(again.body.user.id).not.toBe(ana.user.id);
    const fresh = await api.http.get('/me/export', again.body.accessToken);
    expect(fresh.body.sections.clinical).toEqual({
      measures: [],
      riskAlerts: [],
      memberNotes: [],
      homework: [],
      incidents: [],
      sideRooms: [],
    });
  });

  it('lets the organization set the retention period, and the daily job purges what it kept once it ends', async () => {
    const path = `/organizations/${orgId}`;
    expect((await api.http.get(path, therapist.accessToken)).body.clinicalRetentionDays).toBe(2557);
    for (const clinicalRetentionDays of [0, 36501, 'soon', 1.5, null]) {
      const refused = await api.http.patch(path, { clinicalRetentionDays }, therapist.accessToken);
      expect([clinicalRetentionDays, refused.status]).toEqual([clinicalRetentionDays, 400]);
    }
    const byMember = await api.http.patch(path, { clinicalRetentionDays: 1 }, bo.accessToken);
    expect(byMember.status).toBe(403);
    const set = await api.http.patch(path, { clinicalRetentionDays: 1 }, therapist.accessToken);
    expect([set.status, set.body.clinicalRetentionDays]).toEqual([200, 1]);

    // The worker scheduled the purge for every day.
    const queue = worker.app.get<Queue>(getQueueToken(QueueName.Maintenance), { strict: false });
    expect(await queue.getJobScheduler(PURGE_ERASED_RECORDS_JOB)).toMatchObject({
      pattern: '30 3 * * *',
    });

    const anaRecords = () =>
      count(
        `SELECT (SELECT count(*) FROM measure_responses WHERE user_id = $1)
           + (SELECT count(*) FROM measure_requests WHERE user_id = $1)
           + (SELECT count(*) FROM risk_alerts WHERE user_id = $1)
           + (SELECT count(*) FROM session_notes WHERE subject_user_id = $1)
           + (SELECT count(*) FROM note_addenda WHERE subject_user_id = $1)
           + (SELECT count(*) FROM attendance WHERE user_id = $1)
           + (SELECT count(*) FROM homework WHERE user_id = $1)
           + (SELECT count(*) FROM incidents WHERE subject_user_id = $1)
           + (SELECT count(*) FROM side_rooms WHERE user_id = $1) AS n`,
        [ana.user.id],
      );
    const ran = scheduledJobRunner(
      worker.app,
      ErasedRecordsPurgeQueue,
      QueueName.Maintenance,
      PURGE_ERASED_RECORDS_JOB,
    );

    // A day has not passed since the erasure: everything is still kept.
    await ran(1);
    expect(await anaRecords()).toBe(9);

    // Two days later (the erasure moved back, as the clock would), the job deletes it all.
    await db.query(`UPDATE users SET erased_at = erased_at - interval '2 days' WHERE id = $1`, [
      ana.user.id,
    ]);
    await ran(2);
    await eventually(async () => (await anaRecords()) === 0);
    // Bo's records and the group note are untouched.
    expect(
      await count('SELECT count(*) AS n FROM attendance WHERE user_id = $1', [bo.user.id]),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM measure_responses WHERE user_id = $1', [bo.user.id]),
    ).toBe(1);
    expect(
      await count('SELECT count(*) AS n FROM session_notes WHERE session_id = $1', [sessionId]),
    ).toBe(2);
    const deletions = await db.query<{ resource_type: string; actor_id: string }>(
      `SELECT resource_type, actor_id FROM audit_log WHERE subject_user_id = $1 AND action = 'delete'`,
      [ana.user.id],
    );
    expect(deletions.rows.map((r) => `${r.resource_type} by ${r.actor_id}`).sort()).toEqual([
      `attendance by ${ana.user.id}`,
      `homework by ${ana.user.id}`,
      `incident by ${ana.user.id}`,
      `measure_responses by ${ana.user.id}`,
      `member_note by ${ana.user.id}`,
      `member_note_addendum by ${ana.user.id}`,
      `side_room by ${ana.user.id}`,
    ]);
    // The audit log itself is never purged: the export rows are still there.
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE subject_user_id = $1 AND action = 'export'`,
        [ana.user.id],
      ),
    ).toBeGreaterThanOrEqual(3);
  });
});
