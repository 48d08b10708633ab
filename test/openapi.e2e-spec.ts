import { randomUUID } from 'node:crypto';
import { undescribedAnswers } from '../apps/api/src/openapi.js';
import { markEmailVerified, registerUser, useApi, type TestEnvironment } from './support/hearth.js';
import type { HttpResult } from './support/http.js';
import { joinOrganization } from './support/members.js';
import { type OpenApiDocument, OpenApiContract } from './support/openapi-contract.js';

/**
 * The OpenAPI document is the contract the web app's client is generated from: every operation
 * describes its answer, and the real answers are what it describes (no field missing, none
 * undeclared, the declared types), here for a route of every kind the api has.
 */
describe('OpenAPI document', () => {
  const context = useApi('openapi');
  let document: OpenApiDocument;
  let contract: OpenApiContract;

  beforeAll(async () => {
    const response = await fetch(context.api.http.baseUrl.replace('/api/v1', '/api/docs-json'));
    document = (await response.json()) as OpenApiDocument;
    contract = new OpenApiContract(document);
  });

  /** Sends the request and expects `status` with the body the document describes for it. */
  async function call(
    status: number,
    method: string,
    url: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResult> {
    const body = options.body ?? (method === 'POST' ? {} : undefined);
    const result = await context.api.http.request(method, url, { ...options, body });
    expect({
      answer: `${method} ${url} ${result.status}`,
      problems: contract.problems(method, url, result),
    }).toEqual({ answer: `${method} ${url} ${status}`, problems: [] });
    return result;
  }

  it('describes the answer of every operation, and errors as the one error shape', () => {
    expect(Object.keys(document.paths).length).toBeGreaterThan(50);
    expect(undescribedAnswers(document as never)).toEqual([]);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        for (const range of ['4XX', '5XX']) {
          expect({
            [`${method} ${path} ${range}`]:
              operation.responses[range]?.content?.['application/json']?.schema?.$ref,
          }).toEqual({ [`${method} ${path} ${range}`]: '#/components/schemas/ErrorBody' });
        }
      }
    }
  });

  it('finds an answer that differs from the document', () => {
    const answer = (body: unknown): HttpResult => ({
      status: 200,
      body,
      headers: new Headers({ 'content-type': 'application/json' }),
    });
    const id = randomUUID();
    expect(contract.problems('GET', `/curricula/${id}`, answer({ id }))).toContain(
      'GET /api/v1/curricula/{curriculumId} 200.title: required but missing',
    );
    expect(contract.problems('GET', '/health', answer({ status: 'ok', uptime: 3 }))).toEqual([
      'GET /api/v1/health 200.uptime: answered but not declared',
    ]);
    expect(contract.problems('GET', '/health', answer({ status: 'up' }))).toHaveLength(1);
    expect(
      contract.problems('GET', '/health', { ...answer({ status: 'ok' }), status: 201 }),
    ).toEqual(['GET /api/v1/health 201: status not declared']);
  });

  let env: TestEnvironment;
  let owner: Awaited<ReturnType<typeof registerUser>>;
  let participant: Awaited<ReturnType<typeof registerUser>>;
  let orgId: string;
  let versionId: string;
  let groupId: string;
  let sessionIds: string[];

  it('answers accounts, organizations and invitations as described', async () => {
    env = context.env;
    owner = await registerUser(context.api.http, 'owner');
    await call(200, 'POST', '/auth/login', {
      body: { email: owner.email, password: owner.password },
    });
    const refreshed = await call(200, 'POST', '/auth/refresh', {
      body: { refreshToken: owner.refreshToken },
    });
    owner = { ...owner, ...refreshed.body };
    await call(202, 'POST', '/auth/password-reset', { body: { email: owner.email } });
    await call(200, 'GET', '/me', { token: owner.accessToken });
    await call(200, 'PATCH', '/me', {
      token: owner.accessToken,
      body: { timezone: 'Asia/Dhaka', reminderChannels: { email: false } },
    });
    await call(202, 'POST', '/me/email-verification', { token: owner.accessToken });

    orgId = (
      await call(201, 'POST', '/organizations', {
        token: owner.accessToken,
        body: { name: 'Contract' },
      })
    ).body.id;
    await call(200, 'GET', `/organizations/${orgId}`, { token: owner.accessToken });
    await call(200, 'PATCH', `/organizations/${orgId}`, {
      token: owner.accessToken,
      body: { groupAgreement: 'We keep what is said here to ourselves.' },
    });

    participant = await registerUser(context.api.http, 'participant');
    await markEmailVerified(env, participant.user.id);
    await call(201, 'POST', `/organizations/${orgId}/invitations`, {
      token: owner.accessToken,
      body: { email: participant.email, role: 'participant' },
    });
    const invitations = await call(200, 'GET', '/me/invitations', {
      token: participant.accessToken,
    });
    await call(200, 'POST', `/me/invitations/${invitations.body.items[0].id}/decline`, {
      token: participant.accessToken,
    });
    await joinOrganization(context.api.http, owner.accessToken, orgId, participant, 'participant');
    await call(200, 'GET', `/organizations/${orgId}/members?limit=1`, {
      token: owner.accessToken,
    });
  });

  it('answers curricula as described', async () => {
    const token = owner.accessToken;
    await call(200, 'GET', '/curriculum-templates', { token });
    const created = await call(201, 'POST', `/organizations/${orgId}/curricula`, {
      token,
      body: { templateKey: 'cbt-depression-8' },
    });
    versionId = created.body.currentVersionId;
    const custom = await call(201, 'POST', `/organizations/${orgId}/curricula`, {
      token,
      body: {
        title: 'Custom',
        modules: [
          {
            title: 'One',
            agenda: [{ title: 'Check-in', minutes: 10, facilitatorNotes: 'Go round' }],
          },
        ],
      },
    });
    const page = await call(200, 'GET', `/organizations/${orgId}/curricula?limit=1`, { token });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    await call(200, 'GET', `/curricula/${custom.body.id}`, { token });
    const modules = [
      {
        title: 'Two',
        goals: ['Notice'],
        agenda: [{ title: 'Practice', minutes: 30 }],
        materials: [{ title: 'Sheet', url: 'https://example.org/sheet' }],
        exercises: [{ title: 'Breathe', instructions: 'Slowly', minutes: 5 }],
        homework: ['Write it down'],
      },
    ];
    const draft = await call(201, 'POST', `/curricula/${custom.body.id}/versions`, {
      token,
      body: { modules },
    });
    const base = `/curricula/${custom.body.id}/versions/${draft.body.id}`;
    await call(200, 'PATCH', base, { token, body: { modules } });
    await call(201, 'POST', `${base}/publish`, { token });
  });

  it('answers groups, sessions and enrollment as described', async () => {
    const token = owner.accessToken;
    const group = await call(201, 'POST', `/organizations/${orgId}/groups`, {
      token,
      body: {
        name: 'Tuesday group',
        curriculumVersionId: versionId,
        timezone: 'Europe/London',
        firstSessionDate: '2027-06-01',
        startTime: '19:00',
        durationMinutes: 90,
        capacity: 1,
        lobbyEnabled: true,
        tags: ['evening'],
      },
    });
    groupId = group.body.id;
    await call(200, 'GET', `/groups/${groupId}`, { token });
    const sessions = await call(200, 'GET', `/groups/${groupId}/sessions?limit=3`, { token });
    expect(sessions.body.nextCursor).toEqual(expect.any(String));
    sessionIds = sessions.body.items.map((s: { id: string }) => s.id);
    await call(200, 'GET', `/sessions/${sessionIds[0]}`, { token });
    await call(200, 'PATCH', `/sessions/${sessionIds[1]}`, {
      token,
      body: { startsAt: '2027-06-09T18:30:00.000Z' },
    });
    await call(200, 'POST', `/sessions/${sessionIds[2]}/cancel`, {
      token,
      body: { reason: 'Holiday', shiftCurriculum: true },
    });
    await call(200, 'PATCH', `/groups/${groupId}/schedule`, {
      token,
      body: { fromSessionId: sessionIds[0], startTime: '18:30' },
    });

    const enrolled = await call(201, 'POST', `/groups/${groupId}/enrollments`, {
      token,
      body: { userId: participant.user.id },
    });
    await call(200, 'GET', `/groups/${groupId}/enrollments`, { token });
    await call(200, 'GET', `/groups/${groupId}/members`, { token: participant.accessToken });
    await call(201, 'POST', `/groups/${groupId}/consent`, {
      token: participant.accessToken,
      body: { agreementVersion: 1 },
    });
    await call(200, 'GET', '/me/sessions?limit=2', { token: participant.accessToken });
    const feed = await call(200, 'GET', '/me/calendar-feed', { token: participant.accessToken });
    await call(200, 'GET', new URL(feed.body.url).pathname.replace('/api/v1', ''));
    await call(200, 'GET', '/me/notifications', { token: participant.accessToken });

    // A second person waits for the one seat; withdrawing the first gives it to them.
    const second = await registerUser(context.api.http, 'second');
    await markEmailVerified(env, second.user.id);
    await joinOrganization(context.api.http, owner.accessToken, orgId, second, 'participant');
    await call(201, 'POST', `/groups/${groupId}/enrollments`, {
      token,
      body: { userId: second.user.id },
    });
    const withdrawn = await call(200, 'DELETE', `/enrollments/${enrolled.body.id}`, { token });
    expect(withdrawn.body.promoted).toMatchObject({ userId: second.user.id, status: 'active' });
  });

  it('answers video and attendance as described', async () => {
    const token = owner.accessToken;
    // Months before the session: refused, in the one error shape.
    await call(409, 'POST', `/sessions/${sessionIds[0]}/join`, { token });
    await call(200, 'GET', `/sessions/${sessionIds[0]}/lobby`, { token });
    await call(200, 'GET', `/sessions/${sessionIds[0]}/attendance`, { token });
    await call(200, 'PUT', `/sessions/${sessionIds[0]}/attendance/${owner.user.id}`, {
      token,
      body: { status: 'excused', reason: 'Ill' },
    });
    await call(200, 'GET', `/groups/${groupId}/attendance`, { token });
    const csv = await call(200, 'GET', `/groups/${groupId}/attendance?format=csv`, { token });
    expect(csv.body).toContain('member');
  });

  it('answers webinars as described', async () => {
    const token = owner.accessToken;
    const webinar = await call(201, 'POST', `/organizations/${orgId}/webinars`, {
      token,
      body: {
        title: 'Living with low mood',
        description: 'An hour with Q&A',
        startsAt: '2027-03-02T18:00:00.000Z',
        durationMinutes: 60,
        timezone: 'Asia/Jakarta',
        capacity: 100,
      },
    });
    const base = `/webinars/${webinar.body.id}`;
    await call(200, 'GET', base);
    await call(201, 'POST', `${base}/speakers`, {
      token,
      body: { email: 'speaker@example.org', displayName: 'Dr Speaker' },
    });
    await call(200, 'GET', `${base}/speakers`, { token });
    await call(200, 'GET', `${base}/hosts`, { token });
    await call(200, 'GET', `/organizations/${orgId}/webinars`, { token });
    const registration = await call(201, 'POST', `${base}/registrations`, {
      body: { displayName: 'Attendee', email: 'attendee@example.org' },
    });
    const key = { 'x-access-key': registration.body.accessKey };
    await call(200, 'GET', `${base}/registrations`, { token });
    const question = await call(201, 'POST', `${base}/questions`, {
      headers: key,
      body: { text: 'How do I start?' },
    });
    await call(200, 'POST', `${base}/questions/${question.body.id}/approve`, { token });
    await call(200, 'POST', `${base}/questions/${question.body.id}/upvote`, { headers: key });
    await call(200, 'GET', `${base}/questions`, { headers: key });
    await call(200, 'GET', `${base}/attendance`, { token });
  });

  it('answers operations and errors as described', async () => {
    await call(200, 'GET', '/health');
    await call(200, 'GET', '/health/ready');
    await call(404, 'GET', `/groups/${randomUUID()}`, { token: owner.accessToken });
    const invalid = await call(400, 'POST', `/organizations/${orgId}/groups`, {
      token: owner.accessToken,
      body: { name: 'No schedule' },
    });
    expect(invalid.body.errors.length).toBeGreaterThan(0);
    await call(401, 'GET', '/me');
    await call(204, 'POST', '/auth/logout', {
      token: owner.accessToken,
      body: { refreshToken: owner.refreshToken },
    });
  });
});
