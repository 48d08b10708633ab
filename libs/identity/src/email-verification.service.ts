import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#common/domain-error.js';
import { isUuid } from '#common/validation.js';
import { AppConfig } from '#config/app-config.js';
import type { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

export interface VerificationEmail {
  to: string;
  displayName: string;
  link: string;
}

/**
 * Proof that a person controls their e-mail address. The link's token is `<userId>.<HMAC of the
 * id and address>`: nothing secret is stored, and changing the address voids older links.
 * Organizations add existing accounts by e-mail only once the address is verified.
 */
@Injectable()
export class EmailVerificationService {
  private readonly key: Buffer;

  constructor(
    private readonly users: UserRepository,
    private readonly config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('email-verification').digest();
  }

  /** The e-mail to send, or null when the account is gone or already verified. */
  async emailFor(userId: string): Promise<VerificationEmail | null> {
    const user = await this.users.findById(userId);
    if (!user || user.emailVerifiedAt) return null;
    const link = new URL('/verify-email/', this.config.PUBLIC_URL);
    link.hash = `token=${user.id}.${this.mac(user).toString('base64url')}`;
    return { to: user.email, displayName: user.displayName, link: link.toString() };
  }

  async verify(token: string): Promise<void> {
    const invalid = new NotFoundError(
      'verification_not_found',
      'This verification link is not valid',
    );
    const [id, mac] = token.split('.');
    if (!isUuid(id) || !mac) throw invalid;
    const user = await this.users.findById(id);
    if (!user) throw invalid;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(user);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
    await this.users.markEmailVerified(user.id, user.email, new Date());
  }

  private mac(user: Pick<User, 'id' | 'email'>): Buffer {
    return createHmac('sha256', this.key).update(`${user.id}:${user.email}`).digest();
  }
}
