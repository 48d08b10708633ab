import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CommunityPreference,
  CommunityReadMarker,
  CommunityWatchedWords,
  type DigestChoice,
} from '../community.entities.js';

@Injectable()
export class SpaceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async readMarker(groupId: string, userId: string): Promise<Date | null> {
    const row = await this.dataSource.manager.findOneBy(CommunityReadMarker, { groupId, userId });
    return row?.lastReadAt ?? null;
  }

  /** Moves the marker forward only: an older time (another tab) never un-reads posts. */
  async markRead(groupId: string, userId: string, at: Date): Promise<Date> {
    const rows: { last_read_at: Date }[] = await this.dataSource.query(
      `INSERT INTO community_read_markers (group_id, user_id, last_read_at) VALUES ($1, $2, $3)
       ON CONFLICT (group_id, user_id) DO UPDATE
         SET last_read_at = GREATEST(community_read_markers.last_read_at, EXCLUDED.last_read_at)
       RETURNING last_read_at`,
      [groupId, userId, at],
    );
    return rows[0]!.last_read_at;
  }

  async digest(userId: string): Promise<DigestChoice> {
    const row = await this.dataSource.manager.findOneBy(CommunityPreference, { userId });
    return row?.digest ?? 'daily';
  }

  async setDigest(userId: string, digest: DigestChoice): Promise<void> {
    await this.dataSource.manager.upsert(CommunityPreference, { userId, digest }, ['userId']);
  }

  async watchedWords(organizationId: string): Promise<string[]> {
    const row = await this.dataSource.manager.findOneBy(CommunityWatchedWords, { organizationId });
    return row?.words ?? [];
  }

  async setWatchedWords(
    organizationId: string,
    words: string[],
    updatedById: string,
    updatedAt: Date,
  ): Promise<void> {
    await this.dataSource.manager.upsert(
      CommunityWatchedWords,
      { organizationId, words, updatedById, updatedAt },
      ['organizationId'],
    );
  }
}
