import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import {
  CommunityCrisisFlag,
  CommunityDigestDelivery,
  CommunityMute,
  CommunityPost,
  CommunityPostReport,
  CommunityPreference,
  CommunityReadMarker,
} from '../community.entities.js';

@Injectable()
export class CommunityPersonalDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The person's own posts and replies, whatever became of them. */
  posts(userId: string) {
    return this.dataSource.getRepository(CommunityPost).find({
      where: { authorId: userId },
      select: {
        id: true,
        groupId: true,
        parentId: true,
        anonymous: true,
        body: true,
        contentWarning: true,
        status: true,
        createdAt: true,
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** What they reported and why (the post's text is someone else's). */
  reports(userId: string) {
    return this.dataSource.getRepository(CommunityPostReport).find({
      where: { reporterId: userId },
      select: { postId: true, reason: true, createdAt: true },
      order: { createdAt: 'ASC' },
    });
  }

  readMarkers(userId: string) {
    return this.dataSource.getRepository(CommunityReadMarker).find({
      where: { userId },
      select: { groupId: true, lastReadAt: true },
    });
  }

  mutes(userId: string) {
    return this.dataSource.getRepository(CommunityMute).find({
      where: { userId },
      select: { groupId: true, until: true },
    });
  }

  async digest(userId: string) {
    const row = await this.dataSource.getRepository(CommunityPreference).findOneBy({ userId });
    return row?.digest ?? 'daily';
  }

  /**
   * Blanks the person's posts (the thread keeps its place, "removed") and deletes their reports,
   * crisis flags, read markers, mutes, digest choice and digest deliveries.
   */
  async erase(userId: string, tx: Tx): Promise<void> {
    // Visible posts keep their place as "removed"; held and hidden ones stay out of sight.
    await tx.update(
      CommunityPost,
      { authorId: userId, status: 'visible' },
      { body: '', contentWarning: null, authorId: null, status: 'removed', pinnedAt: null },
    );
    await tx.update(
      CommunityPost,
      { authorId: userId },
      { body: '', contentWarning: null, authorId: null },
    );
    for (const [entity, key] of [
      [CommunityPostReport, 'reporterId'],
      [CommunityCrisisFlag, 'userId'],
      [CommunityReadMarker, 'userId'],
      [CommunityMute, 'userId'],
      [CommunityPreference, 'userId'],
      [CommunityDigestDelivery, 'userId'],
    ] as const) {
      await tx.delete(entity, { [key]: userId });
    }
  }
}
