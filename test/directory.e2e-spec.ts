import pg from 'pg';
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
import { joinOrganization } from './support/members.js';
import { TestSmtpServer } from './support/smtp.js';

type User = Awaited<ReturnType<typeof registerUser>>;

const GROUP_NAME = 'Postpartum Thursday circle';
const TOPIC = 'postpartum';

/** A date `days` from now, YYYY-MM-DD (UTC). */
const inDays = (days: number) =>
  new Date(Date.now() + days * 24 * 3_600_000).toISOString().slice(0, 10);

/**
 * Issue 15, the public directory: groups open to requests are listed without an account and
 * without anything about the people in them; a request is approved into the group (or waitlisted,
 * or declined with a kind message) and the person is told without the group being named.
 */
describe('Directory and join requests (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;
  let worker: RunningWorker;
  let smtp: TestSmtpServer;
  let db: pg.Client;
  let owner: User;
  let therapist: User;
  let peer: User;
  let member: User;
  let orgId: string;
  let otherOrgId: string;
  let groupId: string;
  let closedGroupId: string;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
    env = await createTestEnvironment('directory', {
      env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://hearth.example.org' },
    });
    api = await startApi(env.config);
    worker = await startWorker(env.config);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();

    owner = await registerUser(api.http, 'Tamsin');
    await markEmailVerified(env, owner.user.id);
    orgId = (await api.http.post('/organizations', { name: 'Dhaka Care' }, owner.accessToken)).body
      .id;
    await api.http.patch(
      `/organizations/${orgId}`,
      { groupAgreement: 'What is said here stays here.' },
      owner.accessToken,
    );
    therapist = await registerUser(api.http, 'Rumana');
    peer = await registerUser(api.http, 'Lintang');
    for (const [person, role] of [
      [therapist, 'therapist'],
      [peer, 'peer_supporter'],
    ] as const) {
      await markEmailVerified(env, person.user.id);
      await joinOrganization(api.http, owner.accessToken, orgId, person, role);
    }
    await api.http.patch('/me', { legalName: 'Rumana Begum Legal' }, therapist.accessToken);

    const created = await api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: GROUP_NAME,
        description: 'A weekly support group for new mothers.',
        tags: [TOPIC, 'anxiety'],
        kind: 'support',
        language: 'bn',
        timezone: 'Asia/Dhaka',
        firstSessionDate: inDays(3),
        startTime: '19:00',
        durationMinutes: 60,
        capacity: 2,
        lobbyEnabled: false,
        leadFacilitatorId: therapist.user.id,
        coFacilitatorIds: [peer.user.id],
      },
      owner.accessToken,
    );
    expect(created.status).toBe(201);
    groupId = created.body.id;
    member = await registerUser(api.http, 'Anaquill');
    await markEmailVerified(env, member.user.id);
    await api.http.patch('/me', { legalName: 'Ana Quill Legal' }, member.accessToken);
    await joinOrganization(api.http, owner.accessToken, orgId, member, 'participant');
    const seated = await api.http.post(
      `/groups/${groupId}/enrollments`,
      { userId: member.user.id },
      therapist.accessToken,
    );
    expect(seated.status).toBe(201);

    closedGroupId = (
      await api.http.post(
        `/organizations/${orgId}/groups`,
        {
          name: 'Closed grief group',
          tags: ['grief'],
          kind: 'support',
          timezone: 'Asia/Dhaka',
          firstSessionDate: inDays(4),
          startTime: '10:00',
          durationMinutes: 60,
          capacity: 8,
          lobbyEnabled: false,
        },
        owner.accessToken,
      )
    ).body.id;

    const stranger = await registerUser(api.http, 'stranger');
    otherOrgId = (
      await api.http.post('/organizations', { name: 'Elsewhere' }, stranger.accessToken)
    ).body.id;
  });

  afterAll(async () => {
    await db?.end();
    await worker?.app.close();
    await api?.close();
    await env?.close();
    await smtp?.stop();
  });

  const directory = (org = orgId) => api.http.get(`/organizations/${org}/directory`);
  const list = (token: string) => api.http.get(`/groups/${groupId}/join-requests`, token);
  const ask = (user: User, body: Record<string, unknown> = {}, language = 'en') =>
    api.http.request('POST', `/groups/${groupId}/join-requests`, {
      body: { agreement: true, ...body },
      token: user.accessToken,
      headers: { 'accept-language': language },
    });
  const newcomer = async (name: string) => {
    const user = await registerUser(api.http, name);
    await markEmailVerified(env, user.user.id);
    return user;
  };

  it('lists a group only once its facilitators open it to requests', async () => {
    const before = await directory();
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      organizationId: orgId,
      organizationName: 'Dhaka Care',
      items: [],
    });
    // Only the group's facilitators list it: a member is refused, a stranger does not see it.
    const byMember = await api.http.put(
      `/groups/${groupId}/listing`,
      { openToRequests: true },
      member.accessToken,
    );
    expect(byMember.status).toBe(403);
    const listed = await api.http.put(
      `/groups/${groupId}/listing`,
      { openToRequests: true, screening: 'phq2' },
      therapist.accessToken,
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ groupId, openToRequests: true, screening: 'phq2' });
    const bad = await api.http.put(
      `/groups/${groupId}/listing`,
      { openToRequests: true, screening: 'phq9' },
      therapist.accessToken,
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('screening');
  });

  it('shows the group with tags, language and schedule, and nothing about its people', async () => {
    const answer = await directory();
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(1);
    const [group] = answer.body.items;
    expect(group).toMatchObject({
      id: groupId,
      name: GROUP_NAME,
      tags: [TOPIC, 'anxiety'],
      kind: 'support',
      language: 'bn',
      seatsLeft: 1,
      full: false,
      screening: 'phq2',
      schedule: {
        timezone: 'Asia/Dhaka',
        startTime: '19:00',
        durationMinutes: 60,
        // A support group goes on until ended: no count of meetings left.
        openEnded: true,
        sessionsLeft: null,
      },
    });
    expect(group.schedule.nextSessions.length).toBeGreaterThanOrEqual(2);
    // 19:00 in Dhaka (UTC+6) is 13:00 UTC, a week apart.
    expect(group.schedule.nextSessions[0]).toMatch(/T13:00:00/);
    const weekday = new Date(group.schedule.nextSessions[0]).getUTCDay() || 7;
    expect(group.schedule.weekday).toBe(weekday);

    const text = JSON.stringify(answer.body);
    for (const secret of [
      member.user.id,
      member.email,
      'Anaquill',
      'Ana Quill Legal',
      therapist.user.id,
      therapist.email,
      'Rumana',
      peer.user.id,
      peer.email,
      'Lintang',
      owner.user.id,
      owner.email,
      'Tamsin',
    ]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
    // The closed group is absent; another organization's directory does not show this one.
    expect(text).not.toContain(closedGroupId);
    const other = await directory(otherOrgId);
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    expect((await api.http.get(`/organizations/${otherOrgId}/directory/${groupId}`)).status).toBe(
      404,
    );
    expect((await api.http.get(`/organizations/${orgId}/directory/${closedGroupId}`)).status).toBe(
      404,
    );
    expect(
      (await api.http.get('/organizations/00000000-0000-4000-8000-000000000000/directory')).status,
    ).toBe(404);
    // Ids that are not ids are bad input, named, never a 500.
    for (const [path, field] of [
      ['/organizations/not-an-id/directory', 'orgId'],
      [`/organizations/${orgId}/directory/not-an-id`, 'groupId'],
    ]) {
      const bad = await api.http.get(path);
      expect([path, bad.status]).toEqual([path, 400]);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }

    // One listing, with the agreement and the screening's questions in the visitor's language.
    const one = await api.http.request('GET', `/organizations/${orgId}/directory/${groupId}`, {
      headers: { 'accept-language': 'id' },
    });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      id: groupId,
      agreement: 'What is said here stays here.',
      screeningQuestions: { instrument: 'phq2', title: 'PHQ-2' },
    });
    expect(one.body.screeningQuestions.items).toHaveLength(2);
    expect(one.body.screeningQuestions.options[0].label).toBe('Tidak sama sekali');
    const oneText = JSON.stringify(one.body);
    for (const secret of [member.user.id, 'Anaquill', therapist.user.id, 'Rumana', 'Lintang']) {
      expect(oneText).not.toContain(secret);
    }
  });

  it('approves a request into the group and tells the person without naming it', async () => {
    const ana = await newcomer('Bayu');
    expect((await ask(ana, { agreement: false })).status).toBe(400);
    const asked = await ask(ana, {
      note: 'I had my baby in March.',
      screening: { instrument: 'phq2', answers: [2, 3] },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ groupId, status: 'pending', groupName: GROUP_NAME });
    // One open request per person and group.
    expect((await ask(ana)).status).toBe(409);
    // The facilitators are told that someone asked, naming nobody.
    const told = await db.query(
      `SELECT user_id, title, body, link FROM notifications WHERE kind = 'join_request'`,
    );
    // Each leads to the group's requests, where the facilitators answer.
    expect(told.rows.map((r) => r.link)).toEqual([
      `/groups/${groupId}/requests`,
      `/groups/${groupId}/requests`,
    ]);
    expect(told.rows.map((r) => r.user_id).sort()).toEqual(
      [therapist.user.id, peer.user.id].sort(),
    );
    for (const row of told.rows) {
      expect(`${row.title} ${row.body}`).not.toMatch(/Bayu|postpartum|Thursday/i);
      // In English like every staff notice, though the group meets in Bengali.
      expect(row).toMatchObject({
        title: 'Someone asked to join your group',
        body: "Open the group's requests to answer.",
      });
    }

    // A member, a peer supporter of another group or a stranger cannot approve.
    const stranger = await newcomer('Stranger');
    expect(
      (await api.http.post(`/join-requests/${asked.body.id}/approve`, {}, stranger.accessToken))
        .status,
    ).toBe(404);
    expect(
      (await api.http.post(`/join-requests/${asked.body.id}/approve`, {}, member.accessToken))
        .status,
    ).toBe(403);
    expect((await list(member.accessToken)).status).toBe(403);

    // Two clicks at once seat the person once.
    const approvals = await Promise.all([
      api.http.post(`/join-requests/${asked.body.id}/approve`, {}, therapist.accessToken),
      api.http.post(`/join-requests/${asked.body.id}/approve`, {}, therapist.accessToken),
    ]);
    expect(approvals.map((a) => a.status).sort()).toContain(200);
    for (const approval of approvals) expect([200, 409]).toContain(approval.status);
    expect(approvals.find((a) => a.status === 200)!.body).toMatchObject({ status: 'approved' });
    const seats = await db.query(
      `SELECT status FROM enrollments WHERE group_id = $1 AND user_id = $2`,
      [groupId, ana.user.id],
    );
    expect(seats.rows).toEqual([{ status: 'active' }]);
    const membership = await db.query(
      `SELECT role FROM memberships WHERE organization_id = $1 AND user_id = $2`,
      [orgId, ana.user.id],
    );
    expect(membership.rows).toEqual([{ role: 'participant' }]);
    const consent = await db.query(
      `SELECT agreement_version FROM group_consents WHERE group_id = $1 AND user_id = $2`,
      [groupId, ana.user.id],
    );
    expect(consent.rows).toHaveLength(1);
    const mine = await api.http.get('/me/groups', ana.accessToken);
    expect(JSON.stringify(mine.body)).toContain(groupId);
    // Approving again is an illegal transition.
    const again = await api.http.post(
      `/join-requests/${asked.body.id}/approve`,
      {},
      therapist.accessToken,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('illegal_join_request_transition');

    // Told in the app and by e-mail; neither names the group or its topic.
    const notice = await db.query(
      `SELECT title, body, link FROM notifications
       WHERE user_id = $1 AND kind = 'join_request_answer'`,
      [ana.user.id],
    );
    expect(notice.rows).toHaveLength(1);
    expect(notice.rows[0].link).toBe('/me/requests');
    expect(JSON.stringify(notice.rows)).not.toMatch(/postpartum|Thursday|circle/i);
    const mail = await smtp.waitFor(
      (m) => m.envelopeTo.includes(ana.email.toLowerCase()) && !!m.text?.includes('/me/requests'),
    );
    expect(mail.subject).toBe('Your request to join a group on Hearth has an answer');
    expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toMatch(/postpartum|Thursday|circle/i);
    expect(mail.text).toContain('https://hearth.example.org/me/requests');
    expect((await api.http.get('/me/join-requests', ana.accessToken)).body.items).toMatchObject([
      { id: asked.body.id, status: 'approved', groupName: GROUP_NAME },
    ]);
  });

  it('hides the screening score from a peer supporter and audits a clinician reading it', async () => {
    const byPeer = await list(peer.accessToken);
    expect(byPeer.status).toBe(200);
    const screened = byPeer.body.items.find((r: { screening: unknown }) => r.screening);
    expect(screened.screening).toEqual({ instrument: 'phq2', answered: true });
    expect(JSON.stringify(byPeer.body)).not.toMatch(/"score"|"answers"/);
    const auditRows = () =>
      db.query(`SELECT actor_id FROM audit_log WHERE resource_type = 'join_request_screening'`);
    expect((await auditRows()).rows).toEqual([]);

    const byTherapist = await list(therapist.accessToken);
    const seen = byTherapist.body.items.find((r: { screening: unknown }) => r.screening);
    expect(seen.screening).toEqual({
      instrument: 'phq2',
      answered: true,
      score: 5,
      answers: [2, 3],
    });
    expect((await auditRows()).rows).toEqual([{ actor_id: therapist.user.id }]);
  });

  it('waitlists a request once the group is full', async () => {
    const full = await newcomer('Citra');
    const asked = await ask(full);
    expect(asked.status).toBe(201);
    expect((await list(therapist.accessToken)).body.full).toBe(true);
    const approved = await api.http.post(
      `/join-requests/${asked.body.id}/approve`,
      {},
      therapist.accessToken,
    );
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('waitlisted');
    const seats = await db.query(
      `SELECT status FROM enrollments WHERE group_id = $1 AND user_id = $2`,
      [groupId, full.user.id],
    );
    expect(seats.rows).toEqual([{ status: 'waitlisted' }]);
    expect((await directory()).body.items[0]).toMatchObject({ seatsLeft: 0, full: true });
  });

  it('declines with a kind message in the person’s language, and a withdrawn request stays so', async () => {
    const dewi = await newcomer('Dewi');
    const asked = await ask(dewi, {}, 'id-ID');
    const declined = await api.http.post(
      `/join-requests/${asked.body.id}/decline`,
      {},
      therapist.accessToken,
    );
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('declined');
    expect(declined.body.message).toMatch(/^Terima kasih/);
    const mine = await api.http.get('/me/join-requests', dewi.accessToken);
    expect(mine.body.items[0]).toMatchObject({
      status: 'declined',
      message: declined.body.message,
    });
    const mail = await smtp.waitFor(
      (m) => m.envelopeTo.includes(dewi.email.toLowerCase()) && !!m.text?.includes('/me/requests'),
    );
    expect(`${mail.subject} ${mail.text}`).not.toMatch(/postpartum|Thursday|circle/i);
    // Withdrawing what was answered is an illegal transition; a pending one can be withdrawn once.
    expect(
      (
        await api.http.request('DELETE', `/join-requests/${asked.body.id}`, {
          token: dewi.accessToken,
        })
      ).status,
    ).toBe(409);

    const eko = await newcomer('Eko');
    const second = await ask(eko, { note: 'Evenings suit me.' });
    const custom = 'We are full of people from your area; please try the Monday group.';
    expect(
      (
        await api.http.request('DELETE', `/join-requests/${second.body.id}`, {
          token: dewi.accessToken,
        })
      ).status,
    ).toBe(404);
    const withdrawn = await api.http.request('DELETE', `/join-requests/${second.body.id}`, {
      token: eko.accessToken,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const late = await api.http.post(
      `/join-requests/${second.body.id}/decline`,
      { message: custom },
      therapist.accessToken,
    );
    expect(late.status).toBe(409);

    const third = await ask(eko);
    expect(third.status).toBe(201);
    const kind = await api.http.post(
      `/join-requests/${third.body.id}/decline`,
      { message: custom },
      therapist.accessToken,
    );
    expect(kind.body.message).toBe(custom);

    // Declined, a person may ask again later, not at once (the queue is not theirs to refill).
    const soon = await ask(dewi);
    expect(soon.status).toBe(409);
    expect(soon.body.code).toBe('join_request_declined_recently');
    await db.query(
      `UPDATE join_requests SET decided_at = now() - interval '31 days' WHERE id = $1`,
      [asked.body.id],
    );
    expect((await ask(dewi)).status).toBe(201);
  });

  it('never seats a person whose request was withdrawn, nor one already in the group', async () => {
    const inGroup = await ask(member);
    expect(inGroup.status).toBe(409);
    expect(inGroup.body.code).toBe('already_in_group');

    const gone = await newcomer('Ira');
    const asked = await ask(gone);
    await api.http.request('DELETE', `/join-requests/${asked.body.id}`, {
      token: gone.accessToken,
    });
    const late = await api.http.post(
      `/join-requests/${asked.body.id}/approve`,
      {},
      therapist.accessToken,
    );
    expect(late.status).toBe(409);
    // Withdrawing and approving at once: whichever comes first, a seat only with an approval.
    for (let round = 0; round < 4; round += 1) {
      const again = await ask(gone);
      expect(again.status).toBe(201);
      await Promise.all([
        api.http.request('DELETE', `/join-requests/${again.body.id}`, { token: gone.accessToken }),
        api.http.post(`/join-requests/${again.body.id}/approve`, {}, therapist.accessToken),
      ]);
      const request = await db.query('SELECT status FROM join_requests WHERE id = $1', [
        again.body.id,
      ]);
      const seat = await db.query(
        `SELECT status FROM enrollments WHERE group_id = $1 AND user_id = $2 AND status <> 'withdrawn'`,
        [groupId, gone.user.id],
      );
      if (request.rows[0].status === 'withdrawn') {
        expect(seat.rows).toEqual([]);
      } else {
        expect(request.rows[0].status).toBe('waitlisted'); // the group is full
        expect(seat.rows).toEqual([{ status: 'waitlisted' }]);
        break;
      }
    }
    const pending = await db.query(
      'SELECT count(*)::int AS n FROM join_requests WHERE user_id = $1 AND status = $2',
      [gone.user.id, 'pending'],
    );
    expect(pending.rows[0].n).toBe(0);
  });

  it('lets a person into a drop-in group at once while a seat is free', async () => {
    const dropIn = await api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Saturday drop-in',
        tags: ['seasonal'],
        kind: 'drop_in',
        timezone: 'Asia/Dhaka',
        firstSessionDate: inDays(5),
        startTime: '11:00',
        durationMinutes: 60,
        capacity: 1,
        lobbyEnabled: false,
        leadFacilitatorId: therapist.user.id,
      },
      owner.accessToken,
    );
    expect(dropIn.status).toBe(201);
    const id = dropIn.body.id as string;
    await api.http.put(`/groups/${id}/listing`, { openToRequests: true }, therapist.accessToken);
    const askDropIn = (user: User) =>
      api.http.post(`/groups/${id}/join-requests`, { agreement: true }, user.accessToken);
    const first = await newcomer('Gita');
    const admitted = await askDropIn(first);
    expect(admitted.status).toBe(201);
    expect(admitted.body.status).toBe('approved');
    const seat = await db.query(
      'SELECT status FROM enrollments WHERE group_id = $1 AND user_id = $2',
      [id, first.user.id],
    );
    expect(seat.rows).toEqual([{ status: 'active' }]);
    // Full now: the next one waits for a facilitator.
    const second = await newcomer('Hana');
    expect((await askDropIn(second)).body.status).toBe('pending');

    // Ended, it leaves the directory and takes no more requests.
    expect((await api.http.post(`/groups/${id}/end`, {}, therapist.accessToken)).status).toBe(200);
    expect(JSON.stringify((await directory()).body)).not.toContain(id);
    expect((await api.http.get(`/organizations/${orgId}/directory/${id}`)).status).toBe(404);
    expect((await askDropIn(await newcomer('Indah'))).status).toBe(404);
  });

  it('shows how many meetings a curriculum group has left', async () => {
    const versionId = (
      await api.http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: 'cbt-depression-8' },
        owner.accessToken,
      )
    ).body.currentVersionId as string;
    const course = await api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Eight weeks of CBT',
        curriculumVersionId: versionId,
        timezone: 'Asia/Dhaka',
        firstSessionDate: inDays(6),
        startTime: '18:00',
        durationMinutes: 90,
        capacity: 10,
        lobbyEnabled: false,
        leadFacilitatorId: therapist.user.id,
      },
      owner.accessToken,
    );
    expect(course.status).toBe(201);
    await api.http.put(
      `/groups/${course.body.id}/listing`,
      { openToRequests: true },
      therapist.accessToken,
    );
    const listed = (await directory()).body.items.find(
      (item: { id: string }) => item.id === course.body.id,
    );
    expect(listed).toMatchObject({
      kind: 'curriculum',
      seatsLeft: 10,
      schedule: { openEnded: false, sessionsLeft: 8, startTime: '18:00' },
    });
  });

  it('exports and erases a person’s requests with their account', async () => {
    const fay = await newcomer('Fay');
    await ask(fay, { note: 'My own words.' });
    const exported = await api.http.get('/me/export', fay.accessToken);
    expect(exported.status).toBe(200);
    expect(exported.body.sections.joinRequests.requests).toMatchObject([
      { note: 'My own words.', status: 'pending' },
    ]);
    const erased = await api.http.request('DELETE', '/me', {
      body: { password: fay.password },
      token: fay.accessToken,
    });
    expect(erased.status).toBeLessThan(300);
    const left = await db.query('SELECT 1 FROM join_requests WHERE user_id = $1', [fay.user.id]);
    expect(left.rows).toEqual([]);
  });
});
