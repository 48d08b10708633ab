import { markEmailVerified, registerUser, useApi } from './support/hearth.js';
import { joinOrganization } from './support/members.js';

describe('Curricula (e2e)', () => {
  const hearth = useApi('curricula');
  let owner: Awaited<ReturnType<typeof registerUser>>;
  let orgId: string;

  beforeAll(async () => {
    owner = await registerUser(hearth.api.http, 'owner');
    orgId = (await hearth.api.http.post('/organizations', { name: 'Programs' }, owner.accessToken))
      .body.id;
  });

  const custom = (title: string) => ({
    title,
    description: 'A short program',
    modules: [
      {
        title: 'Week one',
        goals: 'Meet each other',
        agenda: [{ title: 'Welcome', minutes: 60, facilitatorNotes: 'Go slow' }],
        homework: 'Notice one good moment a day',
      },
      { title: 'Week two', goals: ['Practise'], agenda: [{ title: 'Practice', minutes: 60 }] },
    ],
  });

  it('lists the built-in templates', async () => {
    const response = await hearth.api.http.get('/curriculum-templates', owner.accessToken);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'cbt-depression-8', sessionCount: 8, approach: 'cbt' }),
        expect.objectContaining({ key: 'mbct-8', sessionCount: 8, approach: 'mbct' }),
      ]),
    );
  });

  it('creates a curriculum from a template with its agendas and materials', async () => {
    const response = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      { templateKey: 'mbct-8' },
      owner.accessToken,
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      currentVersionId: expect.any(String),
    });
    expect(response.body.modules).toHaveLength(8);
    const first = response.body.modules[0];
    expect(
      first.agenda.reduce((sum: number, item: { minutes: number }) => sum + item.minutes, 0),
    ).toBe(120);
    expect(first.materials.length).toBeGreaterThan(0);
    expect(first.exercises.length).toBeGreaterThan(0);
    const unknown = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      { templateKey: 'nope' },
      owner.accessToken,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('templateKey');
  });

  it('freezes published versions: edits make a new version and running groups keep theirs', async () => {
    const created = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      custom('Short program'),
      owner.accessToken,
    );
    expect(created.status).toBe(201);
    const { id, currentVersionId } = created.body;
    expect(created.body.modules[0]).toMatchObject({
      goals: ['Meet each other'],
      homework: ['Notice one good moment a day'],
    });

    const group = await hearth.api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Pinned',
        curriculumVersionId: currentVersionId,
        timezone: 'Europe/Berlin',
        firstSessionDate: '2027-03-02',
        startTime: '18:00',
        durationMinutes: 60,
        capacity: 8,
        lobbyEnabled: false,
      },
      owner.accessToken,
    );
    expect(group.status).toBe(201);

    const draft = await hearth.api.http.post(
      `/curricula/${id}/versions`,
      { modules: [{ title: 'Renamed week one', agenda: [{ title: 'Welcome', minutes: 60 }] }] },
      owner.accessToken,
    );
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });

    // A draft cannot be pinned.
    const onDraft = await hearth.api.http.post(
      `/organizations/${orgId}/groups`,
      {
        name: 'Too early',
        curriculumVersionId: draft.body.id,
        timezone: 'Europe/Berlin',
        firstSessionDate: '2027-03-02',
        startTime: '18:00',
        durationMinutes: 60,
        capacity: 8,
        lobbyEnabled: false,
      },
      owner.accessToken,
    );
    expect(onDraft.status).toBe(400);
    expect(onDraft.body.code).toBe('curriculum_version_draft');

    expect(
      (
        await hearth.api.http.post(
          `/curricula/${id}/versions/${draft.body.id}/publish`,
          {},
          owner.accessToken,
        )
      ).status,
    ).toBe(201);
    const frozen = await hearth.api.http.patch(
      `/curricula/${id}/versions/${draft.body.id}`,
      { modules: [{ title: 'Sneaky edit', agenda: [{ title: 'x', minutes: 60 }] }] },
      owner.accessToken,
    );
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('version_published');

    const curriculum = await hearth.api.http.get(`/curricula/${id}`, owner.accessToken);
    expect(curriculum.body.currentVersionId).toBe(draft.body.id);
    expect(curriculum.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);

    const sessions = await hearth.api.http.get(
      `/groups/${group.body.id}/sessions`,
      owner.accessToken,
    );
    expect(sessions.body.items.map((s: { moduleTitle: string }) => s.moduleTitle)).toEqual([
      'Week one',
      'Week two',
    ]);
  });

  it('reads a draft back with its modules, so an edit can carry on later; only for its staff', async () => {
    const created = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      custom('Carried on'),
      owner.accessToken,
    );
    const id = created.body.id as string;
    const modules = [
      {
        title: 'Week one',
        agenda: [{ title: 'Welcome', minutes: 45, facilitatorNotes: 'Slowly' }],
      },
    ];
    const draft = await hearth.api.http.post(
      `/curricula/${id}/versions`,
      { modules },
      owner.accessToken,
    );
    const read = await hearth.api.http.get(
      `/curricula/${id}/versions/${draft.body.id}`,
      owner.accessToken,
    );
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: draft.body.id, version: 2, status: 'draft' });
    expect(read.body.modules[0].agenda).toEqual([
      { title: 'Welcome', minutes: 45, facilitatorNotes: 'Slowly' },
    ]);
    // The curriculum itself still shows the published version's modules.
    const curriculum = await hearth.api.http.get(`/curricula/${id}`, owner.accessToken);
    expect(curriculum.body.modules[0].agenda[0].minutes).toBe(60);

    const first = await hearth.api.http.get(
      `/curricula/${id}/versions/${curriculum.body.versions[0].id}`,
      owner.accessToken,
    );
    expect(first.body).toMatchObject({ version: 1, status: 'published' });

    const stranger = await registerUser(hearth.api.http, 'reader');
    const elsewhere = await hearth.api.http.get(
      `/curricula/${id}/versions/${draft.body.id}`,
      stranger.accessToken,
    );
    expect(elsewhere.status).toBe(404);
    const other = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      custom('Another'),
      owner.accessToken,
    );
    // A version is only found under its own curriculum.
    const mismatched = await hearth.api.http.get(
      `/curricula/${other.body.id}/versions/${draft.body.id}`,
      owner.accessToken,
    );
    expect(mismatched.status).toBe(404);
    expect(mismatched.body.code).toBe('curriculum_version_not_found');
  });

  it('keeps curricula to their organization and its staff', async () => {
    const created = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      custom('Private'),
      owner.accessToken,
    );
    const stranger = await registerUser(hearth.api.http, 'stranger');
    const elsewhere = await hearth.api.http.get(
      `/curricula/${created.body.id}`,
      stranger.accessToken,
    );
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe('curriculum_not_found');

    const participant = await registerUser(hearth.api.http, 'participant');
    await markEmailVerified(hearth.env, participant.user.id);
    await joinOrganization(hearth.api.http, owner.accessToken, orgId, participant, 'participant');
    // Agendas carry facilitator notes: participants do not read curricula.
    expect(
      (await hearth.api.http.get(`/curricula/${created.body.id}`, participant.accessToken)).status,
    ).toBe(403);
    expect(
      (
        await hearth.api.http.post(
          `/organizations/${orgId}/curricula`,
          custom('Mine'),
          participant.accessToken,
        )
      ).status,
    ).toBe(403);
  });

  it("lets only a curriculum's author or an owner/admin change it; other therapists read it", async () => {
    const staff = async (name: string, role: string) => {
      const user = await registerUser(hearth.api.http, name);
      await markEmailVerified(hearth.env, user.user.id);
      await joinOrganization(hearth.api.http, owner.accessToken, orgId, user, role);
      return user;
    };
    const author = await staff('author', 'therapist');
    const colleague = await staff('colleague', 'therapist');
    const admin = await staff('admin', 'admin');
    const created = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      custom('Authored'),
      author.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body.createdById).toBe(author.user.id);
    const id = created.body.id as string;
    const modules = [{ title: 'Week one, again', agenda: [{ title: 'Welcome', minutes: 60 }] }];
    const draft = await hearth.api.http.post(
      `/curricula/${id}/versions`,
      { modules },
      author.accessToken,
    );
    expect(draft.status).toBe(201);
    const versionPath = `/curricula/${id}/versions/${draft.body.id}`;

    // Same organization, so 403 rather than 404; and reading stays open to staff.
    expect((await hearth.api.http.get(`/curricula/${id}`, colleague.accessToken)).status).toBe(200);
    const denied = [
      await hearth.api.http.patch(versionPath, { modules }, colleague.accessToken),
      await hearth.api.http.post(`${versionPath}/publish`, {}, colleague.accessToken),
      await hearth.api.http.post(`/curricula/${id}/versions`, { modules }, colleague.accessToken),
    ];
    for (const response of denied) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('not_curriculum_owner');
    }

    const edited = await hearth.api.http.patch(versionPath, { modules }, admin.accessToken);
    expect(edited.status).toBe(200);
    const published = await hearth.api.http.post(`${versionPath}/publish`, {}, admin.accessToken);
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('published');
    const next = await hearth.api.http.post(
      `/curricula/${id}/versions`,
      { modules },
      author.accessToken,
    );
    expect(next.status).toBe(201);
  });

  it('rejects malformed modules with the field named', async () => {
    const response = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      { title: 'Broken', modules: [{ title: 'One', agenda: [{ title: 'x', minutes: 'ten' }] }] },
      owner.accessToken,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('modules.0.agenda.0.minutes');
    const both = await hearth.api.http.post(
      `/organizations/${orgId}/curricula`,
      { templateKey: 'mbct-8', ...custom('Both') },
      owner.accessToken,
    );
    expect(both.status).toBe(400);
  });
});
