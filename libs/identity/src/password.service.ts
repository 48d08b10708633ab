import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidInputError, NotFoundError, UnauthenticatedError } from '#common/domain-error.js';
import { linkWithToken, SignedTokens } from '#common/signed-token.js';
import { AppConfig } from '#config/app-config.js';
import { NotificationsProducer } from '#queue/notifications.producer.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { type AccessIdentity, TokenService } from './token.service.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

export interface PasswordResetEmail {
  to: string;
  displayName: string;
  link: string;
  validMinutes: number;
}

/**
 * Changing and resetting passwords. A reset link is `<userId>.<HMAC>` bound to the moment it
 * was asked for, the address and the current password hash: nothing secret is stored, a newer
 * request voids older links, and setting the password voids the link that did it.
 */
@Injectable()
export class PasswordService {
  private readonly links: SignedTokens;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly throttle: LoginThrottle,
    private readonly producer: NotificationsProducer,
    private readonly config: AppConfig,
  ) {
    this.links = new SignedTokens(config.JWT_SECRET, 'password-reset');
  }

  /** Sets a new password and signs out every other login of the user; the caller's stays. */
  async change(
    caller: AccessIdentity,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.users.findById(caller.userId);
    if (!user) {
      throw new UnauthenticatedError('invalid_access_token', 'The account no longer exists');
    }
    await this.auth.verifyCredentials(user.email, currentPassword).catch((error: unknown) => {
      if (!(error instanceof UnauthenticatedError)) throw error;
      throw new InvalidInputError(
        'current_password_wrong',
        'The current password is wrong',
        'currentPassword',
      );
    });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(user.id, passwordHash, manager);
      await this.refreshTokens.revokeAllForUser(user.id, new Date(), manager, caller.sessionId);
    });
    await this.tokens.forgetExpiredRevocations();
  }

  /**
   * Mails a reset link if an account has this address. The caller learns nothing either way:
   * the same one statement runs, and the mail goes out from the worker.
   */
  async requestReset(email: string): Promise<void> {
    const userId = await this.users.markPasswordResetRequested(email, new Date());
    if (userId) await this.producer.sendPasswordReset({ userId });
  }

  /** The e-mail to send, or null when the account is gone or its request expired or was used. */
  async resetEmailFor(userId: string): Promise<PasswordResetEmail | null> {
    const user = await this.users.findWithResetState(userId);
    if (!user || !this.isPending(user)) return null;
    return {
      to: user.email,
      displayName: user.displayName,
      link: linkWithToken(this.config.PUBLIC_URL, '/reset-password/', this.sign(user)),
      validMinutes: this.config.PASSWORD_RESET_TTL_MINUTES,
    };
  }

  /**
   * Sets the password chosen through a reset link, once, and signs out every login of the
   * account. The link proved the address: it is marked verified, which is how the owner of an
   * address takes it back from whoever registered it without confirming it.
   */
  async confirmReset(token: string, newPassword: string): Promise<void> {
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
    const requestedAt = user.passwordResetRequestedAt;
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      // Two uses of one link at once: only the first changes the password.
      if (!(await this.users.completePasswordReset(user.id, passwordHash, requestedAt, manager))) {
        throw invalid;
      }
      await this.refreshTokens.revokeAllForUser(user.id, new Date(), manager);
    });
    // The owner proved themselves: a hold-back from someone guessing must not keep them out.
    await this.throttle.reset(user.email);
    await this.tokens.forgetExpiredRevocations();
  }

  private isPending(user: User): boolean {
    const requestedAt = user.passwordResetRequestedAt;
    const ttlMs = this.config.PASSWORD_RESET_TTL_MINUTES * 60_000;
    return !!requestedAt && requestedAt.getTime() + ttlMs > Date.now();
  }

  private sign(user: User): string {
    return this.links.sign(user.id, this.bound(user));
  }

  private bound(user: User): string {
    return `${user.passwordResetRequestedAt?.getTime()}:${user.email}:${user.passwordHash}`;
  }
}
