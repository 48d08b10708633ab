import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  create(token: Pick<RefreshToken, 'userId' | 'familyId' | 'secretHash' | 'expiresAt'>) {
    return this.tokens.save(this.tokens.create(token));
  }

  findById(id: string): Promise<RefreshToken | null> {
    return this.tokens.findOneBy({ id });
  }

  /**
   * Marks an unused, unrevoked, unexpired token used. Answers false when another request got
   * there first or the token is no longer valid: the caller must treat that as reuse.
   */
  async markUsed(id: string, now: Date): Promise<boolean> {
    const result = await this.tokens.update(
      { id, usedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    return result.affected === 1;
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
