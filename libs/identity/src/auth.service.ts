import { Injectable } from '@nestjs/common';
import { ConflictError, UnauthenticatedError } from '#common';
import { AuthResult, PublicUser } from './dto/auth.view.js';
import type { LoginDto, RegisterDto } from './dto/register.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { PasswordHasher } from './password-hasher.js';
import { EmailVerificationQueue } from './send-email-verification/email-verification.queue.js';
import { TokenService } from './token.service.js';
import { User } from './user.entity.js';
import { UserRepository } from './user.repository.js';

export const toPublicUser = ({ id, email, displayName }: User): PublicUser => ({
  id,
  email,
  displayName,
});

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly verificationMails: EmailVerificationQueue,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Mails a new verification link, unless the address is verified already. */
  async resendVerification(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (user && !user.emailVerifiedAt) await this.verificationMails.add({ userId });
  }

  async register(input: RegisterDto): Promise<AuthResult> {
    const user = await this.users.insert({
      email: input.email,
      displayName: input.displayName,
      passwordHash: await this.hasher.hash(input.password),
    });
    // Not a dead end: whoever owns the address can take over an account someone else registered
    // with it but never confirmed, by resetting its password.
    if (!user) {
      throw new ConflictError(
        'email_taken',
        'An account with this e-mail already exists. If the address is yours, sign in, or reset the password to take the account over.',
      );
    }
    await this.verificationMails.add({ userId: user.id });
    return { user: toPublicUser(user), ...(await this.tokens.issue(user.id)) };
  }

  /** `clientAddress`: where the request came from; the login throttle knows the owner's. */
  async login(input: LoginDto, clientAddress?: string): Promise<AuthResult> {
    const user = await this.verifyCredentials(input.email, input.password, clientAddress);
    return { user: toPublicUser(user), ...(await this.tokens.issue(user.id)) };
  }

  async refresh(refreshToken: string): Promise<AuthResult> {
    const { userId, pair } = await this.tokens.rotate(refreshToken);
    const user = await this.users.findById(userId);
    if (!user)
      throw new UnauthenticatedError('invalid_refresh_token', 'The refresh token is invalid');
    return { user: toPublicUser(user), ...pair };
  }

  /**
   * The account behind an e-mail and password, or `invalid_credentials` (same answer either way).
   * Too many wrong passwords for one e-mail answer `rate_limited` for a while, without hashing,
   * except from a client address the account was used from before (`clientAddress`).
   */
  async verifyCredentials(email: string, password: string, clientAddress?: string): Promise<User> {
    const attempt = await this.throttle.begin(email, clientAddress);
    const user = await this.users.findCredentialsByEmail(email);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) {
      throw new UnauthenticatedError('invalid_credentials', 'The e-mail or password is wrong');
    }
    await this.throttle.succeeded(attempt);
    return user;
  }
}
