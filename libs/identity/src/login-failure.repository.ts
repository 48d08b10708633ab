import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LoginFailure } from './login-failure.entity.js';

export interface BackoffPolicy {
  threshold: number;
  windowMinutes: number;
  baseSeconds: number;
  maxSeconds: number;
}

@Injectable()
export class LoginFailureRepository {
  constructor(
    @InjectRepository(LoginFailure) private readonly failures: Repository<LoginFailure>,
  ) {}

  /**
   * Counts an attempt as a failure up front, in one statement, so that parallel attempts cannot
   * all slip under the threshold; answers the time until which the key was already held back
   * instead (that attempt is not counted and does not extend the hold). From the threshold on,
   * each failure holds the key back `base * 2^(failures - threshold)` seconds, at most `max`.
   */
  async countAttempt(key: string, now: Date, policy: BackoffPolicy): Promise<Date | null> {
    const next = `(CASE WHEN f.last_failure_at <= $2::timestamptz - make_interval(mins => $3::int)
      THEN 1 ELSE f.failures + 1 END)`;
    const hold = (failures: string) => `CASE WHEN ${failures} >= $4::int THEN $2::timestamptz
      + make_interval(secs => LEAST($6::float8, $5::float8 * power(2, LEAST(${failures} - $4::int, 30))))
      END`;
    const counted: unknown[] = await this.failures.query(
      `INSERT INTO login_failures AS f (account_key, failures, last_failure_at, blocked_until)
       VALUES ($1, 1, $2, ${hold('1')})
       ON CONFLICT (account_key) DO UPDATE
         SET failures = ${next}, last_failure_at = $2, blocked_until = ${hold(next)}
         WHERE f.blocked_until IS NULL OR f.blocked_until <= $2
       RETURNING 1`,
      [key, now, policy.windowMinutes, policy.threshold, policy.baseSeconds, policy.maxSeconds],
    );
    if (counted.length > 0) return null;
    const held = await this.failures.findOneBy({ accountKey: key });
    return held?.blockedUntil ?? null;
  }

  /** Forgets the key's failures, and any other key's that ended before `staleBefore`. */
  async clear(key: string, now: Date, staleBefore: Date): Promise<void> {
    await this.failures.query(
      `DELETE FROM login_failures WHERE account_key = $1
         OR (last_failure_at < $3 AND (blocked_until IS NULL OR blocked_until <= $2))`,
      [key, now, staleBefore],
    );
  }
}
