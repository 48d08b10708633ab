import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { PreparedStatement } from '#database';
import { RevokedSession } from './revoked-session.entity.js';

@Injectable()
export class RevokedSessionRepository {
  private readonly revoked: PreparedStatement<{ revoked: boolean }>;

  constructor(
    @InjectRepository(RevokedSession) private readonly sessions: Repository<RevokedSession>,
  ) {
    this.revoked = new PreparedStatement(
      sessions.manager.dataSource,
      () => 'SELECT EXISTS (SELECT 1 FROM revoked_sessions WHERE family_id = $1) AS revoked',
    );
  }

  /** One primary-key read: it runs on every authenticated request. */
  async isRevoked(familyId: string): Promise<boolean> {
    return (await this.revoked.first([familyId]))!.revoked;
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
