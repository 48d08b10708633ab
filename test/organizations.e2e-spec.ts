import { markEmailVerified, registerUser, useApi } from './support/hearth.js';

describe('Organization access (e2e)', () => {
  const hearth = useApi('organizations');
  let owner: Awaited<ReturnType<typeof registerUser>>;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    owner = await registerUser(hearth.api.http, 'owner');
    orgA = (await hearth.api.http.post('/organizations', { name: 'Clinic A' }, owner.accessToken))
      .body.id;
    const ownerB = await registerUser(hearth.api.http, 'ownerB');
    orgB = (await hearth.api.http.post('/organizations', { name: 'Clinic B' }, ownerB.accessToken))
      .body.id;
  });

  async function verifiedUser(name: string) {
    const user = await registerUser(hearth.api.http, name);
    await markEmailVerified(hearth.env, user.user.id);
    return user;
  }

  async function memberOfA(role: string) {
    const user = await verifiedUser(role);
    const added = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: user.email, role },
      owner.accessToken,
    );
    expect(added.status).toBe(201);
    return user;
  }

  it("answers 404 to a therapist of organization A on organization B's resources", async () => {
    const therapist = await memberOfA('therapist');
    const token = therapist.accessToken;
    const probes = [
      hearth.api.http.get(`/organizations/${orgB}`, token),
      hearth.api.http.patch(`/organizations/${orgB}`, { name: 'Mine now' }, token),
      hearth.api.http.get(`/organizations/${orgB}/members`, token),
      hearth.api.http.post(
        `/organizations/${orgB}/members`,
        { email: therapist.email, role: 'owner' },
        token,
      ),
      hearth.api.http.post(
        `/organizations/${orgB}/invitations`,
        { email: therapist.email, role: 'admin' },
        token,
      ),
    ];
    for (const response of await Promise.all(probes)) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('organization_not_found');
    }
    // The same answer as for an organization that does not exist at all.
    const missing = await hearth.api.http.get(
      `/organizations/00000000-0000-4000-8000-000000000000`,
      token,
    );
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual((await probes[0]).body);
  });

  it('forbids a participant to add members or invite (403)', async () => {
    const participant = await memberOfA('participant');
    const other = await registerUser(hearth.api.http, 'other');
    const add = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: other.email, role: 'participant' },
      participant.accessToken,
    );
    expect(add.status).toBe(403);
    expect(add.body.code).toBe('insufficient_role');
    const invite = await hearth.api.http.post(
      `/organizations/${orgA}/invitations`,
      { email: 'someone@example.org', role: 'participant' },
      participant.accessToken,
    );
    expect(invite.status).toBe(403);
    // Members can read their own organization.
    expect(
      (await hearth.api.http.get(`/organizations/${orgA}`, participant.accessToken)).status,
    ).toBe(200);
  });

  it('lets an admin add therapists but only an owner make owners', async () => {
    const admin = await memberOfA('admin');
    const candidate = await verifiedUser('candidate');
    const asOwner = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: candidate.email, role: 'owner' },
      admin.accessToken,
    );
    expect(asOwner.status).toBe(403);
    expect(asOwner.body.code).toBe('owner_role_required');
    const asTherapist = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: candidate.email, role: 'therapist' },
      admin.accessToken,
    );
    expect(asTherapist.status).toBe(201);
    const twice = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: candidate.email, role: 'therapist' },
      admin.accessToken,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_member');
  });

  it('adds only existing users with a verified address as members', async () => {
    // Anyone can register any address: an unverified one must not pass for its owner.
    const squatter = await registerUser(hearth.api.http, 'squatter');
    const unverified = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: squatter.email, role: 'admin' },
      owner.accessToken,
    );
    expect(unverified.status).toBe(404);
    expect(unverified.body.code).toBe('user_not_found');
    const response = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: 'no.such.person@example.org', role: 'participant' },
      owner.accessToken,
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('user_not_found');
  });

  it('updates settings and keeps every version of the group agreement', async () => {
    const path = `/organizations/${orgA}`;
    const defaults = await hearth.api.http.get(path, owner.accessToken);
    expect(defaults.body).toMatchObject({
      timezone: 'UTC',
      reminderOffsetsMinutes: [1440, 60],
      groupAgreement: null,
    });

    const first = await hearth.api.http.patch(
      path,
      { timezone: 'Europe/London', reminderOffsetsMinutes: [2880, 30], groupAgreement: 'Be kind.' },
      owner.accessToken,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      timezone: 'Europe/London',
      reminderOffsetsMinutes: [2880, 30],
      groupAgreement: { version: 1, text: 'Be kind.' },
    });
    const same = await hearth.api.http.patch(
      path,
      { groupAgreement: 'Be kind.' },
      owner.accessToken,
    );
    expect(same.body.groupAgreement.version).toBe(1);
    const second = await hearth.api.http.patch(
      path,
      { groupAgreement: 'Be kind. Keep confidences.' },
      owner.accessToken,
    );
    expect(second.body.groupAgreement).toEqual({ version: 2, text: 'Be kind. Keep confidences.' });

    const therapist = await memberOfA('therapist');
    const denied = await hearth.api.http.patch(path, { name: 'Renamed' }, therapist.accessToken);
    expect(denied.status).toBe(403);
    const badZone = await hearth.api.http.patch(
      path,
      { timezone: 'Mars/Olympus' },
      owner.accessToken,
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors[0].field).toBe('timezone');
  });

  it('lists members with their roles for managers only', async () => {
    const list = await hearth.api.http.get(`/organizations/${orgA}/members`, owner.accessToken);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      userId: owner.user.id,
      role: 'owner',
      email: owner.email,
    });
    const participant = await memberOfA('participant');
    expect(
      (await hearth.api.http.get(`/organizations/${orgA}/members`, participant.accessToken)).status,
    ).toBe(403);
  });
});
