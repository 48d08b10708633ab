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
  isRevoked(familyId: string): Promise<boolean> {
    return this.sessions.exists({ where: { familyId } });
  }

  /** Forgets revocations older than `cutoff`: every access token they denied has expired. */
  async purgeRevokedBefore(cutoff: Date): Promise<void> {
    await this.sessions.delete({ revokedAt: LessThan(cutoff) });
  }
}
