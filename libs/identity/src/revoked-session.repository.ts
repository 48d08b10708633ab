import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { RevokedSession } from './revoked-session.entity.js';

@Injectable()
export class RevokedSessionRepository {
  constructor(
    @InjectRepository(RevokedSession) private readonly sessions: Repository<RevokedSession>,
  ) {}

  /** One primary-key read: it runs on every authenticated request. */
  async isRevoked(familyId: string): Promise<boolean> {
    const [row] = await this.sessions.query<{ revoked: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE family_id = $1) AS revoked',
      [familyId],
    );
    return row.revoked;
  }

  /** Denies the login's access tokens, whether or not it still has live refresh tokens. */
  async deny(familyId: string, at: Date): Promise<void> {
    await this.sessions.upsert({ familyId, revokedAt: at }, ['familyId']);
  }

  /** Forgets revocations older than `cutoff`: every access token they denied has expired. */
  async purgeRevokedBefore(cutoff: Date): Promise<void> {
    await this.sessions.delete({ revokedAt: LessThan(cutoff) });
  }
}
