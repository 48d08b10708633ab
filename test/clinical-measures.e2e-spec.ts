import pg from 'pg';
import { MEASURE_CHECK_INS_JOB, MeasureCheckInsQueue } from '../libs/clinical/src/index.js';
import { QueueName } from '../libs/queue/src/index.js';
import { scheduledJobRunner } from './support/wait.js';
import { Clock, ManualClock } from '../libs/common/src/index.js';
import {
  createTestEnvironment,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './support/hearth.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
} from './support/groups.js';
import { TestSmtpServer } from './support/smtp.js';

type User = Awaited<ReturnType<typeof registerUser>>;

interface MeasureRequest {
  id: string;
  measureKey: string;
  sessionId: string;
  status: string;
  expiresAt: string;
}

/**
 * Issue 14's first acceptance line: a participant answers PHQ-9 with item 9 = 1 two days before
 * a session. Real api, worker, PostgreSQL, Redis and an SMTP server.
 */
describe('Measures before a session, and the risk alert (e2e)', () => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let worker: RunningWorker;
  let therapist: User;
  let ana: User;
  let bo: User;
  let groupId: string;
  let sessionId: string;
  let nextSessionId: string;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment('clinical_measures', {
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://hearth.example.org' },
    });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    therapist = await registerUser(api.http, 'therapist');
    const { orgId, versionId } = await organizationWithCurriculum(
      api.http,
      therapist,
      'Chittagong group',
    );
    // The first session starts in a little under two days: inside the 48-hour window.
    const group = await groupStartingIn(api.http, therapist, orgId, versionId, 47 * 60, {
      name: 'Thursday mood group',
    });
    groupId = group.groupId;
    sessionId = group.sessions[0]!.id;
    nextSessionId = group.sessions[1]!.id;
    ana = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'ana');
    bo = await enrolledParticipant(env, api.http, therapist, orgId, groupId, 'bo');
  });

  afterAll(async () => {
    await worker?.app.close();
    await api?.close();
    await smtp?.stop();
    await env?.close();
  });

  const requestsOf = async (user: User) =>
    (await api.http.get('/me/measure-requests', user.accessToken)).body.items as MeasureRequest[];

  it('lists the instruments, and lets facilitators (only) turn measures on for a group', async () => {
    const instruments = (await api.http.get('/measures', ana.accessToken)).body.items;
    expect(instruments.map((m: { key: string }) => m.key)).toEqual(['phq-9', 'gad-7']);
    expect(instruments[0].items).toHaveLength(9);
    expect(instruments[0].options.map((o: { label: string }) => o.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);

    const inBengali = await api.http.request('GET', '/measures', {
      token: ana.accessToken,
      headers: { 'accept-language': 'bn-BD,bn;q=0.9' },
    });
    expect(inBengali.body.language).toBe('bn');
    expect(inBengali.body.items[0].items).toHaveLength(9);
    expect(inBengali.body.items[0].options[0].label).toBe('একদম না');

    expect(await requestsOf(ana)).toEqual([]);
    const refused = await api.http.patch(
      `/groups/${groupId}`,
      { measures: ['phq-9'] },
      ana.accessToken,
    );
    expect(refused.status).toBe(403);
    const invalid = await api.http.patch(
      `/groups/${groupId}`,
      { measures: ['beck'] },
      therapist.accessToken,
    );
    expect(invalid.status).toBe(400);
    const set = await api.http.patch(
      `/groups/${groupId}`,
      { measures: ['phq-9', 'gad-7'], measureEverySessions: 1 },
      therapist.accessToken,
    );
    expect(set.body).toEqual({ groupId, measures: ['phq-9', 'gad-7'], measureEverySessions: 1 });

    // Open two days before the session: this week's, not next week's.
    const requests = await requestsOf(ana);
    expect(requests.map((r) => [r.measureKey, r.sessionId, r.status])).toEqual([
      ['gad-7', sessionId, 'due'],
      ['phq-9', sessionId, 'due'],
    ]);
  });

  it('scores a PHQ-9 with item 9 = 1, shows crisis resources at once, alerts the facilitators without a detail', async () => {
    const phq9 = (await requestsOf(ana)).find((r) => r.measureKey === 'phq-9')!;
    const answer = await api.http.request('POST', `/measure-requests/${phq9.id}/responses`, {
      body: { answers: [1, 1, 2, 1, 1, 1, 0, 0, 1] },
      token: ana.accessToken,
      headers: { 'accept-language': 'bn-BD,bn;q=0.9,en;q=0.5' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.score).toBe(8);
    expect(answer.body.severity).toBe('mild');
    expect(answer.body.crisisResources.length).toBeGreaterThan(0);
    expect(answer.body.crisisResources.map((r: { phone?: string }) => r.phone)).toContain('999');

    // Sent again (a lost answer, a second tap): what was stored, resources included, once.
    const again = await api.http.post(
      `/measure-requests/${phq9.id}/responses`,
      { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
      ana.accessToken,
    );
    expect(again.status).toBe(201);
    expect(again.body.score).toBe(8);
    expect(again.body.crisisResources.length).toBeGreaterThan(0);
    expect((await requestsOf(ana)).find((r) => r.id === phq9.id)?.status).toBe('completed');

    const alerts = await api.http.get(`/sessions/${sessionId}/alerts`, therapist.accessToken);
    expect(alerts.status).toBe(200);
    expect(alerts.body.items).toEqual([
      expect.objectContaining({
        userId: ana.user.id,
        kind: 'phq9_item9',
        resolvedAt: null,
        resolution: null,
      }),
    ]);

    const mail = await smtp.waitFor(
      (m) =>
        m.envelopeTo.includes(therapist.email.toLowerCase()) && /support/.test(m.subject ?? ''),
    );
    const text = `${mail.subject}\n${mail.text}\n${mail.html}`;
    expect(text).toContain(`https://hearth.example.org/sessions/${sessionId}`);
    const words = text.replaceAll(`https://hearth.example.org/sessions/${sessionId}`, '');
    const secrets = [/\b8\b/, /mild/i, /PHQ/i, /item/i, /Thursday mood group/, /\bana\b/i];
    for (const secret of secrets) {
      expect([String(secret), words.match(secret)]).toEqual([String(secret), null]);
    }
    expect(words.toLowerCase()).not.toContain(ana.email.toLowerCase());

    // In the app too, as plainly: a link to the session, nothing about whom or why.
    const notices = (await api.http.get('/me/notifications', therapist.accessToken)).body.items;
    const notice = notices.find((n: { kind: string }) => n.kind === 'risk_alert');
    expect(notice).toMatchObject({ sessionId, title: 'Someone may need your support' });
    expect(JSON.stringify(notice)).not.toMatch(/ana|PHQ|mild|Thursday/i);
  });

  it('tells another participant nothing, and refuses them the answer and the alert', async () => {
    const anaPhq9 = (await requestsOf(ana)).find((r) => r.measureKey === 'phq-9')!;
    expect((await requestsOf(bo)).map((r) => r.id)).not.toContain(anaPhq9.id);
    const steal = await api.http.post(
      `/measure-requests/${anaPhq9.id}/responses`,
      { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
      bo.accessToken,
    );
    expect(steal.status).toBe(404);
    const peek = await api.http.get(`/sessions/${sessionId}/alerts`, bo.accessToken);
    expect(peek.status).toBe(403);
    expect(JSON.stringify(peek.body)).not.toContain(ana.user.id);

    // Bo's own answers: wrong shapes are refused and leave the request open; no risk, no resources.
    const gad7 = (await requestsOf(bo)).find((r) => r.measureKey === 'gad-7')!;
    const wrong = await api.http.post(
      `/measure-requests/${gad7.id}/responses`,
      { answers: [1, 2, 3] },
      bo.accessToken,
    );
    expect([wrong.status, wrong.body.code]).toEqual([400, 'invalid_answers']);
    const fine = await api.http.post(
      `/measure-requests/${gad7.id}/responses`,
      { answers: [3, 3, 3, 2, 2, 2, 0] },
      bo.accessToken,
    );
    expect(fine.body).toEqual({ score: 15, severity: 'severe', crisisResources: [] });
  });

  it("shows a member's legal name to facilitators only, never to other members", async () => {
    const set = await api.http.patch('/me', { legalName: '  Ana Rahman ' }, ana.accessToken);
    expect(set.body.legalName).toBe('Ana Rahman');
    const tooLong = await api.http.patch('/me', { legalName: 'x'.repeat(121) }, ana.accessToken);
    expect(tooLong.status).toBe(400);
    const alerts = await api.http.get(`/sessions/${sessionId}/alerts`, therapist.accessToken);
    expect(alerts.body.items[0]).toMatchObject({ displayName: 'ana', legalName: 'Ana Rahman' });

    // What members see of each other carries the alias only.
    for (const path of [`/groups/${groupId}/members`, `/groups/${groupId}`, '/me/groups']) {
      const seen = await api.http.get(path, bo.accessToken);
      expect([path, seen.status]).toEqual([path, 200]);
      expect([path, JSON.stringify(seen.body)]).not.toEqual([
        path,
        expect.stringContaining('Rahman'),
      ]);
    }
    // The person sees and clears their own.
    expect((await api.http.get('/me', ana.accessToken)).body.legalName).toBe('Ana Rahman');
    const cleared = await api.http.patch('/me', { legalName: '' }, ana.accessToken);
    expect(cleared.body.legalName).toBeNull();
    await api.http.patch('/me', { legalName: 'Ana Rahman' }, ana.accessToken);
  });

  it('shows scores over sessions per member and for the group, to facilitators only', async () => {
    const trends = await api.http.get(`/groups/${groupId}/measures`, therapist.accessToken);
    expect(trends.status).toBe(200);
    const point = { sessionId, sequence: 1, at: expect.any(String) };
    expect(trends.body.items).toEqual(
      expect.arrayContaining([
        {
          userId: ana.user.id,
          displayName: 'ana',
          legalName: 'Ana Rahman',
          measureKey: 'phq-9',
          points: [{ ...point, score: 8, severity: 'mild', language: 'bn' }],
          summary: { baseline: 8, latest: 8, change: 0, response: false, remission: false },
        },
        expect.objectContaining({
          userId: bo.user.id,
          measureKey: 'gad-7',
          points: [{ ...point, score: 15, severity: 'severe', language: 'en' }],
        }),
      ]),
    );
    expect(trends.body.group).toEqual(
      expect.arrayContaining([
        { sessionId, sequence: 1, measureKey: 'phq-9', mean: 8, count: 1 },
        { sessionId, sequence: 1, measureKey: 'gad-7', mean: 15, count: 1 },
      ]),
    );
    const peek = await api.http.get(`/groups/${groupId}/measures`, bo.accessToken);
    expect(peek.status).toBe(403);
    expect(JSON.stringify(peek.body)).not.toContain(ana.user.id);
  });

  it('reminds once, halfway through the window, whoever has not answered', async () => {
    // Ana answers her GAD-7 as well; Bo still has the PHQ-9 open.
    const anaGad7 = (await requestsOf(ana)).find((r) => r.measureKey === 'gad-7')!;
    await api.http.post(
      `/measure-requests/${anaGad7.id}/responses`,
      { answers: [1, 1, 1, 1, 0, 0, 0] },
      ana.accessToken,
    );
    const session = (await api.http.get(`/sessions/${sessionId}`, therapist.accessToken)).body;
    // The worker's clock only (test-only): 23 hours before the session, past the window's middle.
    const clock = new ManualClock(new Date(Date.parse(session.startsAt) - 23 * 3_600_000));
    worker.app.get(Clock).now = () => clock.now();
    const subject = 'Hearth: a short check-in before your session';
    const remindersTo = (user: User) =>
      smtp.messages.filter(
        (m) => m.subject === subject && m.envelopeTo.includes(user.email.toLowerCase()),
      );

    const rounds = scheduledJobRunner(
      worker.app,
      MeasureCheckInsQueue,
      QueueName.Reminders,
      MEASURE_CHECK_INS_JOB,
    );
    const round = async () => {
      clock.advance(60_000);
      await rounds(clock.millis());
    };
    await round();
    const mail = await smtp.waitFor((m) => remindersTo(bo).includes(m));
    expect(mail.text).toContain('https://hearth.example.org/check-ins');
    expect(`${mail.text}${mail.html}`).not.toMatch(/PHQ|GAD|Thursday mood group/);
    await round();
    expect(remindersTo(bo)).toHaveLength(1);
    expect(remindersTo(ana)).toHaveLength(0);
    const boNotices = (await api.http.get('/me/notifications', bo.accessToken)).body.items;
    expect(boNotices.filter((n: { kind: string }) => n.kind === 'measure_reminder')).toHaveLength(
      1,
    );
  });

  it('records who resolved the alert and why; only once, only by facilitators', async () => {
    const [alert] = (await api.http.get(`/sessions/${sessionId}/alerts`, therapist.accessToken))
      .body.items;
    // Open, it is in front of the facilitators at the next session too.
    const next = await api.http.get(`/sessions/${nextSessionId}/alerts`, therapist.accessToken);
    expect(next.body.items.map((a: { id: string }) => a.id)).toEqual([alert.id]);
    const blank = await api.http.post(
      `/alerts/${alert.id}/resolve`,
      { note: '   ' },
      therapist.accessToken,
    );
    expect(blank.status).toBe(400);
    const byMember = await api.http.post(
      `/alerts/${alert.id}/resolve`,
      { note: 'x' },
      bo.accessToken,
    );
    expect(byMember.status).toBe(404);
    const resolved = await api.http.post(
      `/alerts/${alert.id}/resolve`,
      { note: 'Called Ana the same evening; safety plan reviewed together.' },
      therapist.accessToken,
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.items[0]).toMatchObject({
      id: alert.id,
      resolvedById: therapist.user.id,
      resolution: 'Called Ana the same evening; safety plan reviewed together.',
    });
    expect(resolved.body.items[0].resolvedAt).not.toBeNull();
    const twice = await api.http.post(
      `/alerts/${alert.id}/resolve`,
      { note: 'again' },
      therapist.accessToken,
    );
    expect([twice.status, twice.body.code]).toEqual([409, 'alert_resolved']);
    const later = await api.http.get(`/sessions/${nextSessionId}/alerts`, therapist.accessToken);
    expect(later.body.items).toEqual([]);

    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{
        action: string;
        resource_type: string;
        actor_id: string;
      }>(`SELECT action, resource_type, actor_id FROM audit_log WHERE subject_user_id = $1`, [
        ana.user.id,
      ]);
      const seen = rows.map((r) => `${r.action} ${r.resource_type}`);
      expect(seen).toEqual(
        expect.arrayContaining([
          'create measure_response',
          'read risk_alerts',
          'read measure_trends',
          'resolve risk_alert',
        ]),
      );
    } finally {
      await client.end();
    }
  });

  it('follows its session: moved, it closes at the new start; cancelled, it is gone', async () => {
    const boPhq9 = (await requestsOf(bo)).find((r) => r.measureKey === 'phq-9')!;
    const session = (await api.http.get(`/sessions/${sessionId}`, therapist.accessToken)).body;
    const later = new Date(Date.parse(session.startsAt) + 3_600_000).toISOString();
    expect(
      (await api.http.patch(`/sessions/${sessionId}`, { startsAt: later }, therapist.accessToken))
        .status,
    ).toBe(200);
    const moved = (await requestsOf(bo)).find((r) => r.id === boPhq9.id)!;
    expect([moved.status, Date.parse(moved.expiresAt)]).toEqual(['due', Date.parse(later)]);

    // The api's clock only (test-only): a minute after the new start, it is closed.
    const clock = new ManualClock(new Date(Date.parse(later) + 60_000));
    api.app.get(Clock).now = () => clock.now();
    try {
      const late = await api.http.post(
        `/measure-requests/${boPhq9.id}/responses`,
        { answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
        bo.accessToken,
      );
      expect([late.status, late.body.code]).toEqual([409, 'measure_request_expired']);
    } finally {
      api.app.get(Clock).now = () => new Date();
    }

    await api.http.post(
      `/sessions/${sessionId}/cancel`,
      { reason: 'Room flooded' },
      therapist.accessToken,
    );
    expect((await requestsOf(bo)).map((r) => r.id)).not.toContain(boPhq9.id);
  });
});
