import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Tx } from '#database';
import { CommunityDigestDelivery } from '../community.entities.js';

/** A person to tell about new posts: how many, in how many groups (one group: which). */
export interface DigestRecipient {
  userId: string;
  email: string;
  count: number;
  groups: number;
  groupId: string;
}

export type DigestKey = Pick<CommunityDigestDelivery, 'userId' | 'digestDate' | 'channel'>;

@Injectable()
export class DigestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Everyone who chose the daily digest (the default) and has visible posts by others, unread,
   * written in (since, until], in a group they are a member (not withdrawn) or facilitator of.
   */
  async recipients(since: Date, until: Date): Promise<DigestRecipient[]> {
    const rows: {
      user_id: string;
      email: string;
      count: number;
      groups: number;
      group_id: string;
    }[] = await this.dataSource.query(
      `WITH viewers AS (
         SELECT e.group_id, e.user_id FROM enrollments e WHERE e.status <> 'withdrawn'
         UNION SELECT g.id, g.lead_facilitator_id FROM groups g
         UNION SELECT c.group_id, c.user_id FROM group_co_facilitators c
       )
       SELECT v.user_id, u.email, count(p.id)::int AS count,
              count(DISTINCT v.group_id)::int AS groups, min(v.group_id::text) AS group_id
         FROM viewers v
         JOIN groups g ON g.id = v.group_id
         -- As GroupAccess: nobody outside the organization (removed from it) sees its groups.
         JOIN memberships ms ON ms.organization_id = g.organization_id AND ms.user_id = v.user_id
         JOIN users u ON u.id = v.user_id AND u.erased_at IS NULL
         JOIN community_posts p ON p.group_id = v.group_id AND p.status = 'visible'
          AND p.author_id IS DISTINCT FROM v.user_id
          -- A reply counts only while its thread is up.
          AND (p.parent_id IS NULL OR EXISTS (SELECT 1 FROM community_posts t
                WHERE t.id = p.parent_id AND t.status IN ('visible', 'removed')))
          AND p.created_at > $1 AND p.created_at <= $2
         LEFT JOIN community_read_markers m ON m.group_id = v.group_id AND m.user_id = v.user_id
         LEFT JOIN community_preferences cp ON cp.user_id = v.user_id
        WHERE (m.last_read_at IS NULL OR p.created_at > m.last_read_at)
          AND COALESCE(cp.digest, 'daily') = 'daily'
        GROUP BY v.user_id, u.email
        ORDER BY v.user_id`,
      [since, until],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      count: r.count,
      groups: r.groups,
      groupId: r.group_id,
    }));
  }

  /**
   * Takes this person's digest for the day and channel, or answers false when a round (this one
   * run twice, or another at the same time) took it already: a claim is never taken over, so a
   * digest goes at most once. `sent` records one delivered in the same transaction (in-app).
   */
  async claim(key: DigestKey, status: 'sending' | 'sent', at: Date, tx?: Tx): Promise<boolean> {
    const inserted = await (tx ?? this.dataSource.manager)
      .createQueryBuilder()
      .insert()
      .into(CommunityDigestDelivery)
      .values({ ...key, status, sentAt: status === 'sent' ? at : null })
      .orIgnore()
      .returning('user_id')
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  async markSent(key: DigestKey, at: Date): Promise<void> {
    await this.dataSource.manager.update(CommunityDigestDelivery, key, {
      status: 'sent',
      sentAt: at,
    });
  }

  /** Gives a claim back when sending failed, for the next round. */
  async release(key: DigestKey): Promise<void> {
    await this.dataSource.manager.delete(CommunityDigestDelivery, { ...key, status: 'sending' });
  }
}
