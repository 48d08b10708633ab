import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Transactions, type Tx } from '#database';
import { RefreshToken, type RevokedReason } from './refresh-token.entity.js';

type NewRefreshToken = Pick<RefreshToken, 'userId' | 'familyId' | 'secretHash' | 'expiresAt'>;

/** One login of a person, as their export shows it. */
export interface LoginRecord {
  startedAt: Date;
  lastRefreshedAt: Date;
  /** Signed out, expired or rotated away: no refresh token of it works any more. */
  ended: boolean;
}

export type ExchangeOutcome =
  | { outcome: 'rotated'; userId: string; successor: RefreshToken }
  | { outcome: 'missing' | 'expired' | 'reused' | 'signed_out' };

@Injectable()
export class RefreshTokenRepository {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    private readonly transactions: Transactions,
  ) {}

  create(token: NewRefreshToken): Promise<RefreshToken> {
    return this.tokens.save(this.tokens.create(token));
  }

  findById(id: string): Promise<RefreshToken | null> {
    return this.tokens.findOneBy({ id });
  }

  /** Signs out one login: its refresh tokens are revoked and its access tokens denied. */
  revokeFamily(familyId: string, at: Date): Promise<void> {
    return this.transactions.run((tx) => this.revokeWhere(tx, at, 'family_id = $1', [familyId]));
  }

  /**
   * Signs the user out everywhere (an account handed to its rightful owner, a new password),
   * except the login `exceptFamilyId` when given: refresh tokens revoked, access tokens denied.
   */
  async revokeAllForUser(userId: string, at: Date, tx: Tx, exceptFamilyId?: string): Promise<void> {
    await this.revokeWhere(tx, at, 'user_id = $1 AND family_id IS DISTINCT FROM $2::uuid', [
      userId,
      exceptFamilyId ?? null,
    ]);
  }

  /** After `revokeAllForUser` in the same transaction: the account is erased, its logins gone. */
  async deleteAllForUser(userId: string, tx: Tx): Promise<void> {
    await tx.delete(RefreshToken, { userId });
  }

  /** The person's logins (refresh families) for their export: when, never the secrets. */
  loginsOf(userId: string, now: Date): Promise<LoginRecord[]> {
    return this.tokens.query(
      `SELECT min(created_at) AS "startedAt", max(created_at) AS "lastRefreshedAt",
         NOT bool_or(used_at IS NULL AND revoked_at IS NULL AND expires_at > $2) AS "ended"
       FROM refresh_tokens WHERE user_id = $1
       GROUP BY family_id ORDER BY 1, 2`,
      [userId, now],
    );
  }

  /**
   * Locks the matching tokens first, so a refresh that is rotating one of them commits before
   * the update below takes its snapshot and its successor is revoked too.
   */
  private async revokeWhere(
    tx: Tx,
    at: Date,
    where: string,
    params: unknown[],
    reason: RevokedReason = 'signed_out',
  ): Promise<void> {
    await tx.query(
      `SELECT id FROM refresh_tokens WHERE ${where} AND revoked_at IS NULL FOR UPDATE`,
      params,
    );
    const atParam = `$${params.length + 1}`;
    const reasonParam = `$${params.length + 2}`;
    await tx.query(
      `WITH revoked AS (
         UPDATE refresh_tokens SET revoked_at = ${atParam}, revoked_reason = ${reasonParam}
         WHERE ${where} AND revoked_at IS NULL RETURNING family_id
       )
       INSERT INTO revoked_sessions (family_id, revoked_at)
       SELECT DISTINCT family_id, ${atParam}::timestamptz FROM revoked
       ON CONFLICT (family_id) DO UPDATE SET revoked_at = EXCLUDED.revoked_at`,
      [...params, at, reason],
    );
  }

  /**
   * Uses token `id` once, in one transaction under a lock on its row: a valid token is marked
   * used and its successor (same family) inserted before any competing request can look at it;
   * a used or revoked one revokes its whole family, successors included. `matches` checks the
   * presented secret against the stored hash.
   */
  exchange(
    id: string,
    matches: (secretHash: string) => boolean,
    successor: Omit<NewRefreshToken, 'userId' | 'familyId'>,
    now: Date,
  ): Promise<ExchangeOutcome> {
    return this.transactions.run(async (tx) => {
      const stored = await tx.findOne(RefreshToken, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || !matches(stored.secretHash)) return { outcome: 'missing' };
      // Revoked but never used: its login was signed out (logout, a new password), not stolen.
      if (stored.revokedReason === 'signed_out' && !stored.usedAt) {
        return { outcome: 'signed_out' };
      }
      if (stored.usedAt || stored.revokedAt) {
        // The thief's access tokens stop working too, not only its refresh tokens.
        await this.revokeWhere(tx, now, 'family_id = $1', [stored.familyId], 'reuse');
        return { outcome: 'reused' };
      }
      if (stored.expiresAt <= now) return { outcome: 'expired' };
      await tx.update(RefreshToken, { id }, { usedAt: now });
      const next = await tx.save(
        tx.create(RefreshToken, {
          ...successor,
          userId: stored.userId,
          familyId: stored.familyId,
        }),
      );
      return { outcome: 'rotated', userId: stored.userId, successor: next };
    });
  }
}
