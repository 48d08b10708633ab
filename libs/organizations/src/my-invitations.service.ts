import { Injectable } from '@nestjs/common';
import { Clock, ForbiddenError, NotFoundError } from '#common';
import type { Page, PageRequest } from '#common';
import { Transactions, type Tx } from '#database';
import type { User } from '#identity';
import { normalizeEmail, UserRepository } from '#identity';
import {
  InvitationAccepted,
  InvitationDeclined,
  OpenInvitationView,
} from './dto/organization.view.js';
import { InvitationRepository } from './invitation.repository.js';
import { assertInvitationOpen } from './invitation-state.js';
import { MembershipRepository } from './membership.repository.js';

/**
 * The signed-in person's own invitations: the only way, besides the mailed link, to become a
 * member. Only a confirmed address speaks for its owner, so an unverified account sees none.
 */
@Injectable()
export class MyInvitationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
  ) {}

  async list(userId: string, page: PageRequest): Promise<Page<OpenInvitationView>> {
    const user = await this.users.findById(userId);
    if (!user?.emailVerifiedAt) return { items: [] };
    return this.invitations.listOpenForEmail(normalizeEmail(user.email), this.clock.now(), page);
  }

  async accept(userId: string, invitationId: string): Promise<InvitationAccepted> {
    const user = await this.verifiedUser(userId);
    return this.transactions.run(async (tx) => {
      // Locked, so two accepts at once make one membership and the second sees it accepted.
      const invitation = await this.lockOwn(tx, invitationId, user);
      const now = this.clock.now();
      assertInvitationOpen(invitation, now);
      await this.memberships.insert(
        { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
        tx,
      );
      await this.invitations.markAccepted(tx, invitation.id, now);
      return { organizationId: invitation.organizationId, role: invitation.role };
    });
  }

  async decline(userId: string, invitationId: string): Promise<InvitationDeclined> {
    const user = await this.verifiedUser(userId);
    return this.transactions.run(async (tx) => {
      const invitation = await this.lockOwn(tx, invitationId, user);
      const now = this.clock.now();
      assertInvitationOpen(invitation, now);
      await this.invitations.markDeclined(tx, invitation.id, now);
      return { id: invitation.id, declined: true as const };
    });
  }

  private async verifiedUser(userId: string): Promise<User> {
    const user = await this.users.findById(userId);
    if (!user?.emailVerifiedAt) {
      throw new ForbiddenError(
        'email_unverified',
        'Confirm your e-mail address before answering invitations',
      );
    }
    return user;
  }

  /** The invitation, if it was sent to this person's address; anyone else's is not found. */
  private async lockOwn(tx: Tx, invitationId: string, user: User) {
    // The route checked `invitationId` as a UUID.
    const invitation = await this.invitations.lockForAcceptance(tx, invitationId);
    if (!invitation || invitation.email !== normalizeEmail(user.email)) {
      throw new NotFoundError('invitation_not_found', 'No such invitation');
    }
    return invitation;
  }
}
