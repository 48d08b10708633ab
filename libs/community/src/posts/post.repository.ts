import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, type SortKey, type Tx } from '#database';
import { CommunityPost, type HeldReason, type PostStatus } from '../community.entities.js';

/** Who reads: facilitators see every post; members see what is visible, removed, or their own. */
export interface PostViewer {
  userId: string;
  facilitator: boolean;
}

/** A post as read for a viewer, with its author's alias and the replies the viewer can see. */
export interface PostRow {
  id: string;
  groupId: string;
  parentId: string | null;
  authorId: string | null;
  authorName: string | null;
  anonymous: boolean;
  body: string;
  contentWarning: string | null;
  status: PostStatus;
  heldReasons: HeldReason[];
  /** The reason of the latest hide, when hidden. */
  hiddenReason?: string | null;
  pinnedAt: Date | null;
  createdAt: Date;
  replyCount: number;
}

const TOP_LEVEL_ORDER: SortKey[] = [
  { expression: 'CASE WHEN p.pinned_at IS NULL THEN 0 ELSE 1 END', type: 'integer', order: 'DESC' },
  { expression: 'p.created_at', type: 'timestamp', order: 'DESC' },
  { expression: 'p.id', type: 'uuid', order: 'DESC' },
];

const REPLY_ORDER: SortKey[] = [
  { expression: 'p.created_at', type: 'timestamp', order: 'ASC' },
  { expression: 'p.id', type: 'uuid', order: 'ASC' },
];

/**
 * The SQL condition "a member may see post `alias`" when its status is `status`: visible and
 * removed posts, and their own held (waiting for review) or hidden (marked so) posts.
 */
const memberSees = (alias: string, status = `${alias}.status`) =>
  `(${status} IN ('visible', 'removed') OR (${status} IN ('held', 'hidden') AND ${alias}.author_id = :viewerId))`;

/** The SQL condition "a member may see the thread of `alias`" when its status is `status`. */
const memberSeesThreadOf = (alias: string, status = `${alias}.status`) =>
  `(${status} IN ('visible', 'removed') OR (${status} = 'held' AND ${alias}.author_id = :viewerId))`;

/**
 * The SQL condition "a member may see the thread of `alias`": a hidden top post takes its replies
 * (its author sees the post itself, marked hidden, but not the replies under it).
 */
const memberSeesThread = (alias: string) =>
  `(${alias}.parent_id IS NULL OR EXISTS (SELECT 1 FROM community_posts ${alias}_top
     WHERE ${alias}_top.id = ${alias}.parent_id AND ${memberSeesThreadOf(`${alias}_top`)}))`;

/** The SQL condition "`alias` is a post the viewer may see". */
const visibleTo = (alias: string, viewer: PostViewer) =>
  viewer.facilitator ? 'TRUE' : `(${memberSees(alias)} AND ${memberSeesThread(alias)})`;

@Injectable()
export class PostRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    post: Pick<
      CommunityPost,
      | 'groupId'
      | 'parentId'
      | 'authorId'
      | 'anonymous'
      | 'body'
      | 'contentWarning'
      | 'status'
      | 'heldReasons'
      | 'createdAt'
    >,
    tx?: Tx,
  ): Promise<string> {
    const result = await (tx ?? this.dataSource.manager).insert(CommunityPost, post);
    return (result.identifiers[0] as { id: string }).id;
  }

  findById(postId: string, tx?: Tx): Promise<CommunityPost | null> {
    return (tx ?? this.dataSource.manager).findOneBy(CommunityPost, { id: postId });
  }

  lock(postId: string, tx: Tx): Promise<CommunityPost | null> {
    return tx
      .getRepository(CommunityPost)
      .createQueryBuilder('p')
      .where('p.id = :postId', { postId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async update(
    postId: string,
    change: Partial<Pick<CommunityPost, 'status' | 'pinnedAt'>>,
    tx: Tx,
  ): Promise<void> {
    await tx.update(CommunityPost, { id: postId }, change);
  }

  private select(viewer: PostViewer): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .from(CommunityPost, 'p')
      .leftJoin('users', 'u', 'u.id = p.author_id')
      .select([
        'p.id AS "id"',
        'p.group_id AS "groupId"',
        'p.parent_id AS "parentId"',
        'p.author_id AS "authorId"',
        'u.display_name AS "authorName"',
        'p.anonymous AS "anonymous"',
        'p.body AS "body"',
        'p.content_warning AS "contentWarning"',
        'p.status AS "status"',
        'p.held_reasons AS "heldReasons"',
        'p.pinned_at AS "pinnedAt"',
        `CASE WHEN p.status = 'hidden' THEN (SELECT a.reason FROM community_moderation_actions a
           WHERE a.post_id = p.id AND a.action = 'hide'
           ORDER BY a.created_at DESC, a.id DESC LIMIT 1) END AS "hiddenReason"`,
        'p.created_at AS "createdAt"',
      ])
      .addSelect(
        `(SELECT count(*)::int FROM community_posts r WHERE r.parent_id = p.id AND ${visibleTo('r', viewer)})`,
        'replyCount',
      )
      .setParameter('viewerId', viewer.userId);
  }

  /** The group's top-level posts the viewer may see, pinned first, then the newest first. */
  pageTopLevel(groupId: string, viewer: PostViewer, page: PageRequest): Promise<Page<PostRow>> {
    const query = this.select(viewer)
      .where('p.group_id = :groupId', { groupId })
      .andWhere('p.parent_id IS NULL')
      .andWhere(visibleTo('p', viewer));
    return pageOfRaw<PostRow>(query, TOP_LEVEL_ORDER, page);
  }

  /** A post's replies the viewer may see, the oldest first. */
  pageReplies(parentId: string, viewer: PostViewer, page: PageRequest): Promise<Page<PostRow>> {
    const query = this.select(viewer)
      .where('p.parent_id = :parentId', { parentId })
      .andWhere(visibleTo('p', viewer));
    return pageOfRaw<PostRow>(query, REPLY_ORDER, page);
  }

  /** One post as the viewer may see it, or null. */
  async findVisible(postId: string, viewer: PostViewer): Promise<PostRow | null> {
    const row = await this.select(viewer)
      .where('p.id = :postId', { postId })
      .andWhere(visibleTo('p', viewer))
      .getRawOne<PostRow>();
    return row ?? null;
  }

  /**
   * Whether a member could see the post back when its status was `from`: the post then, and its
   * thread now (a moderation action changes one post only).
   */
  async memberSawBefore(postId: string, viewer: PostViewer, from: PostStatus): Promise<boolean> {
    if (viewer.facilitator) return true;
    const row = await this.dataSource
      .createQueryBuilder()
      .from(CommunityPost, 'p')
      .select('p.id', 'id')
      .where('p.id = :postId', { postId })
      .andWhere(memberSees('p', 'CAST(:from AS text)'), { from })
      .andWhere(memberSeesThread('p'))
      .setParameter('viewerId', viewer.userId)
      .getRawOne<{ id: string }>();
    return row !== undefined;
  }

  /** Held posts of the group, the oldest first (the moderation queue). */
  held(groupId: string): Promise<PostRow[]> {
    return this.select({ userId: '00000000-0000-0000-0000-000000000000', facilitator: true })
      .where('p.group_id = :groupId', { groupId })
      .andWhere(`p.status = 'held'`)
      .orderBy('p.created_at', 'ASC')
      .limit(200)
      .getRawMany<PostRow>();
  }

  /** Posts with open reports, the most reported first. */
  reported(groupId: string): Promise<(PostRow & { reportReasons: string[] })[]> {
    return this.select({ userId: '00000000-0000-0000-0000-000000000000', facilitator: true })
      .innerJoin(
        (sub) =>
          sub
            .from('community_post_reports', 'rep')
            .select('rep.post_id', 'post_id')
            .addSelect('array_agg(rep.reason ORDER BY rep.created_at)', 'reasons')
            .where('rep.resolved_at IS NULL')
            .groupBy('rep.post_id'),
        'open',
        'open.post_id = p.id',
      )
      .addSelect('open.reasons', 'reportReasons')
      .where('p.group_id = :groupId', { groupId })
      .orderBy('cardinality(open.reasons)', 'DESC')
      .addOrderBy('p.created_at', 'ASC')
      .limit(200)
      .getRawMany();
  }

  /** Posts and replies by others the viewer may see, written after `since` (or ever). */
  async countUnread(groupId: string, viewer: PostViewer, since: Date | null): Promise<number> {
    const query = this.dataSource
      .createQueryBuilder()
      .from(CommunityPost, 'p')
      .select('count(*)::int', 'count')
      .where('p.group_id = :groupId', { groupId })
      .andWhere(`p.status = 'visible'`)
      .andWhere(visibleTo('p', viewer))
      .andWhere('p.author_id IS DISTINCT FROM :viewerId', { viewerId: viewer.userId });
    if (since) query.andWhere('p.created_at > :since', { since });
    const row = await query.getRawOne<{ count: number }>();
    return row?.count ?? 0;
  }

  /** The group's lead and co-facilitators: who is told that someone may need support. */
  async facilitatorIds(groupId: string, tx?: Tx): Promise<string[]> {
    const rows: { user_id: string }[] = await (tx ?? this.dataSource.manager).query(
      `SELECT f.user_id FROM (
         SELECT lead_facilitator_id AS user_id FROM groups WHERE id = $1
         UNION SELECT user_id FROM group_co_facilitators WHERE group_id = $1
       ) f
       -- Still in the organization: someone removed from it hears nothing of its groups.
       WHERE EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.organization_id = m.organization_id
                      WHERE g.id = $1 AND m.user_id = f.user_id)`,
      [groupId],
    );
    return rows.map((r) => r.user_id);
  }
}
