import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import pg from 'pg';
import { Clock, ManualClock } from '../libs/common/src/index.js';
import { QueueName } from '../libs/queue/src/index.js';
import { GroupRepository } from '../libs/groups/src/index.js';
import { reminderJobId } from '../libs/reminders/src/index.js';
import {
  EXTEND_SCHEDULES_JOB,
  ExtendSchedulesQueue,
  RollingScheduleService,
} from '../libs/sessions/src/index.js';
import { openRoomJobId } from '../libs/video/src/index.js';
import {
  createTestEnvironment,
  markEmailVerified,
  registerUser,
  type RunningApi,
  type RunningWorker,
  startApi,
  startWorker,
  type TestEnvironment,
} from './support/hearth.js';
import { organizationWithCurriculum } from './support/groups.js';
import { joinOrganization } from './support/members.js';
import { eventually, scheduledJobRunner } from './support/wait.js';

type User = Awaited<ReturnType<typeof registerUser>>;

interface Meeting {
  id: string;
  sequence: number;
  moduleIndex: number | null;
  moduleTitle: string | null;
  startsAt: string;
  localDate: string;
  localStartTime: string;
  status: string;
}

/** The app on the test's clock (test-only: production has no way to do this). */
function useClock(app: INestApplicationContext, clock: ManualClock) {
  app.get(Clock).now = () => clock.now();
}

/** A Tuesday-evening support group in New York, first meeting three weeks before DST begins. */
const SUPPORT_GROUP = {
  kind: 'support',
  name: 'Tuesday evening support',
  description: 'An open weekly group for people living with depression.',
  tags: ['postpartum', 'seasonal'],
  language: 'bn',
  timezone: 'America/New_York',
  firstSessionDate: '2027-02-23',
  startTime: '19:00',
  durationMinutes: 60,
  capacity: 12,
  lobbyEnabled: true,
};

/** The same group without its kind: the api's default, a curriculum group. */
const WITHOUT_KIND: Omit<typeof SUPPORT_GROUP, 'kind'> & { kind?: string } = {
  ...SUPPORT_GROUP,
};
delete WITHOUT_KIND.kind;

/**
 * Issue 15, item 5: groups of every kind. Support and drop-in groups meet weekly without a
 * curriculum, scheduled a rolling 12 weeks ahead at the same local time across DST; a peer
 * supporter leads them and is refused every clinical read. Real api, worker, PostgreSQL, Redis.
 */
describe('Groups of every kind and the peer supporter (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;
  let worker: RunningWorker;
  // 2027-01-20: the first meeting (23 February) is inside the 12-week horizon, DST (14 March) too.
  const clock = new ManualClock(new Date('2027-01-20T12:00:00Z'));
  let owner: User;
  let peer: User;
  let ana: User;
  let orgId: string;
  let versionId: string;
  let supportGroupId: string;

  const meetingsOf = async (groupId: string, token = owner.accessToken) =>
    (await api.http.get(`/groups/${groupId}/sessions?limit=100`, token)).body.items as Meeting[];

  beforeAll(async () => {
    env = await createTestEnvironment('group_kinds');
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    useClock(api.app, clock);
    owner = await registerUser(api.http, 'owner');
    ({ orgId, versionId } = await organizationWithCurriculum(api.http, owner, 'Sylhet peers'));
    peer = await registerUser(api.http, 'peer');
    await markEmailVerified(env, peer.user.id);
    await joinOrganization(api.http, owner.accessToken, orgId, peer, 'peer_supporter');
    ana = await registerUser(api.http, 'ana');
    await markEmailVerified(env, ana.user.id);
    await joinOrganization(api.http, owner.accessToken, orgId, ana, 'participant');
    await api.http.patch('/me', { legalName: 'Ana Rahman' }, ana.accessToken);
  });

  afterAll(async () => {
    await worker?.app.close();
    await api?.close();
    await env?.close();
  });

  it('a curriculum group still needs a published version; a support group takes none', async () => {
    const base = WITHOUT_KIND;
    const noVersion = await api.http.post(
      `/organizations/${orgId}/groups`,
      base,
      owner.accessToken,
    );
    expect([noVersion.status, noVersion.body.code, noVersion.body.errors?.[0]?.field]).toEqual([
      400,
      'curriculum_version_required',
      'curriculumVersionId',
    ]);
    const supportWithVersion = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...SUPPORT_GROUP, curriculumVersionId: versionId },
      owner.accessToken,
    );
    expect([supportWithVersion.status, supportWithVersion.body.code]).toEqual([
      400,
      'curriculum_not_allowed',
    ]);
    const badKind = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...SUPPORT_GROUP, kind: 'forum' },
      owner.accessToken,
    );
    expect([badKind.status, badKind.body.errors?.[0]?.field]).toEqual([400, 'kind']);
    const badTag = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...SUPPORT_GROUP, tags: ['Post Partum'] },
      owner.accessToken,
    );
    expect([badTag.status, badTag.body.errors?.[0]?.field]).toEqual([400, 'tags']);
    const tooManyTags = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...SUPPORT_GROUP, tags: Array.from({ length: 21 }, (_, i) => `tag-${i}`) },
      owner.accessToken,
    );
    expect([tooManyTags.status, tooManyTags.body.errors?.[0]?.field]).toEqual([400, 'tags']);
    const badLanguage = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...SUPPORT_GROUP, language: 'Bengali' },
      owner.accessToken,
    );
    expect([badLanguage.status, badLanguage.body.errors?.[0]?.field]).toEqual([400, 'language']);

    const curriculum = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...base, name: 'CBT group', curriculumVersionId: versionId, language: 'en' },
      owner.accessToken,
    );
    expect(curriculum.status).toBe(201);
    expect(curriculum.body).toMatchObject({ kind: 'curriculum', curriculumVersionId: versionId });
    const modules = await meetingsOf(curriculum.body.id);
    expect(modules).toHaveLength(8);
    expect(modules[0]).toMatchObject({ moduleIndex: 0, sequence: 1 });
    expect(modules[0].moduleTitle).toEqual(expect.any(String));

    const tags = await api.http.get('/group-tags', owner.accessToken);
    expect(tags.body.items).toEqual(
      expect.arrayContaining(['postpartum', 'seasonal', 'treatment-resistant', 'grief']),
    );
  });

  it('a peer supporter cannot lead or co-facilitate a curriculum group', async () => {
    const base = WITHOUT_KIND;
    const own = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...base, curriculumVersionId: versionId },
      peer.accessToken,
    );
    expect([own.status, own.body.code, own.body.errors?.[0]?.field]).toEqual([
      400,
      'peer_supporter_curriculum_group',
      'leadFacilitatorId',
    ]);
    const made = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...base, curriculumVersionId: versionId, coFacilitatorIds: [peer.user.id] },
      owner.accessToken,
    );
    expect([made.status, made.body.code, made.body.errors?.[0]?.field]).toEqual([
      400,
      'peer_supporter_curriculum_group',
      'coFacilitatorIds',
    ]);
  });

  it('a peer supporter opens a support group: weekly meetings at 19:00 local across DST, 12 weeks ahead', async () => {
    const created = await api.http.post(
      `/organizations/${orgId}/groups`,
      SUPPORT_GROUP,
      peer.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'support',
      language: 'bn',
      curriculumVersionId: null,
      leadFacilitatorId: peer.user.id,
      tags: ['postpartum', 'seasonal'],
      endedAt: null,
    });
    supportGroupId = created.body.id;

    const detail = await api.http.get(`/groups/${supportGroupId}`, peer.accessToken);
    expect(detail.body).toMatchObject({ viewerRole: 'facilitator', clinician: false });
    const asOwner = await api.http.get(`/groups/${supportGroupId}`, owner.accessToken);
    expect(asOwner.body).toMatchObject({ viewerRole: 'facilitator', clinician: true });
    const listed = (await api.http.get(`/organizations/${orgId}/groups`, peer.accessToken)).body
      .items;
    expect(listed).toEqual([
      expect.objectContaining({ id: supportGroupId, kind: 'support', language: 'bn' }),
    ]);

    // Until 2027-04-14 12:00 UTC: 23 February to 13 April, eight Tuesdays.
    const meetings = await meetingsOf(supportGroupId, peer.accessToken);
    expect(meetings.map((m) => m.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(meetings.every((m) => m.moduleIndex === null && m.moduleTitle === null)).toBe(true);
    expect(meetings.every((m) => m.localStartTime === '19:00')).toBe(true);
    expect(meetings.map((m) => m.localDate)).toEqual([
      '2027-02-23',
      '2027-03-02',
      '2027-03-09',
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
      '2027-04-06',
      '2027-04-13',
    ]);
    // 19:00 EST is 00:00 UTC the next day; after 14 March, 19:00 EDT is 23:00 UTC.
    expect(meetings[2].startsAt).toBe('2027-03-10T00:00:00.000Z');
    expect(meetings[3].startsAt).toBe('2027-03-16T23:00:00.000Z');

    // Readers of the module title name a meeting without one: the calendar feed says 'Meeting N'.
    const { url } = (await api.http.get('/me/calendar-feed', peer.accessToken)).body;
    const feed = await fetch(
      (url as string).replace(/^https?:\/\/[^/]+/, api.http.baseUrl.replace('/api/v1', '')),
    );
    const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Tuesday evening support: Meeting 1\r\n');
    expect(ics).not.toContain('null');
  });

  it('more meetings are scheduled as time passes (the worker job), and only once', async () => {
    const workerClock = new ManualClock(new Date('2027-03-20T12:00:00Z'));
    useClock(worker.app, workerClock);
    const extend = scheduledJobRunner(
      worker.app,
      ExtendSchedulesQueue,
      QueueName.Maintenance,
      EXTEND_SCHEDULES_JOB,
    );
    const run = async () => {
      workerClock.advance(1_000);
      await extend(workerClock.millis());
    };
    await run();
    const meetings = await meetingsOf(supportGroupId, peer.accessToken);
    // Until 2027-06-12 12:00 UTC: eight more Tuesdays, 20 April to 8 June, still 19:00 local.
    expect(meetings.map((m) => m.sequence)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(meetings.at(-1)).toMatchObject({ localDate: '2027-06-08', localStartTime: '19:00' });
    expect(meetings.at(-1)!.startsAt).toBe('2027-06-08T23:00:00.000Z');
    await run();
    expect(await meetingsOf(supportGroupId, peer.accessToken)).toHaveLength(16);

    // The new meetings get their room and their reminders planned like the first ones.
    const last = meetings.at(-1)!;
    const rooms = worker.app.get<Queue>(getQueueToken(QueueName.Rooms), { strict: false });
    expect(await rooms.getJobState(openRoomJobId(last.id))).toBe('delayed');
    const reminders = worker.app.get<Queue>(getQueueToken(QueueName.Reminders), {
      strict: false,
    });
    await eventually(
      async () =>
        (await reminders.getJobState(reminderJobId(last.id, peer.user.id, 60))) === 'delayed',
    );

    // Runs at once (two workers, a retry) add each meeting once: the group row is locked and
    // (group_id, sequence) is unique.
    workerClock.advance(7 * 24 * 3_600_000);
    const rolling = worker.app.get(RollingScheduleService);
    const added = await Promise.all([
      rolling.extend(supportGroupId),
      rolling.extend(supportGroupId),
      rolling.extendAll(),
    ]);
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(1);
    const after = await meetingsOf(supportGroupId, peer.accessToken);
    expect(after.map((m) => m.sequence)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(after.at(-1)).toMatchObject({ localDate: '2027-06-15', localStartTime: '19:00' });

    // A cancelled meeting stays cancelled: the next run never schedules that week again.
    const cancelled = await api.http.post(
      `/sessions/${after.at(-1)!.id}/cancel`,
      {},
      peer.accessToken,
    );
    expect(cancelled.status).toBe(200);
    await rolling.extend(supportGroupId);
    const kept = await meetingsOf(supportGroupId, peer.accessToken);
    expect(kept).toHaveLength(17);
    expect(kept.at(-1)).toMatchObject({ sequence: 17, status: 'cancelled' });
  });

  it('the peer supporter admits people and reads the roster by alias, never a legal name', async () => {
    const participants = await api.http.get(
      `/organizations/${orgId}/participants`,
      peer.accessToken,
    );
    expect(participants.status).toBe(200);
    expect(participants.body.items).toEqual([
      expect.objectContaining({ userId: ana.user.id, displayName: 'ana' }),
    ]);
    expect(JSON.stringify(participants.body)).not.toMatch(/@|Rahman/);
    const enrolled = await api.http.post(
      `/groups/${supportGroupId}/enrollments`,
      { userId: ana.user.id },
      peer.accessToken,
    );
    expect(enrolled.status).toBe(201);
    const roster = await api.http.get(`/groups/${supportGroupId}/enrollments`, peer.accessToken);
    expect(roster.status).toBe(200);
    expect(roster.body.items).toEqual([
      expect.objectContaining({ userId: ana.user.id, displayName: 'ana' }),
    ]);
    expect(roster.body.items[0].email).toBeNull();
    expect(JSON.stringify(roster.body)).not.toContain('Rahman');
    const members = await api.http.get(`/groups/${supportGroupId}/members`, peer.accessToken);
    expect(members.status).toBe(200);
    expect(JSON.stringify(members.body)).not.toContain('Rahman');
  });

  it('the peer supporter is refused every clinical route with 403 clinicians_only', async () => {
    const [first] = await meetingsOf(supportGroupId, peer.accessToken);
    const reads: [string, string, unknown?][] = [
      ['GET', `/sessions/${first.id}/notes`],
      ['PUT', `/sessions/${first.id}/notes/group`, { content: 'A note' }],
      ['GET', `/groups/${supportGroupId}/measures`],
      ['GET', `/groups/${supportGroupId}/measure-settings`],
      ['PATCH', `/groups/${supportGroupId}`, { measures: ['phq-9'] }],
      ['GET', `/sessions/${first.id}/alerts`],
      ['GET', `/sessions/${first.id}/homework`],
      ['GET', `/sessions/${first.id}/incidents`],
      [
        'POST',
        `/sessions/${first.id}/incidents`,
        { kind: 'safety', description: 'x', actionsTaken: 'y' },
      ],
      ['PUT', `/sessions/${first.id}/notes/members/${ana.user.id}`, { content: 'A note' }],
      ['POST', `/sessions/${first.id}/notes/sign`],
      ['POST', `/sessions/${first.id}/notes/addenda`, { content: 'Later' }],
      ['GET', `/sessions/${first.id}/side-rooms`],
      ['POST', `/sessions/${first.id}/side-rooms`, { userId: ana.user.id }],
    ];
    for (const [method, path, body] of reads) {
      const refused = await api.http.request(method, path, { token: peer.accessToken, body });
      expect([method, path, refused.status, refused.body.code]).toEqual([
        method,
        path,
        403,
        'clinicians_only',
      ]);
    }
    // A side room a clinician (the owner, an admin) opened in the peer supporter's group: the
    // peer supporter can neither close nor join it, and learns nothing of it (404).
    const db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    const [room] = (
      await db.query<{ id: string }>(
        `INSERT INTO side_rooms (session_id, facilitator_id, user_id, created_at)
         VALUES ($1, $2, $3, now()) RETURNING id`,
        [first.id, owner.user.id, ana.user.id],
      )
    ).rows;
    await db.end();
    for (const action of ['close', 'join']) {
      const path = `/side-rooms/${room.id}/${action}`;
      const refused = await api.http.post(path, {}, peer.accessToken);
      expect([path, refused.status, refused.body.code]).toEqual([path, 404, 'side_room_not_found']);
    }

    // The organization's audit log is for its owners and admins.
    const audit = await api.http.get(`/organizations/${orgId}/audit`, peer.accessToken);
    expect(audit.status).toBe(403);

    // Running the group is not clinical: the session page, the lobby and the group's attendance
    // (who came, to mark someone excused) by alias, with nothing clinical or legal on them.
    const operational = [
      `/sessions/${first.id}`,
      `/sessions/${first.id}/agenda`,
      `/sessions/${first.id}/attendance`,
      `/groups/${supportGroupId}/attendance`,
      `/groups/${supportGroupId}`,
    ];
    for (const path of operational) {
      const read = await api.http.get(path, peer.accessToken);
      expect([path, read.status]).toEqual([path, 200]);
      expect(JSON.stringify(read.body)).not.toMatch(/Rahman|legalName|alert|@/i);
    }
    const attendance = await api.http.get(`/sessions/${first.id}/attendance`, peer.accessToken);
    expect(attendance.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: ana.user.id, displayName: 'ana' }),
      ]),
    );
    // Following up absences is clinical: nobody in a group run by peer supporters alone is
    // asked (the lead of a clinician's group is).
    const groups = api.app.get(GroupRepository);
    const supportGroup = (await groups.findById(supportGroupId))!;
    expect(await groups.clinicalFollowUpIds(supportGroup)).toEqual([]);
    // A clinician (the owner) still reads them.
    const notes = await api.http.get(`/sessions/${first.id}/notes`, owner.accessToken);
    expect(notes.status).toBe(200);
    // Measures need a clinician among the group's facilitators, even when an admin asks.
    const measures = await api.http.patch(
      `/groups/${supportGroupId}`,
      { measures: ['phq-9'] },
      owner.accessToken,
    );
    expect([measures.status, measures.body.code, measures.body.errors?.[0]?.field]).toEqual([
      400,
      'measures_need_clinician',
      'measures',
    ]);
  });

  it('a drop-in group is open-ended too; a support group can be ended', async () => {
    const dropIn = await api.http.post(
      `/organizations/${orgId}/groups`,
      { ...SUPPORT_GROUP, kind: 'drop_in', name: 'Friday drop-in', language: 'en', tags: [] },
      owner.accessToken,
    );
    expect(dropIn.status).toBe(201);
    expect(dropIn.body).toMatchObject({ kind: 'drop_in', curriculumVersionId: null });
    const cancelShift = await api.http.post(
      `/sessions/${(await meetingsOf(dropIn.body.id))[0].id}/cancel`,
      { shiftCurriculum: true },
      owner.accessToken,
    );
    expect([cancelShift.status, cancelShift.body.code]).toEqual([400, 'no_curriculum']);

    const refused = await api.http.post(`/groups/${supportGroupId}/end`, {}, ana.accessToken);
    expect(refused.status).toBe(403);
    const ended = await api.http.post(`/groups/${supportGroupId}/end`, {}, peer.accessToken);
    expect(ended.status).toBe(200);
    expect(ended.body.endedAt).toBe(clock.now().toISOString());
    const meetings = await meetingsOf(supportGroupId, peer.accessToken);
    expect(meetings.every((m) => m.status === 'cancelled')).toBe(true);
    // Idempotent: ending it again (a retry) answers the group as it ended.
    clock.advance(60_000);
    const again = await api.http.post(`/groups/${supportGroupId}/end`, {}, peer.accessToken);
    expect([again.status, again.body.endedAt]).toEqual([200, ended.body.endedAt]);

    // An ended group gets no more meetings, whatever the job does.
    const at = Date.parse('2027-09-01T00:00:00Z');
    useClock(worker.app, new ManualClock(new Date(at)));
    await scheduledJobRunner(
      worker.app,
      ExtendSchedulesQueue,
      QueueName.Maintenance,
      EXTEND_SCHEDULES_JOB,
    )(at);
    expect(await meetingsOf(supportGroupId, peer.accessToken)).toHaveLength(17);
    expect((await meetingsOf(dropIn.body.id)).length).toBeGreaterThan(8);
  });
});
