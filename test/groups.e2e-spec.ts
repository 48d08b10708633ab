import pg from 'pg';
import ICAL from 'ical.js';
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
import { TestSmtpServer } from './support/smtp.js';
import { joinOrganization } from './support/members.js';

type User = Awaited<ReturnType<typeof registerUser>>;

describe('Groups, sessions and enrollment (e2e)', () => {
  let env: TestEnvironment;
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let worker: RunningWorker;
  let therapist: User;
  let orgId: string;
  let versionId: string;
  let moduleTitles: string[];
  let facilitatorNotes: string[];

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment('groups', { env: { SMTP_URL: smtp.url } });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    therapist = await registerUser(api.http, 'therapist');
    orgId = (await api.http.post('/organizations', { name: 'Northside' }, therapist.accessToken))
      .body.id;
    const curriculum = await api.http.post(
      `/organizations/${orgId}/curricula`,
      { templateKey: 'cbt-depression-8' },
      therapist.accessToken,
    );
    expect(curriculum.status).toBe(201);
    versionId = curriculum.body.currentVersionId;
    moduleTitles = curriculum.body.modules.map((m: { title: string }) => m.title);
    facilitatorNotes = curriculum.body.modules.flatMap(
      (m: { agenda: { facilitatorNotes?: string }[] }) =>
        m.agenda.flatMap((a) => (a.facilitatorNotes ? [a.facilitatorNotes] : [])),
    );
  });

  afterAll(async () => {
    await worker?.app.close();
    await api?.close();
    await smtp?.stop();
    await env?.close();
  });

  async function createGroup(overrides: Record<string, unknown> = {}) {
    const response = await api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Tuesday evening group',
        curriculumVersionId: versionId,
        timezone: 'America/New_York',
        firstSessionDate: '2027-10-19',
        startTime: '19:00',
        durationMinutes: 90,
        capacity: 10,
        lobbyEnabled: true,
        ...overrides,
      },
      therapist.accessToken,
    );
    expect(response.status).toBe(201);
    return response.body as { id: string };
  }

  const sessionsOf = async (groupId: string, token = therapist.accessToken) =>
    (await api.http.get(`/groups/${groupId}/sessions`, token)).body.items as {
      id: string;
      sequence: number;
      moduleTitle: string;
      startsAt: string;
      localDate: string;
      localStartTime: string;
      status: string;
    }[];

  async function participant(name: string) {
    const user = await registerUser(api.http, name);
    await markEmailVerified(env, user.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, user, 'participant');
    return user;
  }

  const enroll = (groupId: string, userId: string) =>
    api.http.post(`/groups/${groupId}/enrollments`, { userId }, therapist.accessToken);

  it.each([
    ['America/New_York', '2027-10-19', ['23:00', '23:00', '23:00', '00:00', '00:00']],
    ['Europe/London', '2027-10-12', ['18:00', '18:00', '18:00', '19:00', '19:00']],
    ['Australia/Sydney', '2027-09-14', ['09:00', '09:00', '09:00', '08:00', '08:00']],
    ['Asia/Kolkata', '2027-10-19', ['13:30', '13:30', '13:30', '13:30', '13:30']],
  ])('keeps a weekly 19:00 group in %s at 19:00 local across DST', async (timezone, first, utc) => {
    const group = await createGroup({ timezone, firstSessionDate: first });
    const sessions = await sessionsOf(group.id);
    expect(sessions).toHaveLength(8);
    expect(sessions.map((s) => s.localStartTime)).toEqual(Array(8).fill('19:00'));
    expect(sessions.slice(0, 5).map((s) => s.startsAt.slice(11, 16))).toEqual(utc);
    expect(sessions.map((s) => s.moduleTitle)).toEqual(moduleTitles);
    expect(sessions.map((s) => s.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // One week apart in local calendar days, whatever the offset did.
    const days = sessions.map((s) => Date.parse(`${s.localDate}T00:00:00Z`) / 86_400_000);
    expect(days.slice(1).map((d, i) => d - days[i])).toEqual(Array(7).fill(7));
  });

  it('moves only session 3 when it is rescheduled', async () => {
    const group = await createGroup();
    const before = await sessionsOf(group.id);
    const moved = await api.http.patch(
      `/sessions/${before[2].id}`,
      { startsAt: '2027-11-04T22:30:00.000Z' },
      therapist.accessToken,
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ localDate: '2027-11-04', localStartTime: '18:30' });
    const after = await sessionsOf(group.id);
    const byId = new Map(after.map((s) => [s.id, s]));
    before.forEach((session, index) => {
      if (index === 2) expect(byId.get(session.id)!.startsAt).toBe('2027-11-04T22:30:00.000Z');
      else expect(byId.get(session.id)).toEqual(session);
    });
  });

  it('cancels session 4 with a shift: modules 4..8 move one week later at the same local time', async () => {
    const group = await createGroup();
    const before = await sessionsOf(group.id);
    const cancelled = await api.http.post(
      `/sessions/${before[3].id}/cancel`,
      { reason: 'Facilitator ill', shiftCurriculum: true },
      therapist.accessToken,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const after = await sessionsOf(group.id);
    expect(after).toHaveLength(9);
    expect(after[3]).toMatchObject({ id: before[3].id, status: 'cancelled' });
    // Sessions 5..8 now hold modules 4..7; a ninth session a week after the eighth holds module 8.
    expect(after.slice(4).map((s) => s.moduleTitle)).toEqual(moduleTitles.slice(3));
    expect(after.slice(4, 8).map((s) => s.startsAt)).toEqual(
      before.slice(4).map((s) => s.startsAt),
    );
    expect(after[8]).toMatchObject({
      sequence: 9,
      localDate: '2027-12-14',
      localStartTime: '19:00',
    });
    expect(after[8].startsAt).toBe('2027-12-15T00:00:00.000Z');
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));

    const again = await api.http.post(
      `/sessions/${before[3].id}/cancel`,
      {},
      therapist.accessToken,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('illegal_session_transition');
  });

  it('changes the series time from a given session on', async () => {
    const group = await createGroup();
    const before = await sessionsOf(group.id);
    const response = await api.http.patch(
      `/groups/${group.id}/schedule`,
      { fromSessionId: before[5].id, startTime: '18:30' },
      therapist.accessToken,
    );
    expect(response.status).toBe(200);
    const after = await sessionsOf(group.id);
    expect(after.map((s) => s.localStartTime)).toEqual([
      ...Array(5).fill('19:00'),
      '18:30',
      '18:30',
      '18:30',
    ]);
    expect(after[5].startsAt).toBe('2027-11-23T23:30:00.000Z');
    expect(after.map((s) => s.localDate)).toEqual(before.map((s) => s.localDate));
  });

  it('never overbooks: 50 simultaneous enrollments into 10 seats give 10 active and 40 waitlisted', async () => {
    const group = await createGroup({ capacity: 10 });
    const people = await Promise.all(Array.from({ length: 50 }, (_, i) => participant(`seat${i}`)));
    const results = await Promise.all(people.map((p) => enroll(group.id, p.user.id)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(results.filter((r) => r.body.status === 'active')).toHaveLength(10);
    expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(40);

    const roster = (await api.http.get(`/groups/${group.id}/enrollments`, therapist.accessToken))
      .body.items;
    expect(roster.filter((e: { status: string }) => e.status === 'active')).toHaveLength(10);
    // Everyone active asked before everyone waiting, and the waitlist is kept in asking order.
    const queued = roster.map((e: { queuedAt: string }) => Date.parse(e.queuedAt));
    expect(queued).toEqual([...queued].sort((a, b) => a - b));
  });

  it('has the database itself refuse a seat beyond capacity, whoever writes the row', async () => {
    const group = await createGroup({ capacity: 1 });
    const [first, second] = [await participant('dbfirst'), await participant('dbsecond')];
    expect((await enroll(group.id, first.user.id)).body.status).toBe('active');
    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      await expect(
        client.query(
          `INSERT INTO enrollments (group_id, user_id, status, queued_at) VALUES ($1, $2, 'active', now())`,
          [group.id, second.user.id],
        ),
      ).rejects.toThrow(/is full/);
    } finally {
      await client.end();
    }
  });

  it('serves the waitlist in request order and promotes the first on withdrawal, by e-mail', async () => {
    const group = await createGroup({ capacity: 2, name: 'Small group' });
    const people: User[] = [];
    for (let i = 0; i < 5; i++) people.push(await participant(`queue${i}`));
    // Requests sent 100 ms apart (room for a busy machine): the order the people asked in.
    const results = await Promise.all(
      people.map(async (p, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 100));
        return enroll(group.id, p.user.id);
      }),
    );
    expect(results.map((r) => r.body.status)).toEqual([
      'active',
      'active',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    const roster = (await api.http.get(`/groups/${group.id}/enrollments`, therapist.accessToken))
      .body.items;
    expect(roster.map((e: { userId: string }) => e.userId)).toEqual(people.map((p) => p.user.id));

    const left = await api.http.request('DELETE', `/enrollments/${results[0].body.id}`, {
      token: people[0].accessToken,
    });
    expect(left.status).toBe(200);
    expect(left.body.promoted).toMatchObject({ userId: people[2].user.id, status: 'active' });
    const promotion = 'A place opened up for you in Small group';
    const mail = await smtp.waitFor(
      (m) => m.envelopeTo.includes(people[2].email) && m.subject === promotion,
    );
    expect(mail.text).toContain('/groups/');
    const othersTold = smtp.messages.filter(
      (m) => m.subject === promotion && !m.envelopeTo.includes(people[2].email),
    );
    expect(othersTold).toHaveLength(0);

    const rosterAfter = (
      await api.http.get(`/groups/${group.id}/enrollments`, therapist.accessToken)
    ).body.items;
    expect(
      rosterAfter.map((e: { userId: string; status: string }) => [e.userId, e.status]),
    ).toEqual([
      [people[1].user.id, 'active'],
      [people[2].user.id, 'active'],
      [people[3].user.id, 'waitlisted'],
      [people[4].user.id, 'waitlisted'],
    ]);
  });

  it('shows participants their own groups only, and other members by alias only', async () => {
    const mine = await createGroup({ name: 'Mine' });
    const other = await createGroup({ name: 'Other' });
    const me = await participant('me');
    const peer = await participant('peer');
    await enroll(mine.id, me.user.id);
    await enroll(mine.id, peer.user.id);

    expect((await api.http.get(`/groups/${mine.id}`, me.accessToken)).status).toBe(200);
    const upcoming = await api.http.get('/me/sessions', me.accessToken);
    expect(new Set(upcoming.body.items.map((s: { groupId: string }) => s.groupId))).toEqual(
      new Set([mine.id]),
    );
    expect(upcoming.body.items[0]).toMatchObject({ groupName: 'Mine', sequence: 1 });
    // Joining opens VIDEO_JOIN_EARLY_MINUTES (15 by default) before the start.
    const first = upcoming.body.items[0];
    expect(Date.parse(first.startsAt) - Date.parse(first.joinOpensAt)).toBe(15 * 60_000);
    const foreign = await api.http.get(`/groups/${other.id}`, me.accessToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('group_not_found');
    expect((await api.http.get(`/groups/${other.id}/sessions`, me.accessToken)).status).toBe(404);
    const otherSession = (await sessionsOf(other.id))[0];
    expect((await api.http.get(`/sessions/${otherSession.id}`, me.accessToken)).status).toBe(404);

    const roster = await api.http.get(`/groups/${mine.id}/enrollments`, me.accessToken);
    expect(roster.status).toBe(403);
    const members = await api.http.get(`/groups/${mine.id}/members`, me.accessToken);
    expect(members.status).toBe(200);
    expect(members.body.items).toEqual(
      expect.arrayContaining([{ userId: peer.user.id, displayName: 'peer' }]),
    );
    expect(JSON.stringify(members.body)).not.toContain(peer.email);

    // Participants cannot change the schedule either.
    const session = (await sessionsOf(mine.id, me.accessToken))[0];
    const move = await api.http.patch(
      `/sessions/${session.id}`,
      { startsAt: '2027-12-01T00:00:00Z' },
      me.accessToken,
    );
    expect(move.status).toBe(403);

    // A therapist of the organization who does not facilitate the group does not see it.
    const colleague = await registerUser(api.http, 'colleague');
    await markEmailVerified(env, colleague.user.id);
    await joinOrganization(api.http, therapist.accessToken, orgId, colleague, 'therapist');
    expect((await api.http.get(`/groups/${mine.id}`, colleague.accessToken)).status).toBe(404);
  });

  it('records consent to the current group agreement only', async () => {
    await api.http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: 'What is said here stays here.' },
      therapist.accessToken,
    );
    const group = await createGroup();
    const person = await participant('consenting');
    await enroll(group.id, person.user.id);
    const outdated = await api.http.post(
      `/groups/${group.id}/consent`,
      { agreementVersion: 2 },
      person.accessToken,
    );
    expect(outdated.status).toBe(409);
    expect(outdated.body.code).toBe('agreement_outdated');
    const given = await api.http.post(
      `/groups/${group.id}/consent`,
      { agreementVersion: 1 },
      person.accessToken,
    );
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({
      groupId: group.id,
      agreementVersion: 1,
      consentedAt: expect.any(String),
    });
    const roster = (await api.http.get(`/groups/${group.id}/enrollments`, therapist.accessToken))
      .body.items;
    expect(roster[0]).toMatchObject({ userId: person.user.id, consentedVersion: 1 });
  });

  it("lists a participant's own groups with the next session, and shows members this week's module and the agreement", async () => {
    const seated = await createGroup({ name: 'Seated', capacity: 1 });
    const full = await createGroup({ name: 'Full', capacity: 1 });
    const elsewhere = await createGroup({ name: 'Elsewhere' });
    const person = await participant('Wren');
    const first = await participant('Ash');
    await enroll(seated.id, person.user.id);
    await enroll(full.id, first.user.id);
    expect((await enroll(full.id, person.user.id)).body.status).toBe('waitlisted');
    // A cancelled first session is skipped: session 2 is next, with its own module.
    const [one] = await sessionsOf(seated.id);
    await api.http.post(`/sessions/${one.id}/cancel`, {}, therapist.accessToken);

    const mine = await api.http.get('/me/groups', person.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        groupId: seated.id,
        name: 'Seated',
        status: 'active',
        nextSession: expect.objectContaining({
          sequence: 2,
          moduleTitle: moduleTitles[1],
          status: 'scheduled',
        }),
      },
      {
        groupId: full.id,
        name: 'Full',
        status: 'waitlisted',
        nextSession: expect.objectContaining({ sequence: 1, moduleTitle: moduleTitles[0] }),
      },
    ]);
    expect(JSON.stringify(mine.body)).not.toContain('Elsewhere');
    expect((await api.http.get('/me/groups', first.accessToken)).body.items).toHaveLength(1);

    const week = await api.http.get(`/groups/${seated.id}/current-module`, person.accessToken);
    expect(week.status).toBe(200);
    expect(week.body.session).toMatchObject({ sequence: 2, moduleTitle: moduleTitles[1] });
    expect(week.body.module.title).toBe(moduleTitles[1]);
    expect(week.body.module.goals.length).toBeGreaterThan(0);
    expect(week.body.module.homework.length).toBeGreaterThan(0);
    expect(Object.keys(week.body.module).sort()).toEqual([
      'goals',
      'homework',
      'materials',
      'title',
    ]);
    expect(facilitatorNotes.length).toBeGreaterThan(0);
    for (const note of facilitatorNotes) expect(JSON.stringify(week.body)).not.toContain(note);
    for (const path of ['current-module', 'agreement']) {
      const foreign = await api.http.get(`/groups/${elsewhere.id}/${path}`, person.accessToken);
      expect(foreign.status).toBe(404);
      expect(foreign.body.code).toBe('group_not_found');
    }

    await api.http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: 'We keep what others share private.' },
      therapist.accessToken,
    );
    const before = await api.http.get(`/groups/${seated.id}/agreement`, person.accessToken);
    expect(before.status).toBe(200);
    const { version } = before.body.agreement;
    expect(before.body).toEqual({
      agreement: { version, text: 'We keep what others share private.' },
      consentedVersion: null,
      consentedAt: null,
      consentRequired: true,
    });
    await api.http.post(
      `/groups/${seated.id}/consent`,
      { agreementVersion: version },
      person.accessToken,
    );
    const after = await api.http.get(`/groups/${seated.id}/agreement`, person.accessToken);
    expect(after.body).toMatchObject({
      consentedVersion: version,
      consentedAt: expect.any(String),
      consentRequired: false,
    });
    // A new version asks again.
    await api.http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: 'We keep what others share private, and we arrive on time.' },
      therapist.accessToken,
    );
    const changed = await api.http.get(`/groups/${seated.id}/agreement`, person.accessToken);
    expect(changed.body).toMatchObject({
      agreement: { version: version + 1 },
      consentedVersion: version,
      consentRequired: true,
    });
    // Facilitators read it, and are not asked.
    const staff = await api.http.get(`/groups/${seated.id}/agreement`, therapist.accessToken);
    expect(staff.body.consentRequired).toBe(false);
  });

  it('publishes an ICS feed with the right times, stable UIDs, cancellations and nobody else in it', async () => {
    const group = await createGroup({ name: 'Calendar group' });
    const reader = await participant('reader');
    const others = [await participant('SecretAliasOne'), await participant('SecretAliasTwo')];
    for (const p of [reader, ...others]) await enroll(group.id, p.user.id);
    const sessions = await sessionsOf(group.id);
    await api.http.post(
      `/sessions/${sessions[1].id}/cancel`,
      { reason: 'holiday' },
      therapist.accessToken,
    );

    const { url } = (await api.http.get('/me/calendar-feed', reader.accessToken)).body;
    expect(url).toMatch(/\/api\/v1\/calendar\/[\w.-]+\.ics$/);
    const fetchFeed = async () => {
      const response = await fetch(
        url.replace(/^https?:\/\/[^/]+/, api.http.baseUrl.replace('/api/v1', '')),
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/calendar');
      return response.text();
    };
    const text = await fetchFeed();
    const events = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(8);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    for (const session of sessions) {
      const event = byUid.get(`session-${session.id}@hearth`)!;
      expect(event.startDate.toJSDate().toISOString()).toBe(session.startsAt);
    }
    const cancelled = byUid.get(`session-${sessions[1].id}@hearth`)!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    for (const other of others) {
      expect(text).not.toContain(other.email);
      expect(text).not.toContain(other.email.split('.')[0]);
    }
    expect(text).not.toContain(therapist.email);

    // A reschedule keeps the UID and raises SEQUENCE, so calendar clients update the event.
    const sequenceBefore = byUid.get(`session-${sessions[2].id}@hearth`)!.sequence;
    await api.http.patch(
      `/sessions/${sessions[2].id}`,
      { startsAt: '2027-11-03T23:00:00.000Z' },
      therapist.accessToken,
    );
    const updated = new ICAL.Component(ICAL.parse(await fetchFeed()))
      .getAllSubcomponents('vevent')
      .map((component) => new ICAL.Event(component))
      .find((e) => e.uid === `session-${sessions[2].id}@hearth`)!;
    expect(updated.sequence).toBe(sequenceBefore + 1);
    expect(updated.startDate.toJSDate().toISOString()).toBe('2027-11-03T23:00:00.000Z');

    const forged = await fetch(`${api.http.baseUrl}/calendar/${reader.user.id}.forged.ics`);
    expect(forged.status).toBe(404);
  });

  it('lists the groups a therapist facilitates, and every group to managers, page by page', async () => {
    const owner = await registerUser(api.http, 'list-owner');
    const listOrg = (await api.http.post('/organizations', { name: 'Lists' }, owner.accessToken))
      .body.id as string;
    const listVersion = (
      await api.http.post(
        `/organizations/${listOrg}/curricula`,
        { templateKey: 'cbt-depression-8' },
        owner.accessToken,
      )
    ).body.currentVersionId as string;
    const lead = await registerUser(api.http, 'list-lead');
    const helper = await registerUser(api.http, 'list-helper');
    for (const person of [lead, helper]) {
      await markEmailVerified(env, person.user.id);
      await joinOrganization(api.http, owner.accessToken, listOrg, person, 'therapist');
    }
    const open = async (name: string, token: string, extra: Record<string, unknown> = {}) => {
      const response = await api.http.post(
        `/organizations/${listOrg}/groups`,
        {
          name,
          curriculumVersionId: listVersion,
          timezone: 'Asia/Dhaka',
          firstSessionDate: '2027-11-02',
          startTime: '18:00',
          durationMinutes: 60,
          capacity: 1,
          lobbyEnabled: true,
          ...extra,
        },
        token,
      );
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const led = await open('Led by lead', lead.accessToken);
    const cofacilitated = await open('Co-facilitated', owner.accessToken, {
      coFacilitatorIds: [lead.user.id],
    });
    await open("The helper's", helper.accessToken);
    const seated = await registerUser(api.http, 'list-seated');
    const queued = await registerUser(api.http, 'list-queued');
    for (const person of [seated, queued]) {
      await markEmailVerified(env, person.user.id);
      await joinOrganization(api.http, owner.accessToken, listOrg, person, 'participant');
      await api.http.post(
        `/groups/${led}/enrollments`,
        { userId: person.user.id },
        lead.accessToken,
      );
    }

    const mine = await api.http.get(`/organizations/${listOrg}/groups`, lead.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((g: { id: string }) => g.id)).toEqual([led, cofacilitated]);
    expect(mine.body.items[0]).toMatchObject({
      name: 'Led by lead',
      timezone: 'Asia/Dhaka',
      startTime: '18:00',
      capacity: 1,
      enrolled: 1,
      waitlisted: 1,
      nextSessionAt: '2027-11-02T12:00:00.000Z',
    });
    expect(mine.body.nextCursor).toBeUndefined();

    const first = await api.http.get(`/organizations/${listOrg}/groups?limit=2`, owner.accessToken);
    expect(first.body.items).toHaveLength(2);
    const rest = await api.http.get(
      `/organizations/${listOrg}/groups?limit=2&cursor=${first.body.nextCursor}`,
      owner.accessToken,
    );
    expect([...first.body.items, ...rest.body.items].map((g: { name: string }) => g.name)).toEqual([
      'Led by lead',
      'Co-facilitated',
      "The helper's",
    ]);
    expect(rest.body.nextCursor).toBeUndefined();

    expect(
      (await api.http.get(`/organizations/${listOrg}/groups`, seated.accessToken)).status,
    ).toBe(403);
    expect((await api.http.get(`/organizations/${orgId}/groups`, lead.accessToken)).status).toBe(
      404,
    );
  });

  it("gives a session's facilitators its module with notes, and nobody else", async () => {
    const group = await createGroup({ name: 'Agenda' });
    const [, second] = await sessionsOf(group.id);
    const agenda = await api.http.get(`/sessions/${second.id}/agenda`, therapist.accessToken);
    expect(agenda.status).toBe(200);
    expect(agenda.body).toMatchObject({ sessionId: second.id, moduleIndex: 1 });
    expect(agenda.body.module.title).toBe(moduleTitles[1]);
    expect(agenda.body.module.agenda.length).toBeGreaterThan(0);
    expect(agenda.body.module.agenda[0].minutes).toBeGreaterThan(0);
    expect(
      agenda.body.module.agenda.some(
        (item: { facilitatorNotes?: string }) => item.facilitatorNotes,
      ),
    ).toBe(true);

    const member = await participant('agenda-member');
    await enroll(group.id, member.user.id);
    const refused = await api.http.get(`/sessions/${second.id}/agenda`, member.accessToken);
    expect(refused.status).toBe(403);
    const stranger = await registerUser(api.http, 'agenda-stranger');
    const hidden = await api.http.get(`/sessions/${second.id}/agenda`, stranger.accessToken);
    expect(hidden.status).toBe(404);
  });
});
