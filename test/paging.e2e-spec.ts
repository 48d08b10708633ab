import pg from 'pg';
import { type Deployment, startDeployment } from './support/deployment.js';
import {
  enrolledParticipant,
  groupStartingIn,
  organizationWithCurriculum,
  type TestUser,
} from './support/groups.js';
import { markEmailVerified, registerUser, uniqueEmail } from './support/hearth.js';

type Item = Record<string, any>;

interface ListRoute {
  name: string;
  path: () => string;
  headers: () => Record<string, string>;
  count: () => number;
  /** Whether `a` may come before `b` in the list's order. */
  inOrder: (a: Item, b: Item) => boolean;
  id: (item: Item) => string;
}

const ms = (instant: string) => Date.parse(instant);

describe('Paged lists (e2e)', () => {
  let deployment: Deployment;
  let owner: TestUser;
  let orgId: string;
  let groupId: string;
  let sessionId: string;
  let webinarId: string;
  let invitee: TestUser;
  const keys: string[] = [];

  const get = (path: string, headers: Record<string, string>) =>
    deployment.api.http.request('GET', path, { headers });

  beforeAll(async () => {
    deployment = await startDeployment('paging', { worker: false });
    const { http } = deployment.api;
    owner = await registerUser(http, 'Owner');
    let versionId: string;
    ({ orgId, versionId } = await organizationWithCurriculum(http, owner, 'Paging clinic'));
    await http.patch(`/organizations/${orgId}`, { groupAgreement: 'Be kind.' }, owner.accessToken);
    for (const template of ['mbct-8', 'cbt-depression-8', 'mbct-8', 'cbt-depression-8']) {
      await http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: template },
        owner.accessToken,
      );
    }

    // Capacity 3: three active members, then two on the waitlist.
    const group = await groupStartingIn(http, owner, orgId, versionId, 5, {
      capacity: 3,
      lobbyEnabled: true,
    });
    groupId = group.groupId;
    sessionId = group.sessions[0].id;
    const people: TestUser[] = [];
    for (const name of ['Pia', 'Kai', 'Mei', 'Ben', 'Ola']) {
      people.push(await enrolledParticipant(deployment.env, http, owner, orgId, groupId, name));
    }
    for (const member of people.slice(0, 3)) {
      await http.post(`/groups/${groupId}/consent`, { agreementVersion: 1 }, member.accessToken);
      const joined = await http.post(`/sessions/${sessionId}/join`, {}, member.accessToken);
      expect(joined.status).toBe(202);
    }

    // No route creates notifications on demand; several share an instant, to the microsecond.
    const db = new pg.Client({ connectionString: deployment.env.database.url });
    await db.connect();
    try {
      await db.query(
        `INSERT INTO notifications (user_id, kind, title, body, created_at)
         SELECT $1, 'test', 'Notice ' || i, 'Body', timestamptz '2026-01-01 10:00:00.123456+00' + (i / 3) * interval '1 second'
         FROM generate_series(1, 60) AS i`,
        [owner.user.id],
      );
    } finally {
      await db.end();
    }

    const webinar = await http.post(
      `/organizations/${orgId}/webinars`,
      {
        title: 'Paging talk',
        description: 'Many questions',
        startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        capacity: 100,
        qaModeration: false,
      },
      owner.accessToken,
    );
    webinarId = webinar.body.id;
    const questionIds: string[] = [];
    for (let i = 0; i < 55; i++) {
      const registered = await http.post(`/webinars/${webinarId}/registrations`, {
        displayName: `Listener ${i}`,
        email: uniqueEmail('listener'),
      });
      keys.push(registered.body.accessKey);
      const asked = await http.request('POST', `/webinars/${webinarId}/questions`, {
        body: { text: `Question ${i}` },
        headers: { 'x-access-key': registered.body.accessKey },
      });
      questionIds.push(asked.body.id);
    }
    // Later questions with more votes come first: the order is not the order of asking.
    const votes: [number, number[]][] = [
      [40, [1, 2, 3, 4, 5]],
      [7, [1, 2, 3]],
      [20, [1, 2, 3]],
      [3, [9]],
    ];
    for (const [question, voters] of votes) {
      for (const voter of voters) {
        await http.request(
          'POST',
          `/webinars/${webinarId}/questions/${questionIds[question]}/upvote`,
          {
            headers: { 'x-access-key': keys[voter] },
          },
        );
      }
    }

    // Invited by five organizations: their open invitations are a list of their own.
    invitee = await registerUser(http, 'Invitee');
    await markEmailVerified(deployment.env, invitee.user.id);
    for (let i = 0; i < 5; i++) {
      const other = (await http.post('/organizations', { name: `Inviter ${i}` }, owner.accessToken))
        .body.id;
      await http.post(
        `/organizations/${other}/invitations`,
        { email: invitee.email, role: 'participant' },
        owner.accessToken,
      );
    }
  }, 120_000);

  afterAll(async () => {
    await deployment?.close();
  });

  // Every list as the organization's owner sees it (owner, lead facilitator and webinar host).
  const ROUTES: ListRoute[] = (
    [
      {
        name: 'GET /organizations/:orgId/curricula',
        path: () => `/organizations/${orgId}/curricula`,
        count: () => 5,
        inOrder: (a, b) => ms(a.createdAt) <= ms(b.createdAt),
        id: (c) => c.id,
      },
      {
        name: 'GET /organizations/:orgId/members',
        path: () => `/organizations/${orgId}/members`,
        count: () => 6,
        inOrder: (a, b) => ms(a.joinedAt) <= ms(b.joinedAt),
        id: (m) => m.userId,
      },
      {
        name: 'GET /groups/:groupId/sessions',
        path: () => `/groups/${groupId}/sessions`,
        count: () => 8,
        inOrder: (a, b) => ms(a.startsAt) <= ms(b.startsAt),
        id: (s) => s.id,
      },
      {
        name: 'GET /groups/:groupId/enrollments',
        path: () => `/groups/${groupId}/enrollments`,
        count: () => 5,
        inOrder: (a, b) =>
          a.status === b.status ? ms(a.queuedAt) <= ms(b.queuedAt) : a.status === 'active',
        id: (e) => e.id,
      },
      {
        name: 'GET /groups/:groupId/members',
        path: () => `/groups/${groupId}/members`,
        count: () => 3,
        inOrder: (a, b) => a.displayName <= b.displayName,
        id: (m) => m.userId,
      },
      {
        name: 'GET /me/sessions',
        path: () => '/me/sessions',
        count: () => 8,
        inOrder: (a, b) => ms(a.startsAt) <= ms(b.startsAt),
        id: (s) => s.id,
      },
      {
        name: 'GET /sessions/:sessionId/lobby',
        path: () => `/sessions/${sessionId}/lobby`,
        count: () => 3,
        inOrder: (a, b) => ms(a.waitingSince) <= ms(b.waitingSince),
        id: (l) => l.id,
      },
      {
        name: 'GET /sessions/:sessionId/attendance',
        path: () => `/sessions/${sessionId}/attendance`,
        // The three active members and the lead facilitator; the waitlisted are not in it.
        count: () => 4,
        inOrder: (a, b) => a.displayName <= b.displayName,
        id: (a) => a.userId,
      },
      {
        name: 'GET /me/notifications',
        path: () => '/me/notifications',
        count: () => 60,
        inOrder: (a, b) => ms(a.createdAt) >= ms(b.createdAt),
        id: (n) => n.id,
      },
      {
        name: 'GET /webinars/:webinarId/registrations',
        path: () => `/webinars/${webinarId}/registrations`,
        count: () => 55,
        inOrder: (a, b) => ms(a.createdAt) <= ms(b.createdAt),
        id: (r) => r.id,
      },
      {
        name: 'GET /webinars/:webinarId/attendance',
        path: () => `/webinars/${webinarId}/attendance`,
        count: () => 55,
        inOrder: (a, b) => ms(a.registeredAt) <= ms(b.registeredAt),
        id: (r) => r.registrationId,
      },
      {
        name: 'GET /webinars/:webinarId/questions',
        path: () => `/webinars/${webinarId}/questions`,
        count: () => 55,
        inOrder: (a, b) =>
          a.votes === b.votes ? ms(a.createdAt) <= ms(b.createdAt) : a.votes > b.votes,
        id: (q) => q.id,
      },
    ] as Omit<ListRoute, 'headers'>[]
  )
    .map((route) => ({
      ...route,
      headers: () => ({ authorization: `Bearer ${owner.accessToken}` }),
    }))
    .concat({
      name: 'GET /me/invitations',
      path: () => '/me/invitations',
      headers: () => ({ authorization: `Bearer ${invitee.accessToken}` }),
      count: () => 5,
      inOrder: (a, b) => ms(a.expiresAt) <= ms(b.expiresAt),
      id: (i) => i.id,
    });

  /** Follows `nextCursor` from the first page to the last. */
  async function walk(route: ListRoute, limit: number) {
    const items: Item[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await get(`${route.path()}${query}`, route.headers());
      expect(page.status).toBe(200);
      pages++;
      if (page.body.nextCursor !== undefined) expect(page.body.items).toHaveLength(limit);
      else expect(page.body).not.toHaveProperty('nextCursor');
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor && pages < 100);
    return { items, pages };
  }

  describe.each(ROUTES.map((route) => [route.name, route] as const))('%s', (_name, route) => {
    it('answers every row exactly once, in the list order, across pages of 2', async () => {
      const { items, pages } = await walk(route, 2);
      expect(items).toHaveLength(route.count());
      expect(pages).toBe(Math.ceil(route.count() / 2));
      expect(new Set(items.map(route.id)).size).toBe(route.count());
      for (let i = 1; i < items.length; i++) {
        expect([i, route.inOrder(items[i - 1], items[i])]).toEqual([i, true]);
      }
      const whole = await get(`${route.path()}?limit=200`, route.headers());
      expect(whole.body).not.toHaveProperty('nextCursor');
      expect(whole.body.items).toEqual(items);
    });

    it('defaults to 50 and refuses a limit outside 1..200, naming limit', async () => {
      const first = await get(route.path(), route.headers());
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(Math.min(route.count(), 50));
      expect(first.body.nextCursor !== undefined).toBe(route.count() > 50);
      for (const limit of ['201', '0', '-1', '2.5', 'ten']) {
        const refused = await get(`${route.path()}?limit=${limit}`, route.headers());
        expect([limit, refused.status, refused.body.code]).toEqual([
          limit,
          400,
          'validation_failed',
        ]);
        expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('limit');
      }
    });

    it('refuses a malformed or tampered cursor with 400 naming cursor', async () => {
      const real = (await get(`${route.path()}?limit=1`, route.headers())).body
        .nextCursor as string;
      const values = JSON.parse(Buffer.from(real, 'base64url').toString()) as unknown[];
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const bad = [
        'not a cursor!',
        'Zm9v',
        'A'.repeat(201),
        encode(values.slice(1)),
        encode(values.map(() => 'x')),
        encode(values.map(() => null)),
        encode(values.map((v) => (typeof v === 'string' ? `${v}'; --` : 2 ** 40))),
        encode({ values }),
      ];
      for (const cursor of bad) {
        const refused = await get(
          `${route.path()}?cursor=${encodeURIComponent(cursor)}`,
          route.headers(),
        );
        expect([cursor, refused.status, refused.body.code]).toEqual([
          cursor,
          400,
          'validation_failed',
        ]);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
      }
    });
  });

  it('lists curricula as summaries: no module text, the module count and version state', async () => {
    const { http } = deployment.api;
    const [first] = (await http.get(`/organizations/${orgId}/curricula?limit=1`, owner.accessToken))
      .body.items;
    await http.post(
      `/curricula/${first.id}/versions`,
      { modules: [{ title: 'Only', agenda: [{ title: 'Talk', minutes: 60 }] }] },
      owner.accessToken,
    );
    const page = await http.get(`/organizations/${orgId}/curricula?limit=1`, owner.accessToken);
    expect(page.body.items[0]).toEqual({
      id: first.id,
      title: first.title,
      approach: 'cbt',
      templateKey: 'cbt-depression-8',
      currentVersionId: first.currentVersionId,
      currentVersion: 1,
      moduleCount: 8,
      latestVersion: 2,
      status: 'draft',
      createdAt: first.createdAt,
    });
    expect(JSON.stringify(page.body)).not.toContain('facilitatorNotes');
  });

  it('pages what an attendee sees of the questions, the most voted first', async () => {
    const seen = await get(`/webinars/${webinarId}/questions?limit=3`, { 'x-access-key': keys[0] });
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((q: Item) => [q.text, q.votes])).toEqual([
      ['Question 40', 5],
      ['Question 7', 3],
      ['Question 20', 3],
    ]);
    const next = await get(
      `/webinars/${webinarId}/questions?limit=3&cursor=${seen.body.nextCursor}`,
      { 'x-access-key': keys[0] },
    );
    expect(next.body.items.map((q: Item) => [q.text, q.votes])).toEqual([
      ['Question 3', 1],
      ['Question 0', 0],
      ['Question 1', 0],
    ]);
  });

  it('describes the paged query and answer in the OpenAPI document', async () => {
    const docs = await fetch(
      `${deployment.api.http.baseUrl.replace('/api/v1', '')}/api/docs-json`,
    ).then((r) => r.json() as Promise<any>);
    const operation = docs.paths['/api/v1/webinars/{webinarId}/questions'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor']),
    );
    const { $ref } = operation.responses['200'].content['application/json'].schema;
    const answer = docs.components.schemas[$ref.split('/').pop()];
    expect(Object.keys(answer.properties)).toEqual(['items', 'nextCursor']);
    expect(answer.required).toEqual(['items']);
  });
});
