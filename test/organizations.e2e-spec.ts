import { markEmailVerified, registerUser, uniqueEmail, useApi } from './support/hearth.js';
import { joinOrganization } from './support/members.js';

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
    await joinOrganization(hearth.api.http, owner.accessToken, orgA, user, role);
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
    const accepted = await hearth.api.http.post(
      `/me/invitations/${asTherapist.body.id}/accept`,
      {},
      candidate.accessToken,
    );
    expect(accepted.status).toBe(200);
    // A manager may see their own members, so saying so is no leak.
    const twice = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: candidate.email, role: 'therapist' },
      admin.accessToken,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('already_member');
  });

  it('answers adding a known, an unconfirmed and an unknown address the same way', async () => {
    const known = await verifiedUser('known');
    const squatter = await registerUser(hearth.api.http, 'squatter');
    const add = (email: string) =>
      hearth.api.http.post(
        `/organizations/${orgA}/members`,
        { email, role: 'participant' },
        owner.accessToken,
      );
    const unknownEmail = uniqueEmail('nobody');
    const answers = [
      await add(known.email),
      await add(squatter.email),
      await add(unknownEmail),
      await hearth.api.http.post(
        `/organizations/${orgA}/invitations`,
        { email: uniqueEmail('invited'), role: 'participant' },
        owner.accessToken,
      ),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(201);
      expect(Object.keys(answer.body).sort()).toEqual(['email', 'expiresAt', 'id', 'role']);
      expect(answer.body.role).toBe('participant');
    }
    expect(answers.slice(0, 3).map((a) => a.body.email)).toEqual([
      known.email,
      squatter.email,
      unknownEmail,
    ]);
    expect(JSON.stringify(answers[0].body)).not.toContain(known.user.id);

    // Invited is not joined: the organization stays invisible to them until they accept.
    expect((await hearth.api.http.get(`/organizations/${orgA}`, known.accessToken)).status).toBe(
      404,
    );
    const members = await hearth.api.http.get(`/organizations/${orgA}/members`, owner.accessToken);
    expect(members.body.items.map((m: { userId: string }) => m.userId)).not.toContain(
      known.user.id,
    );
    expect((await hearth.api.http.get('/me', known.accessToken)).body.memberships).toEqual([]);
  });

  it('makes the membership only when the invited person accepts at /me/invitations', async () => {
    const person = await verifiedUser('consenting');
    const invited = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: person.email, role: 'therapist' },
      owner.accessToken,
    );
    const mine = await hearth.api.http.get('/me/invitations', person.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      {
        id: invited.body.id,
        organizationId: orgA,
        organizationName: 'Clinic A',
        role: 'therapist',
        expiresAt: invited.body.expiresAt,
      },
    ]);
    // Someone else's invitation is not theirs to answer, nor to see.
    const other = await verifiedUser('other');
    expect((await hearth.api.http.get('/me/invitations', other.accessToken)).body.items).toEqual(
      [],
    );
    for (const action of ['accept', 'decline']) {
      const stolen = await hearth.api.http.post(
        `/me/invitations/${invited.body.id}/${action}`,
        {},
        other.accessToken,
      );
      expect(stolen.status).toBe(404);
      expect(stolen.body.code).toBe('invitation_not_found');
    }

    const accepted = await hearth.api.http.post(
      `/me/invitations/${invited.body.id}/accept`,
      {},
      person.accessToken,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organizationId: orgA, role: 'therapist' });
    expect((await hearth.api.http.get(`/organizations/${orgA}`, person.accessToken)).status).toBe(
      200,
    );
    expect((await hearth.api.http.get('/me', person.accessToken)).body.memberships).toEqual([
      { organizationId: orgA, role: 'therapist' },
    ]);
    expect((await hearth.api.http.get('/me/invitations', person.accessToken)).body.items).toEqual(
      [],
    );
    const again = await hearth.api.http.post(
      `/me/invitations/${invited.body.id}/accept`,
      {},
      person.accessToken,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invitation_accepted');
  });

  it('makes one membership when the same invitation is accepted twice at once', async () => {
    const person = await verifiedUser('double');
    const invited = await hearth.api.http.post(
      `/organizations/${orgA}/invitations`,
      { email: person.email, role: 'participant' },
      owner.accessToken,
    );
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        hearth.api.http.post(`/me/invitations/${invited.body.id}/accept`, {}, person.accessToken),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const members = await hearth.api.http.get(`/organizations/${orgA}/members`, owner.accessToken);
    expect(
      members.body.items.filter((m: { userId: string }) => m.userId === person.user.id),
    ).toHaveLength(1);
  });

  it('closes a declined invitation without making a membership', async () => {
    const person = await verifiedUser('declining');
    const invited = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: person.email, role: 'participant' },
      owner.accessToken,
    );
    const declined = await hearth.api.http.post(
      `/me/invitations/${invited.body.id}/decline`,
      {},
      person.accessToken,
    );
    expect(declined.status).toBe(200);
    expect((await hearth.api.http.get('/me/invitations', person.accessToken)).body.items).toEqual(
      [],
    );
    const late = await hearth.api.http.post(
      `/me/invitations/${invited.body.id}/accept`,
      {},
      person.accessToken,
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('invitation_declined');
    expect((await hearth.api.http.get(`/organizations/${orgA}`, person.accessToken)).status).toBe(
      404,
    );
  });

  it('shows no invitations to an account whose address is unconfirmed, and lets it accept none', async () => {
    // Anyone can register any address: an unconfirmed one must not pass for its owner.
    const squatter = await registerUser(hearth.api.http, 'squatter');
    const invited = await hearth.api.http.post(
      `/organizations/${orgA}/members`,
      { email: squatter.email, role: 'admin' },
      owner.accessToken,
    );
    expect(invited.status).toBe(201);
    const mine = await hearth.api.http.get('/me/invitations', squatter.accessToken);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([]);
    const accept = await hearth.api.http.post(
      `/me/invitations/${invited.body.id}/accept`,
      {},
      squatter.accessToken,
    );
    expect(accept.status).toBe(403);
    expect(accept.body.code).toBe('email_unverified');
    expect((await hearth.api.http.get(`/organizations/${orgA}`, squatter.accessToken)).status).toBe(
      404,
    );
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
    // Therapists enroll participants: they read them by alias, and nobody's address.
    const therapist = await memberOfA('therapist');
    expect(
      (await hearth.api.http.get(`/organizations/${orgA}/members`, therapist.accessToken)).status,
    ).toBe(403);
    const participants = await hearth.api.http.get(
      `/organizations/${orgA}/participants`,
      therapist.accessToken,
    );
    expect(participants.status).toBe(200);
    expect(participants.body.items).toContainEqual({
      userId: participant.user.id,
      displayName: expect.any(String),
    });
    expect(JSON.stringify(participants.body)).not.toMatch(/@|"role"/);
    expect(
      participants.body.items.some((p: { userId: string }) => p.userId === therapist.user.id),
    ).toBe(false);
    expect(
      (await hearth.api.http.get(`/organizations/${orgA}/participants`, participant.accessToken))
        .status,
    ).toBe(403);
  });
});
