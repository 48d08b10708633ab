import pg from 'pg';
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

interface AuditLine {
  at: string;
  actorId: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  subjectUserId: string | null;
}

/** Issue 14: every read of clinical data leaves an audit row; the log itself cannot be changed. */
describe('Clinical audit log (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;
  let owner: User;
  let therapist: User;
  let members: User[];
  let orgId: string;
  let groupId: string;

  beforeAll(async () => {
    env = await createTestEnvironment('clinical_audit');
    api = await startApi(env.config);
    owner = await registerUser(api.http, 'owner');
    therapist = await registerUser(api.http, 'therapist');
    await markEmailVerified(env, therapist.user.id);
    orgId = (await api.http.post('/organizations', { name: 'Eastside' }, owner.accessToken)).body
      .id;
    await joinOrganization(api.http, owner.accessToken, orgId, therapist, 'therapist');
    const versionId = (
      await api.http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: 'cbt-depression-8' },
        therapist.accessToken,
      )
    ).body.currentVersionId;
    groupId = (
      await api.http.post(
        `/organizations/${orgId}/groups`,
        {
          name: 'Wednesday group',
          curriculumVersionId: versionId,
          timezone: 'Asia/Dhaka',
          firstSessionDate: '2027-10-20',
          startTime: '18:00',
          durationMinutes: 90,
          capacity: 8,
          lobbyEnabled: false,
        },
        therapist.accessToken,
      )
    ).body.id;
    members = [];
    for (const name of ['ana', 'bo']) {
      const member = await registerUser(api.http, name);
      await markEmailVerified(env, member.user.id);
      await joinOrganization(api.http, owner.accessToken, orgId, member, 'participant');
      const enrolled = await api.http.post(
        `/groups/${groupId}/enrollments`,
        { userId: member.user.id },
        therapist.accessToken,
      );
      expect(enrolled.status).toBe(201);
      members.push(member);
    }
  });

  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  const auditOf = async (query = '') => {
    const response = await api.http.get(`/organizations/${orgId}/audit${query}`, owner.accessToken);
    expect(response.status).toBe(200);
    return response.body.items as AuditLine[];
  };

  it('records each read of the roster and of attendance, who read it and about whom', async () => {
    const before = (await auditOf()).length;
    expect(
      (await api.http.get(`/groups/${groupId}/enrollments`, therapist.accessToken)).status,
    ).toBe(200);
    expect(
      (await api.http.get(`/groups/${groupId}/attendance`, therapist.accessToken)).status,
    ).toBe(200);
    expect(
      (await api.http.get(`/groups/${groupId}/attendance?format=csv`, therapist.accessToken))
        .status,
    ).toBe(200);

    const added = (await auditOf()).slice(before);
    const ids = members.map((m) => m.user.id).sort();
    for (const [action, resourceType] of [
      ['read', 'roster'],
      ['read', 'group_attendance'],
      ['export', 'group_attendance'],
    ]) {
      const rows = added.filter((r) => r.action === action && r.resourceType === resourceType);
      expect(rows.map((r) => r.subjectUserId).sort()).toEqual(ids);
      for (const row of rows) {
        expect(row).toMatchObject({ actorId: therapist.user.id, resourceId: groupId });
      }
    }

    // One person's trail, and the same as CSV.
    const ana = await auditOf(`?subjectUserId=${members[0].user.id}`);
    expect(ana.length).toBeGreaterThanOrEqual(3);
    expect(ana.every((r) => r.subjectUserId === members[0].user.id)).toBe(true);
    const csv = await api.http.get(
      `/organizations/${orgId}/audit?format=csv&subjectUserId=${members[0].user.id}`,
      owner.accessToken,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split(/\r?\n/)[0]).toBe(
      'at,actorId,action,resourceType,resourceId,subjectUserId',
    );
    expect(String(csv.body)).toContain(`export,group_attendance,${groupId},${members[0].user.id}`);
  });

  it('is read by owners and admins only; another organization gets 404', async () => {
    expect(
      (await api.http.get(`/organizations/${orgId}/audit`, therapist.accessToken)).status,
    ).toBe(403);
    expect(
      (await api.http.get(`/organizations/${orgId}/audit`, members[0].accessToken)).status,
    ).toBe(403);
    const stranger = await registerUser(api.http, 'stranger');
    await api.http.post('/organizations', { name: 'Elsewhere' }, stranger.accessToken);
    expect((await api.http.get(`/organizations/${orgId}/audit`, stranger.accessToken)).status).toBe(
      404,
    );
    expect(
      (await api.http.get(`/organizations/${orgId}/audit?subjectUserId=nope`, owner.accessToken))
        .status,
    ).toBe(400);
  });

  it('cannot be changed, not even by the database owner: UPDATE and DELETE fail', async () => {
    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM audit_log');
      expect(Number(rows[0].count)).toBeGreaterThan(0);
      await expect(
        client.query(`UPDATE audit_log SET actor_id = $1`, [owner.user.id]),
      ).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      const after = await client.query<{ count: string }>('SELECT count(*) FROM audit_log');
      expect(after.rows[0].count).toBe(rows[0].count);
    } finally {
      await client.end();
    }
  });
});
