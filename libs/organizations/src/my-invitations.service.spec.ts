import { AuthService, UserRepository } from '#identity';
import { bootLibModule, type LibTestModule } from '../../../test/support/lib-module.js';
import { InvitationsService } from './invitations.service.js';
import { MembershipRepository } from './membership.repository.js';
import { MyInvitationsService } from './my-invitations.service.js';
import { OrganizationAccess } from './organization-access.service.js';
import { OrganizationsModule } from './organizations.module.js';
import { OrganizationsService } from './organizations.service.js';

const PASSWORD = 'a long and unusual passphrase 41';

describe(MyInvitationsService.name, () => {
  let lib: LibTestModule;
  let mine: MyInvitationsService;
  let invitations: InvitationsService;
  let orgId: string;
  let ownerId: string;

  let counter = 0;
  async function person(verified = true) {
    const email = `member-${++counter}@example.org`;
    const { user } = await lib
      .get(AuthService)
      .register({ email, password: PASSWORD, displayName: `Member ${counter}` });
    if (verified) {
      await lib.get(UserRepository).markEmailVerified(user.id, email, lib.clock.now());
    }
    return { email, userId: user.id };
  }

  const invite = (email: string, role: 'therapist' | 'participant' = 'participant') =>
    invitations.invite(orgId, { userId: ownerId, role: 'owner' }, email, role);

  beforeAll(async () => {
    lib = await bootLibModule('organizations', [OrganizationsModule], {
      now: new Date('2027-03-01T12:00:00Z'),
    });
    mine = lib.get(MyInvitationsService);
    invitations = lib.get(InvitationsService);
    ownerId = (await person()).userId;
    orgId = (await lib.get(OrganizationsService).create('Clinic', ownerId)).id;
  });

  afterAll(() => lib?.close());

  it('makes the invited person a member with the role of the invitation, once', async () => {
    const { email, userId } = await person();
    const invitation = await invite(email, 'therapist');
    expect(lib.queued.at(-1)).toEqual({
      queue: 'notifications',
      name: 'invitation-email',
      data: { invitationId: invitation.id, version: 1 },
    });
    expect((await mine.list(userId, { limit: 20 })).items.map((i) => i.id)).toEqual([
      invitation.id,
    ]);

    await expect(mine.accept(userId, invitation.id)).resolves.toEqual({
      organizationId: orgId,
      role: 'therapist',
    });
    await expect(
      lib.get(OrganizationAccess).requireRole(orgId, userId, ['therapist']),
    ).resolves.toMatchObject({ role: 'therapist' });
    await expect(mine.accept(userId, invitation.id)).rejects.toMatchObject({
      code: 'invitation_accepted',
    });
    expect((await mine.list(userId, { limit: 20 })).items).toEqual([]);
  });

  it("answers someone else's invitation as not found, and an unverified account not at all", async () => {
    const invited = await person();
    const stranger = await person();
    const unverified = await person(false);
    const invitation = await invite(invited.email);
    await expect(mine.accept(stranger.userId, invitation.id)).rejects.toMatchObject({
      code: 'invitation_not_found',
    });
    await expect(mine.decline(unverified.userId, invitation.id)).rejects.toMatchObject({
      code: 'email_unverified',
    });
    expect(await lib.get(MembershipRepository).find(orgId, stranger.userId)).toBeNull();
  });

  it('refuses an invitation once it has expired, and mails nothing for it', async () => {
    const { email, userId } = await person();
    const invitation = await invite(email);
    lib.clock.advance(168 * 3_600_000);
    expect(await invitations.emailFor(invitation.id, 1)).toBeNull();
    expect((await mine.list(userId, { limit: 20 })).items).toEqual([]);
    await expect(mine.accept(userId, invitation.id)).rejects.toMatchObject({
      code: 'invitation_expired',
    });
  });

  it('records a decline, after which the invitation cannot be accepted', async () => {
    const { email, userId } = await person();
    const invitation = await invite(email);
    await expect(mine.decline(userId, invitation.id)).resolves.toEqual({
      id: invitation.id,
      declined: true,
    });
    await expect(mine.accept(userId, invitation.id)).rejects.toMatchObject({
      code: 'invitation_declined',
    });
  });
});
