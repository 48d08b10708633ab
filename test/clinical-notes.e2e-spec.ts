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

/** Issue 14: session notes are for facilitators, drafts until signed, then locked with addenda. */
describe('Session notes (e2e)', () => {
  let env: TestEnvironment;
  let api: RunningApi;
  let therapist: User;
  let ana: User;
  let bo: User;
  let orgId: string;
  let sessionIds: string[];

  beforeAll(async () => {
    env = await createTestEnvironment('clinical_notes');
    api = await startApi(env.config);
    therapist = await registerUser(api.http, 'therapist');
    orgId = (await api.http.post('/organizations', { name: 'Westside' }, therapist.accessToken))
      .body.id;
    const versionId = (
      await api.http.post(
        `/organizations/${orgId}/curricula`,
        { templateKey: 'cbt-depression-8' },
        therapist.accessToken,
      )
    ).body.currentVersionId;
    const groupId = (
      await api.http.post(
        `/organizations/${orgId}/groups`,
        {
          name: 'Friday group',
          curriculumVersionId: versionId,
          timezone: 'Asia/Jakarta',
          firstSessionDate: '2027-10-22',
          startTime: '17:00',
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
    sessionIds = (
      await api.http.get(`/groups/${groupId}/sessions`, therapist.accessToken)
    ).body.items.map((s: { id: string }) => s.id);
  });

  afterAll(async () => {
    await api?.close();
    await env?.close();
  });

  const notesPath = (i = 0) => `/sessions/${sessionIds[i]}/notes`;

  it('refuses both kinds of notes to participants, their own included, and hides them from strangers', async () => {
    await api.http.put(
      `${notesPath()}/members/${ana.user.id}`,
      { content: 'Ana spoke of her sister.' },
      therapist.accessToken,
    );
    for (const [method, path, body] of [
      ['GET', notesPath(), undefined],
      ['PUT', `${notesPath()}/group`, { content: 'x' }],
      ['PUT', `${notesPath()}/members/${ana.user.id}`, { content: 'x' }],
      ['POST', `${notesPath()}/sign`, {}],
    ] as const) {
      const answer = await api.http.request(method, path, { body, token: ana.accessToken });
      expect([method, path, answer.status, answer.body.code]).toEqual([
        method,
        path,
        403,
        'facilitators_only',
      ]);
      expect(JSON.stringify(answer.body)).not.toContain('sister');
    }
    const stranger = await registerUser(api.http, 'stranger');
    await api.http.post('/organizations', { name: 'Elsewhere' }, stranger.accessToken);
    expect((await api.http.get(notesPath(), stranger.accessToken)).status).toBe(404);
  });

  it('starts the group note from a template with attendance from the record, and keeps drafts', async () => {
    const fresh = (await api.http.get(notesPath(1), therapist.accessToken)).body;
    expect(fresh.group.content).toContain('Attendance\nAbsent: ana');
    expect(fresh.group.content).toContain('Themes');
    expect(fresh.group.content).toContain('Plan');
    expect(fresh.group.signedAt).toBeNull();
    expect(fresh.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(
      expect.arrayContaining([expect.stringContaining('ana'), expect.stringContaining('bo')]),
    );

    const written = await api.http.put(
      `${notesPath(1)}/group`,
      { content: 'Themes: sleep.' },
      therapist.accessToken,
    );
    expect(written.status).toBe(200);
    expect(written.body.group.content).toBe('Themes: sleep.');
    const member = await api.http.put(
      `${notesPath(1)}/members/${bo.user.id}`,
      { content: 'Quiet today.' },
      therapist.accessToken,
    );
    expect(
      member.body.members.find((m: { userId: string }) => m.userId === bo.user.id).content,
    ).toBe('Quiet today.');
    // Only people who hold a place in the group have member notes.
    const outsider = await api.http.put(
      `${notesPath(1)}/members/${therapist.user.id}`,
      { content: 'x' },
      therapist.accessToken,
    );
    expect(outsider.status).toBe(404);
  });

  it('locks the notes once signed (409), keeps addenda dated, and the database refuses changes', async () => {
    await api.http.put(
      `${notesPath(2)}/group`,
      { content: 'Group worked on thought records.' },
      therapist.accessToken,
    );
    await api.http.put(
      `${notesPath(2)}/members/${ana.user.id}`,
      { content: 'Ana: engaged.' },
      therapist.accessToken,
    );
    const early = await api.http.post(
      `${notesPath(2)}/addenda`,
      { content: 'Too early' },
      therapist.accessToken,
    );
    expect([early.status, early.body.code]).toEqual([409, 'note_not_signed']);

    const signed = await api.http.post(`${notesPath(2)}/sign`, {}, therapist.accessToken);
    expect(signed.status).toBe(200);
    expect(signed.body.group.signedById).toBe(therapist.user.id);
    expect(signed.body.group.signedAt).not.toBeNull();

    for (const path of [
      `${notesPath(2)}/group`,
      `${notesPath(2)}/members/${ana.user.id}`,
      `${notesPath(2)}/members/${bo.user.id}`,
    ]) {
      const refused = await api.http.put(path, { content: 'Rewritten' }, therapist.accessToken);
      expect([path, refused.status, refused.body.code]).toEqual([path, 409, 'note_signed']);
    }
    expect((await api.http.post(`${notesPath(2)}/sign`, {}, therapist.accessToken)).status).toBe(
      409,
    );

    const addendum = await api.http.post(
      `${notesPath(2)}/addenda`,
      { content: 'Called Ana after the session.', userId: ana.user.id },
      therapist.accessToken,
    );
    expect(addendum.status).toBe(201);
    await api.http.post(
      `${notesPath(2)}/addenda`,
      { content: 'Room was cold.' },
      therapist.accessToken,
    );

    const after = (await api.http.get(notesPath(2), therapist.accessToken)).body;
    expect(after.group.content).toBe('Group worked on thought records.');
    expect(after.group.addenda.map((a: { content: string }) => a.content)).toEqual([
      'Room was cold.',
    ]);
    const anaNote = after.members.find((m: { userId: string }) => m.userId === ana.user.id);
    expect(anaNote.content).toBe('Ana: engaged.');
    expect(anaNote.addenda).toEqual([
      expect.objectContaining({
        content: 'Called Ana after the session.',
        authorId: therapist.user.id,
      }),
    ]);

    const client = new pg.Client({ connectionString: env.database.url });
    await client.connect();
    try {
      await expect(
        client.query(`UPDATE session_notes SET content = 'forged' WHERE session_id = $1`, [
          sessionIds[2],
        ]),
      ).rejects.toThrow(/signed/);
      const audit = await client.query<{ action: string; resource_type: string }>(
        `SELECT action, resource_type FROM audit_log WHERE resource_id = $1`,
        [sessionIds[2]],
      );
      const kinds = audit.rows.map((r) => `${r.action} ${r.resource_type}`);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'update group_note',
          'update member_note',
          'sign session_notes',
          'create member_note_addendum',
          'create group_note_addendum',
          'read session_notes',
        ]),
      );
    } finally {
      await client.end();
    }
  });
});
