import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, InvalidInputError, NotFoundError, SignedTokens } from '#common';
import type { Page, PageRequest } from '#common';
import { AppConfig } from '#config';
import { Transactions, type Tx } from '#database';
import {
  AuthService,
  toPublicUser,
  LoginThrottleService,
  PasswordHasher,
  isGuessablePassword,
  WEAK_PASSWORD_MESSAGE,
  RefreshTokenRepository,
  TokenService,
  normalizeEmail,
  UserRepository,
} from '#identity';
import type { User } from '#identity';
import type { AcceptInvitationDto } from './dto/organization.dto.js';
import { InvitationSession, InvitationView } from './dto/organization.view.js';
import type { Invitation } from './invitation.entity.js';
import { InvitationRepository } from './invitation.repository.js';
import { assertInvitationOpen } from './invitation-state.js';
import { assertMayGrant } from './members.service.js';
import { MembershipRepository } from './membership.repository.js';
import type { OrganizationRole } from './organization-role.js';
import { OrganizationRepository } from './organization.repository.js';
import { InvitationEmailQueue } from './send-invitation-email/invitation-email.queue.js';

/** What the invitation e-mail needs; built by the worker when the job runs. */
export interface InvitationEmail {
  to: string;
  organizationName: string;
  role: OrganizationRole;
  link: string;
  expiresAt: Date;
  /** A verified account uses the address: it may also accept in Hearth after signing in. */
  hasAccount: boolean;
}

@Injectable()
export class InvitationsService {
  private readonly links: SignedTokens;

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly invitations: InvitationRepository,
    private readonly organizations: OrganizationRepository,
    private readonly memberships: MembershipRepository,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly throttle: LoginThrottleService,
    private readonly invitationMails: InvitationEmailQueue,
    private readonly config: AppConfig,
  ) {
    this.links = new SignedTokens(config.JWT_SECRET, 'invitation-link');
  }

  async invite(
    organizationId: string,
    actor: { userId: string; role: OrganizationRole },
    email: string,
    role: OrganizationRole,
  ): Promise<InvitationView> {
    assertMayGrant(actor.role, role);
    const existing = await this.users.findByEmail(email);
    if (existing && (await this.memberships.find(organizationId, existing.id))) {
      throw new ConflictError('already_member', 'This person already belongs to the organization');
    }
    const invitation = await this.invitations.upsertPending({
      organizationId,
      email: normalizeEmail(email),
      role,
      invitedById: actor.userId,
      expiresAt: new Date(this.clock.millis() + this.config.INVITATION_TTL_HOURS * 3_600_000),
    });
    // Enqueued only after the invitation committed, so the worker always finds it.
    await this.invitationMails.add({
      invitationId: invitation.id,
      version: invitation.version,
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }

  /** Open invitations (neither accepted, declined nor expired), soonest to expire first. */
  listOpen(organizationId: string, page: PageRequest): Promise<Page<InvitationView>> {
    return this.invitations.listOpenForOrganization(organizationId, this.clock.now(), page);
  }

  /**
   * Accepts an invitation. A new account gets the password chosen here; an existing account must
   * prove it is theirs with its password. Answers a signed-in session either way.
   * `clientAddress` is where the request came from, for the login throttle.
   */
  async accept(input: AcceptInvitationDto, clientAddress?: string): Promise<InvitationSession> {
    const invitation = await this.findByToken(input.token);
    assertInvitationOpen(invitation, this.clock.now());

    // A verified account proves it is theirs with its password. An unverified one may have been
    // registered by anyone; the invitation link proves who owns the address, so it is theirs now.
    const existing = await this.users.findByEmail(invitation.email);
    const claims = !existing?.emailVerifiedAt;
    if (!claims) {
      await this.auth.verifyCredentials(invitation.email, input.password, clientAddress);
    } else if (!input.displayName && !existing) {
      throw new InvalidInputError(
        'display_name_required',
        'displayName is required to create an account',
        'displayName',
      );
    }
    // A password chosen here meets the policy; an existing account's own password is checked as is.
    if (claims && isGuessablePassword(input.password, [invitation.email])) {
      throw new InvalidInputError('validation_failed', WEAK_PASSWORD_MESSAGE, 'password');
    }
    const passwordHash = claims ? await this.hasher.hash(input.password) : null;

    const user = await this.transactions.run(async (tx) => {
      const locked = await this.invitations.lockForAcceptance(tx, invitation.id);
      // Re-sent meanwhile: the link in hand is no longer the valid one.
      if (!locked || locked.version !== invitation.version) throw this.invalidLink();
      const now = this.clock.now();
      assertInvitationOpen(locked, now);
      const member = existing
        ? await this.claimIfUnverified(existing, input.displayName, passwordHash, now, tx)
        : await this.users.insert(
            {
              email: locked.email,
              displayName: input.displayName!,
              passwordHash: passwordHash!,
              emailVerifiedAt: now,
            },
            tx,
          );
      if (!member) throw new ConflictError('email_taken', 'An account with this e-mail exists');
      await this.memberships.insert(
        { organizationId: locked.organizationId, userId: member.id, role: locked.role },
        tx,
      );
      await this.invitations.markAccepted(tx, locked.id, now);
      return member;
    });
    // Claimed: the link proved the address, so this client is known and the squatter's are not.
    if (existing && claims) await this.throttle.reset(existing.email, clientAddress, true);
    return {
      user: toPublicUser(user),
      organizationId: invitation.organizationId,
      ...(await this.tokens.issue(user.id)),
    };
  }

  private async claimIfUnverified(
    user: User,
    displayName: string | undefined,
    passwordHash: string | null,
    at: Date,
    tx: Tx,
  ): Promise<User> {
    if (!passwordHash) return user;
    const claimed = { passwordHash, displayName: displayName ?? user.displayName };
    if (!(await this.users.claimUnverified(user.id, claimed, at, tx))) {
      throw new ConflictError('invitation_retry', 'The account changed meanwhile; try again');
    }
    // Whoever registered the address before its owner is signed out.
    await this.refreshTokens.revokeAllForUser(user.id, at, tx);
    return { ...user, displayName: claimed.displayName, emailVerifiedAt: at };
  }

  /** The e-mail for this invitation version, or null when there is nothing (left) to send. */
  async emailFor(invitationId: string, version: number): Promise<InvitationEmail | null> {
    const invitation = await this.invitations.findById(invitationId);
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.declinedAt ||
      invitation.expiresAt <= this.clock.now() ||
      invitation.version !== version ||
      invitation.sentVersion >= version
    ) {
      return null;
    }
    const [organization, account] = await Promise.all([
      this.organizations.findById(invitation.organizationId),
      this.users.findByEmail(invitation.email),
    ]);
    if (!organization) return null;
    const link = new URL('/invitations/accept', this.config.PUBLIC_URL);
    // The token rides in the fragment, which browsers never send to a server or its logs.
    link.hash = `token=${this.links.sign(invitation.id, String(invitation.version))}`;
    return {
      to: invitation.email,
      organizationName: organization.name,
      role: invitation.role,
      link: link.toString(),
      expiresAt: invitation.expiresAt,
      hasAccount: !!account?.emailVerifiedAt,
    };
  }

  markSent(invitationId: string, version: number): Promise<void> {
    return this.invitations.markSent(invitationId, version);
  }

  private async findByToken(token: string): Promise<Invitation> {
    const id = this.links.idOf(token);
    const invitation = id && (await this.invitations.findById(id));
    if (!invitation || !this.links.verify(token, invitation.id, String(invitation.version))) {
      throw this.invalidLink();
    }
    return invitation;
  }

  private invalidLink(): NotFoundError {
    return new NotFoundError('invitation_not_found', 'This invitation link is not valid');
  }
}
