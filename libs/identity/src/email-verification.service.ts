import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError, linkWithToken, SignedTokens } from '#common';
import { AppConfig } from '#config';
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
  private readonly tokens: SignedTokens;

  constructor(
    private readonly users: UserRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'email-verification');
  }

  /** The e-mail to send, or null when the account is gone or already verified. */
  async emailFor(userId: string): Promise<VerificationEmail | null> {
    const user = await this.users.findById(userId);
    if (!user || user.emailVerifiedAt) return null;
    const link = linkWithToken(
      this.config.PUBLIC_URL,
      '/verify-email/',
      this.tokens.sign(user.id, user.email),
    );
    return { to: user.email, displayName: user.displayName, link };
  }

  async verify(token: string): Promise<void> {
    const invalid = new NotFoundError(
      'verification_not_found',
      'This verification link is not valid',
    );
    const id = this.tokens.idOf(token);
    const user = id && (await this.users.findById(id));
    if (!user || !this.tokens.verify(token, user.id, user.email)) throw invalid;
    await this.users.markEmailVerified(user.id, user.email, this.clock.now());
  }
}
