import type { INestApplicationContext } from '@nestjs/common';
import pg from 'pg';
import { Clock, ManualClock } from '../libs/common/src/index.js';
import {
  createTestEnvironment,
  markEmailVerified,
  registerUser,
  type RunningApi,
  startApi,
  type TestEnvironment,
} from './support/hearth.js';
import { joinOrganization } from './support/members.js';

type User = Awaited<ReturnType<typeof registerUser>>;

interface Homework {
  id: string;
  sessionId: string;
  moduleTitle: string;
  text: string;
  dueAt: string;
  completedAt: string | null;
}

interface Completion {
  userId: string;
  displayName: string;
  completedAt: string | null;
  reflection: string | null;
}

interface GroupSession {
  id: string;
  moduleTitle: string;
  startsAt: string;
}

/** The api on the test's clock (test-only: production has no way to do this). */
function useClock(app: INestApplicationContext, clock: ManualClock) {
  app.get(Clock).now = () => clock.now();
}

const REFLECTION = 'Sunday evenings were the lowest; a walk helped a little.';

/**
 * Issue 14, homework: the module's homework is assigned with the session, the member marks it
 * done with a reflection only facilitators read, and facilitators see completion per member.
 */
describe('Homework (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;
  const clock = new ManualClock();
  let therapist: User;
  let ana: User;
  let bo: User;
  let admin: User;
  let stranger: User;
  let sessions: GroupSession[];
  let db: pg.Client;
  let orgId: string;
  let groupId: string;

  beforeAll(async () => {
    env = await createTestEnvironment('clinical_homework');
    api = await startApi(env.config);
    clock.set(new Date());
    useClock(api.app, clock);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();

    therapist = await registerUser(api.http, 'therapist');
    orgId = (await api.http.post('/organizations', { name: 'Dhaka' }, therapist.accessToken)).body
      .id;
    const versionId = (
      await api.http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: 'cbt-depression-8' },
        therapist.accessToken,
      )
    ).body.currentVersionId;
    const start = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
    groupId = (
      await api.http.post(
        `/organizations/${orgId}/groups`,
        {
          name: 'Tuesday mood group',
          curriculumVersionId: versionId,
          timezone: 'UTC',
          firstSessionDate: start.slice(0, 10),
          startTime: start.slice(11, 16),
          durationMinutes: 90,
          capacity: 8,
          lobbyEnabled: false,
        },
        therapist.accessToken,
      )
    ).body.id;
    const people: User[] = [];
    for (const name of ['ana', 'bo']) {
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
    admin = await registerUser(api.http, 'admin');
    await markEmailVerified(env, admin.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, admin, 'admin');
    stranger = await registerUser(api.http, 'stranger');
    await api.http.post('/organizations', { name: 'Elsewhere' }, stranger.accessToken);
    sessions = (await api.http.get(`/groups/${groupId}/sessions`, therapist.accessToken)).body
      .items;
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await env?.close();
  });

  const homeworkOf = async (user: User) => {
    const answer = await api.http.get('/me/homework', user.accessToken);
    expect(answer.status).toBe(200);
    return answer.body.items as Homework[];
  };
  const sessionHomework = (i: number, user: User) =>
    api.http.get(`/sessions/${sessions[i].id}/homework`, user.accessToken);
  const complete = (id: string, user: User, body: unknown = {}) =>
    api.http.post(`/homework/${id}/complete`, body, user.accessToken);
  const startOf = (i: number) => new Date(sessions[i].startsAt);

  it('assigns the module homework with the session, due at the next one, once', async () => {
    expect(await homeworkOf(ana)).toEqual([]);
    const before = await sessionHomework(0, therapist);
    expect(before.body).toMatchObject({ assigned: false, completed: 0 });
    expect(before.body.text).toContain('when your mood changed');

    clock.set(new Date(startOf(0).getTime() + 30 * 60_000));
    const items = await homeworkOf(ana);
    expect(items).toEqual([
      {
        id: expect.any(String),
        sessionId: sessions[0].id,
        moduleTitle: sessions[0].moduleTitle,
        text: expect.stringContaining('Notice one or two moments this week when your mood changed'),
        dueAt: sessions[1].startsAt,
        completedAt: null,
      },
    ]);
    expect(items[0].text.split('\n')).toHaveLength(2);
    // Reading again assigns nothing new: one row per session and person.
    expect(await homeworkOf(ana)).toEqual(items);
    const rows = await db.query(`SELECT count(*)::int AS n FROM homework WHERE user_id = $1`, [
      ana.user.id,
    ]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('marks it done with a reflection, idempotently, and only for its owner', async () => {
    const [mine] = await homeworkOf(ana);
    const [bos] = await homeworkOf(bo);
    expect(bos.id).not.toBe(mine.id);

    const foreign = await complete(mine.id, bo, { reflection: 'Not mine' });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'homework_not_found']);
    const unknown = await complete('00000000-0000-4000-8000-000000000000', ana);
    expect(unknown.status).toBe(404);

    const done = await complete(mine.id, ana, { reflection: REFLECTION });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: mine.id, completedAt: expect.any(String) });
    // The reflection is for the facilitators: not even its author gets it back here.
    expect(JSON.stringify(done.body)).not.toContain('Sunday');

    clock.advance(60_000);
    const again = await complete(mine.id, ana);
    const bare = await api.http.request('POST', `/homework/${mine.id}/complete`, {
      token: ana.accessToken,
    });
    for (const answer of [again, bare]) {
      expect(answer.status).toBe(200);
      expect(answer.body.completedAt).toBe(done.body.completedAt);
    }
    expect((await homeworkOf(ana))[0].completedAt).toBe(done.body.completedAt);

    const stored = await db.query(
      `SELECT completed_at, reflection FROM homework WHERE session_id = $1 AND completed_at IS NOT NULL`,
      [sessions[0].id],
    );
    expect(stored.rows).toEqual([
      { completed_at: new Date(done.body.completedAt), reflection: REFLECTION },
    ]);
    const writes = await db.query(
      `SELECT actor_id, subject_user_id FROM audit_log
       WHERE action = 'update' AND resource_type = 'homework' AND resource_id = $1`,
      [mine.id],
    );
    expect(writes.rows).toEqual([{ actor_id: ana.user.id, subject_user_id: ana.user.id }]);

    const others = await homeworkOf(bo);
    expect(others.map((h) => [h.id, h.completedAt])).toEqual([[bos.id, null]]);
    expect(JSON.stringify(others)).not.toContain('Sunday');
  });

  it("shows the group's facilitators and admins completion per member, and audits the read", async () => {
    const read = await sessionHomework(0, therapist);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      sessionId: sessions[0].id,
      moduleTitle: sessions[0].moduleTitle,
      assigned: true,
      dueAt: sessions[1].startsAt,
      completed: 1,
    });
    const byUser = new Map((read.body.members as Completion[]).map((m) => [m.userId, m] as const));
    expect(byUser.size).toBe(2);
    expect(byUser.get(ana.user.id)).toEqual({
      userId: ana.user.id,
      displayName: 'ana',
      legalName: null,
      completedAt: expect.any(String),
      reflection: REFLECTION,
    });
    expect(byUser.get(bo.user.id)).toEqual({
      userId: bo.user.id,
      displayName: 'bo',
      legalName: null,
      completedAt: null,
      reflection: null,
    });
    expect((await sessionHomework(0, admin)).body.completed).toBe(1);

    const audit = await db.query<{ actor_id: string; subject_user_id: string }>(
      `SELECT actor_id, subject_user_id FROM audit_log
       WHERE action = 'read' AND resource_type = 'session_homework' AND resource_id = $1`,
      [sessions[0].id],
    );
    const therapistReads = audit.rows.filter((r) => r.actor_id === therapist.user.id);
    expect(therapistReads.map((r) => r.subject_user_id)).toEqual(
      expect.arrayContaining([ana.user.id, bo.user.id]),
    );
    expect(audit.rows.some((r) => r.actor_id === admin.user.id)).toBe(true);
  });

  it('refuses the session view to participants (403) and hides it from other organizations (404)', async () => {
    for (const member of [ana, bo]) {
      const refused = await sessionHomework(0, member);
      expect([refused.status, refused.body.code]).toEqual([403, 'facilitators_only']);
      expect(JSON.stringify(refused.body)).not.toContain('Sunday');
    }
    const hidden = await sessionHomework(0, stranger);
    expect(hidden.status).toBe(404);
    const [anas] = await homeworkOf(ana);
    expect((await complete(anas.id, stranger)).status).toBe(404);
  });

  it('answers bad input with a 400 naming the field, never a 500', async () => {
    const [mine] = await homeworkOf(ana);
    const cases: [string, unknown, string][] = [
      [mine.id, { reflection: 'x'.repeat(4001) }, 'reflection'],
      [mine.id, { reflection: 42 }, 'reflection'],
      [mine.id, { reflection: null }, 'reflection'],
      [mine.id, { done: true }, 'done'],
      ['not-a-uuid', {}, 'homeworkId'],
    ];
    for (const [id, body, field] of cases) {
      const answer = await complete(id, ana, body);
      expect([id, answer.status]).toEqual([id, 400]);
      expect(answer.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const badSession = await api.http.get('/sessions/not-a-uuid/homework', therapist.accessToken);
    expect(badSession.status).toBe(400);
    // A too-long reflection changed nothing.
    const stored = await db.query(`SELECT reflection FROM homework WHERE id = $1`, [mine.id]);
    expect(stored.rows[0].reflection).toBe(REFLECTION);
  });

  it("lists the latest session's homework first the week after, with last week's still there", async () => {
    clock.set(new Date(startOf(1).getTime() + 60 * 60_000));
    const items = await homeworkOf(ana);
    expect(items.map((h) => [h.sessionId, h.dueAt, h.completedAt === null])).toEqual([
      [sessions[1].id, sessions[2].startsAt, true],
      [sessions[0].id, sessions[1].startsAt, false],
    ]);
    expect(items[0].moduleTitle).toBe(sessions[1].moduleTitle);
    expect(items[0].text).toContain('activity and mood diary');
    // Three weeks on, the first session's homework has left the list (it stays on the record).
    clock.set(new Date(startOf(3).getTime() + 60 * 60_000));
    expect((await homeworkOf(ana)).map((h) => h.sessionId)).toEqual([
      sessions[3].id,
      sessions[2].id,
    ]);
    expect((await sessionHomework(0, therapist)).body.completed).toBe(1);
  });

  it('gives someone who joins the group later only the homework of sessions held since', async () => {
    const cy = await registerUser(api.http, 'cy');
    await markEmailVerified(env, cy.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, cy, 'participant');
    const enrolled = await api.http.post(
      `/groups/${groupId}/enrollments`,
      { userId: cy.user.id },
      therapist.accessToken,
    );
    expect(enrolled.status).toBe(201);
    // Cy's seat dates from after the third session began (the seat is dated by the database's
    // clock, which the test cannot move).
    await db.query('UPDATE enrollments SET queued_at = $1 WHERE user_id = $2', [
      new Date(startOf(2).getTime() + 60 * 60_000),
      cy.user.id,
    ]);
    expect((await homeworkOf(cy)).map((h) => h.sessionId)).toEqual([sessions[3].id]);
    const rows = await db.query(`SELECT session_id FROM homework WHERE user_id = $1`, [cy.user.id]);
    expect(rows.rows).toEqual([{ session_id: sessions[3].id }]);
    // Ana, there from the start, keeps every week's.
    expect((await homeworkOf(ana)).map((h) => h.sessionId)).toEqual([
      sessions[3].id,
      sessions[2].id,
    ]);
  });
});
