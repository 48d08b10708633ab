import { createHmac } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { Injectable } from '@nestjs/common';
import { Clock, RateLimitedError } from '#common';
import { AppConfig } from '#config';
import { KnownClientRepository, type KnownClientPolicy } from './known-client.repository.js';
import { type BackoffPolicy, LoginFailureRepository } from './login-failure.repository.js';
import { normalizeEmail } from './user.repository.js';

/** An attempt that was let through; report its success with {@link LoginThrottleService.succeeded}. */
export interface LoginAttempt {
  key: string;
  /** HMAC of the client address, when the caller knows it. */
  client: string | null;
  /** Whether it went through the account's failure count (an unknown client). */
  counted: boolean;
}

/** OWASP's "known clients": the last few addresses an account was used from, for 90 days. */
const KNOWN_CLIENTS: KnownClientPolicy = { perAccount: 10, days: 90 };

/**
 * Per-account brute-force protection, in PostgreSQL so it holds without Redis and across api
 * replicas. Counted per e-mail whether or not an account has it, so answers never tell which
 * addresses exist. A client address the account was used from before is exempt (it stays under
 * the per-address rate limit), so nobody can keep the owner out by guessing from elsewhere.
 */
/**
 * Who a client is, for recognising it: an IPv4 address (mapped ones too), or the /64 network of
 * an IPv6 one, since its privacy addresses change daily within it.
 */
export function clientNetwork(address: string): string {
  const trimmed = address.trim();
  if (!ipaddr.isValid(trimmed)) return trimmed.toLowerCase();
  const parsed = ipaddr.process(trimmed);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts.slice(0, 4).join(':')}::/64`;
}

@Injectable()
export class LoginThrottleService {
  private readonly keyed: Buffer;
  private readonly clientKeyed: Buffer;
  private readonly policy: BackoffPolicy;

  constructor(
    private readonly failures: LoginFailureRepository,
    private readonly knownClients: KnownClientRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.keyed = createHmac('sha256', config.JWT_SECRET).update('login-throttle').digest();
    this.clientKeyed = createHmac('sha256', config.JWT_SECRET).update('known-client').digest();
    this.policy = {
      threshold: config.LOGIN_FAILURE_THRESHOLD,
      windowMinutes: config.LOGIN_FAILURE_WINDOW_MINUTES,
      baseSeconds: config.LOGIN_BACKOFF_BASE_SECONDS,
      maxSeconds: config.LOGIN_BACKOFF_MAX_SECONDS,
    };
  }

  /**
   * Lets a password check for `email` from `clientAddress` go ahead, or refuses it with 429 while
   * the account is held back and the address is not one it was used from.
   */
  async begin(email: string, clientAddress?: string): Promise<LoginAttempt> {
    const key = this.keyOf(email);
    const client = clientAddress ? this.clientKeyOf(clientAddress) : null;
    const now = this.clock.now();
    if (client && (await this.knownClients.isKnown(key, client, now, KNOWN_CLIENTS.days))) {
      // Neither held nor counted: its own failures are bounded by the per-address rate limit.
      return { key, client, counted: false };
    }
    const heldUntil = await this.failures.countAttempt(key, now, this.policy);
    if (heldUntil && heldUntil > now) {
      const seconds = Math.max(1, Math.ceil((heldUntil.getTime() - now.getTime()) / 1000));
      throw new RateLimitedError(
        'rate_limited',
        `Too many wrong passwords for this account; try again in ${seconds} seconds or reset the password`,
        seconds,
      );
    }
    return { key, client, counted: true };
  }

  /**
   * The password was right: the client is known from now on. The account's failures are
   * forgotten only if this attempt was subject to them: the owner signing in from a known client
   * does not hand whoever is guessing elsewhere a fresh set of guesses.
   */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    if (attempt.counted) await this.forget(attempt.key);
    if (attempt.client) await this.remember(attempt.key, attempt.client);
  }

  /**
   * The owner proved themselves another way (a password reset): failures are forgotten and the
   * client is known. `reclaimed`: the account passed from whoever registered the address to its
   * owner, so the clients it was used from before are forgotten first.
   */
  async reset(email: string, clientAddress?: string, reclaimed = false): Promise<void> {
    const key = this.keyOf(email);
    await this.forget(key);
    if (reclaimed) await this.knownClients.forgetAccount(key);
    if (clientAddress) await this.remember(key, this.clientKeyOf(clientAddress));
  }

  /** The account was erased: nothing kept here derives from its address any more. */
  async forgetAccount(email: string): Promise<void> {
    const key = this.keyOf(email);
    await this.forget(key);
    await this.knownClients.forgetAccount(key);
  }

  private async remember(key: string, client: string): Promise<void> {
    await this.knownClients.remember(key, client, this.clock.now(), KNOWN_CLIENTS);
  }

  private async forget(key: string): Promise<void> {
    const now = this.clock.now();
    const window = this.config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000;
    await this.failures.clear(key, now, new Date(now.getTime() - window));
  }

  private keyOf(email: string): string {
    return createHmac('sha256', this.keyed).update(normalizeEmail(email)).digest('base64url');
  }

  private clientKeyOf(address: string): string {
    return createHmac('sha256', this.clientKeyed)
      .update(clientNetwork(address))
      .digest('base64url');
  }
}
