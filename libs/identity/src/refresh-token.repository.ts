import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

type NewRefreshToken = Pick<RefreshToken, 'userId' | 'familyId' | 'secretHash' | 'expiresAt'>;

export type ExchangeOutcome =
  | { outcome: 'rotated'; userId: string; successor: RefreshToken }
  | { outcome: 'missing' | 'expired' | 'reused' };

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  create(token: NewRefreshToken): Promise<RefreshToken> {
    return this.tokens.save(this.tokens.create(token));
  }

  /** Signs the user out everywhere (an account handed to its rightful owner). */
  async revokeAllForUser(userId: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: at });
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
    return this.tokens.manager.transaction(async (manager) => {
      const stored = await manager.findOne(RefreshToken, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!stored || !matches(stored.secretHash)) return { outcome: 'missing' };
      if (stored.usedAt || stored.revokedAt) {
        await manager.update(
          RefreshToken,
          { familyId: stored.familyId, revokedAt: IsNull() },
          { revokedAt: now },
        );
        return { outcome: 'reused' };
      }
      if (stored.expiresAt <= now) return { outcome: 'expired' };
      await manager.update(RefreshToken, { id }, { usedAt: now });
      const next = await manager.save(
        manager.create(RefreshToken, {
          ...successor,
          userId: stored.userId,
          familyId: stored.familyId,
        }),
      );
      return { outcome: 'rotated', userId: stored.userId, successor: next };
    });
  }
}
