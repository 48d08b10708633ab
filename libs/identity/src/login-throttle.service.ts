import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RateLimitedError } from '#common/domain-error.js';
import { AppConfig } from '#config/app-config.js';
import { type BackoffPolicy, LoginFailureRepository } from './login-failure.repository.js';
import { normalizeEmail } from './user.repository.js';

/** An attempt that was let through; report its success with {@link LoginThrottle.succeeded}. */
export interface LoginAttempt {
  key: string;
}

/**
 * Per-account brute-force protection, in PostgreSQL so it holds without Redis and across api
 * replicas. Counted per e-mail whether or not an account has it, so answers never tell which
 * addresses exist; the hold-back is short and capped, so nobody can lock an owner out for long.
 */
@Injectable()
export class LoginThrottle {
  private readonly keyed: Buffer;
  private readonly policy: BackoffPolicy;

  constructor(
    private readonly failures: LoginFailureRepository,
    private readonly config: AppConfig,
  ) {
    this.keyed = createHmac('sha256', config.JWT_SECRET).update('login-throttle').digest();
    this.policy = {
      threshold: config.LOGIN_FAILURE_THRESHOLD,
      windowMinutes: config.LOGIN_FAILURE_WINDOW_MINUTES,
      baseSeconds: config.LOGIN_BACKOFF_BASE_SECONDS,
      maxSeconds: config.LOGIN_BACKOFF_MAX_SECONDS,
    };
  }

  /** Lets a password check for `email` go ahead, or refuses it with 429 while held back. */
  async begin(email: string): Promise<LoginAttempt> {
    const key = this.keyOf(email);
    const now = new Date();
    const heldUntil = await this.failures.countAttempt(key, now, this.policy);
    if (heldUntil && heldUntil > now) {
      const seconds = Math.max(1, Math.ceil((heldUntil.getTime() - now.getTime()) / 1000));
      throw new RateLimitedError(
        'rate_limited',
        `Too many wrong passwords for this account; try again in ${seconds} seconds or reset the password`,
        seconds,
      );
    }
    return { key };
  }

  /** The password was right: the account's failures are forgotten. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.forget(attempt.key);
  }

  /** The owner proved themselves another way (a password reset). */
  async reset(email: string): Promise<void> {
    await this.forget(this.keyOf(email));
  }

  private async forget(key: string): Promise<void> {
    const now = new Date();
    const window = this.config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
    await this.failures.clear(key, now, new Date(now.getTime() - window));
  }

  private keyOf(email: string): string {
    return createHmac('sha256', this.keyed).update(normalizeEmail(email)).digest('base64url');
  }
}
