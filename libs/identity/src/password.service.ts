import { Injectable } from '@nestjs/common';
import {
  Clock,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
  linkWithToken,
  SignedTokens,
} from '#common';
import { AppConfig } from '#config';
import { Transactions } from '#database';
import { AuthService } from './auth.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { isGuessablePassword, WEAK_PASSWORD_MESSAGE } from './password-policy.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { PasswordResetQueue } from './send-password-reset/password-reset.queue.js';
import { type AccessIdentity, TokenService } from './token.service.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

export interface PasswordResetEmail {
  to: string;
  displayName: string;
  link: string;
  validMinutes: number;
}

/** A pending reset link is mailed again at most this often, however often it is asked for. */
const RESET_REMAIL_MINUTES = 5;

/**
 * Changing and resetting passwords. A reset link is `<userId>.<HMAC>` bound to the moment it
 * was asked for, the address and the current password hash: nothing secret is stored, and
 * setting the password voids the link that did it. Asking again while a link is pending keeps
 * that link (re-mailed at most every 5 minutes), so nobody can void the owner's link or flood them.
 */
@Injectable()
export class PasswordService {
  private readonly links: SignedTokens;

  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly throttle: LoginThrottleService,
    private readonly resetMails: PasswordResetQueue,
    private readonly config: AppConfig,
  ) {
    this.links = new SignedTokens(config.JWT_SECRET, 'password-reset');
  }

  /**
   * Sets a new password and signs out every other login of the user; the caller's stays.
   * `clientAddress` is where the request came from, for the login throttle.
   */
  async change(
    caller: AccessIdentity,
    currentPassword: string,
    newPassword: string,
    clientAddress?: string,
  ): Promise<void> {
    const user = await this.users.findById(caller.userId);
    if (!user) {
      throw new UnauthenticatedError('invalid_access_token', 'The account no longer exists');
    }
    await this.auth
      .verifyCredentials(user.email, currentPassword, clientAddress)
      .catch((error: unknown) => {
        if (!(error instanceof UnauthenticatedError)) throw error;
        throw new InvalidInputError(
          'current_password_wrong',
          'The current password is wrong',
          'currentPassword',
        );
      });
    if (newPassword === currentPassword) {
      throw new InvalidInputError(
        'password_unchanged',
        'newPassword must differ from the current password',
        'newPassword',
      );
    }
    // The DTO has no e-mail or name to weigh the password against; the account has.
    assertNotGuessable(newPassword, [user.email, user.displayName]);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.transactions.run(async (tx) => {
      await this.users.setPassword(user.id, passwordHash, tx);
      await this.refreshTokens.revokeAllForUser(user.id, this.clock.now(), tx, caller.sessionId);
    });
    await this.tokens.forgetExpiredRevocations();
  }

  /**
   * Mails a reset link if an account has this address. The caller learns nothing either way:
   * the same one statement runs, and the mail goes out from the worker.
   */
  async requestReset(email: string): Promise<void> {
    const mailing = await this.users.requestPasswordReset(
      email,
      this.clock.now(),
      this.config.PASSWORD_RESET_TTL_MINUTES,
      RESET_REMAIL_MINUTES,
    );
    // Always one job, so the answer takes as long whether or not there is an account (or a mail
    // due): a job without a user finds nothing to do in the worker. It carries no address.
    await this.resetMails.add(
      mailing
        ? {
            userId: mailing.userId,
            requestedAt: mailing.requestedAt.getTime(),
            mailedAt: mailing.mailedAt.getTime(),
          }
        : { userId: null, requestedAt: 0, mailedAt: this.clock.millis() },
    );
  }

  /**
   * The e-mail to send for the mailing decided at `mailedAt`, or null when the account is gone,
   * its request expired or was used, or a later mailing of the same link superseded this one.
   */
  async resetEmailFor(userId: string, mailedAt?: number): Promise<PasswordResetEmail | null> {
    const user = await this.users.findWithResetState(userId);
    if (!user || !this.isPending(user)) return null;
    // Jobs queued before mailings were recorded carry no time; they mail the pending link.
    if (mailedAt !== undefined && user.passwordResetMailedAt?.getTime() !== mailedAt) return null;
    return {
      to: user.email,
      displayName: user.displayName,
      link: linkWithToken(this.config.PUBLIC_URL, '/reset-password/', this.sign(user)),
      // A kept link is mailed again with the time it has left, not a fresh lifetime.
      validMinutes: Math.max(
        1,
        Math.floor(
          (user.passwordResetRequestedAt!.getTime() +
            this.config.PASSWORD_RESET_TTL_MINUTES * 60_000 -
            this.clock.millis()) /
            60_000,
        ),
      ),
    };
  }

  /**
   * Sets the password chosen through a reset link, once, and signs out every login of the
   * account. The link proved the address: it is marked verified, which is how the owner of an
   * address takes it back from whoever registered it without confirming it (a reclaim: that
   * person's organizations and groups are removed from the account, and its alias reset).
   */
  async confirmReset(token: string, newPassword: string, clientAddress?: string): Promise<void> {
    const invalid = new NotFoundError(
      'reset_link_invalid',
      'This password-reset link is not valid (it may have been used already); ask for a new one',
    );
    const id = this.links.idOf(token);
    const user = id && (await this.users.findWithResetState(id));
    if (
      !user ||
      !user.passwordResetRequestedAt ||
      !this.links.verify(token, user.id, this.bound(user))
    ) {
      throw invalid;
    }
    if (!this.isPending(user)) {
      throw new NotFoundError(
        'reset_link_expired',
        'This password-reset link has expired; ask for a new one',
      );
    }
    assertNotGuessable(newPassword, [user.email]);
    const requestedAt = user.passwordResetRequestedAt;
    const passwordHash = await this.hasher.hash(newPassword);
    const { reclaimed } = await this.transactions.run(async (tx) => {
      // Two uses of one link at once: only the first changes the password.
      const done = await this.users.completePasswordReset(user.id, passwordHash, requestedAt, tx);
      if (!done) throw invalid;
      await this.refreshTokens.revokeAllForUser(user.id, this.clock.now(), tx);
      return done;
    });
    // The owner proved themselves: a hold-back from someone guessing must not keep them out,
    // here or from this client later; after a reclaim the squatter's clients are not known.
    await this.throttle.reset(user.email, clientAddress, reclaimed);
    await this.tokens.forgetExpiredRevocations();
  }

  private isPending(user: User): boolean {
    const requestedAt = user.passwordResetRequestedAt;
    const ttlMs = this.config.PASSWORD_RESET_TTL_MINUTES * 60_000;
    return !!requestedAt && requestedAt.getTime() + ttlMs > this.clock.millis();
  }

  private sign(user: User): string {
    return this.links.sign(user.id, this.bound(user));
  }

  private bound(user: User): string {
    return `${user.passwordResetRequestedAt?.getTime()}:${user.email}:${user.passwordHash}`;
  }
}

function assertNotGuessable(password: string, related: string[]): void {
  if (isGuessablePassword(password, related)) {
    throw new InvalidInputError('validation_failed', WEAK_PASSWORD_MESSAGE, 'newPassword');
  }
}
