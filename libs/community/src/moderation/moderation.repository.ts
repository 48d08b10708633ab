import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfRaw, type Tx } from '#database';
import {
  CommunityCrisisFlag,
  CommunityModerationAction,
  CommunityMute,
  CommunityPostReport,
} from '../community.entities.js';

export interface ModerationActionRow {
  id: string;
  action: CommunityModerationAction['action'];
  actorId: string;
  actorName: string | null;
  postId: string | null;
  /** The post's first characters (more than shown, to tell it was cut); null when removed. */
  postExcerpt: string | null;
  subjectUserId: string | null;
  subjectName: string | null;
  reason: string | null;
  until: Date | null;
  createdAt: Date;
}

/** How many characters of a post the facilitators' log shows. */
export const LOG_EXCERPT_LENGTH = 60;

export interface ActiveMuteRow {
  userId: string;
  displayName: string | null;
  until: Date;
  reason: string | null;
}

export interface CrisisFlagRow {
  id: string;
  userId: string;
  displayName: string | null;
  postId: string | null;
  createdAt: Date;
}

@Injectable()
export class ModerationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends to the log (the table refuses updates). */
  async record(
    action: Pick<
      CommunityModerationAction,
      | 'groupId'
      | 'actorId'
      | 'action'
      | 'postId'
      | 'subjectUserId'
      | 'reason'
      | 'until'
      | 'createdAt'
    >,
    tx: Tx,
  ): Promise<void> {
    await tx.insert(CommunityModerationAction, action);
  }

  pageLog(groupId: string, page: PageRequest): Promise<Page<ModerationActionRow>> {
    const query = this.dataSource
      .createQueryBuilder()
      .from(CommunityModerationAction, 'a')
      .leftJoin('users', 'actor', 'actor.id = a.actor_id')
      .leftJoin('users', 'subject', 'subject.id = a.subject_user_id')
      .leftJoin('community_posts', 'post', 'post.id = a.post_id')
      .select([
        'a.id AS "id"',
        'a.action AS "action"',
        'a.actor_id AS "actorId"',
        'actor.display_name AS "actorName"',
        'a.post_id AS "postId"',
        // Only for the facilitators' log: a removed post (its author erased) has no text to show.
        `CASE WHEN post.status = 'removed' THEN NULL ELSE left(post.body, ${LOG_EXCERPT_LENGTH * 4}) END AS "postExcerpt"`,
        'a.subject_user_id AS "subjectUserId"',
        'subject.display_name AS "subjectName"',
        'a.reason AS "reason"',
        'a.until AS "until"',
        'a.created_at AS "createdAt"',
      ])
      .where('a.group_id = :groupId', { groupId });
    return pageOfRaw<ModerationActionRow>(
      query,
      [
        { expression: 'a.created_at', type: 'timestamp', order: 'DESC' },
        { expression: 'a.id', type: 'uuid', order: 'DESC' },
      ],
      page,
    );
  }

  /** One report per reporter and post: a repeat changes nothing. */
  async report(
    report: Pick<CommunityPostReport, 'postId' | 'reporterId' | 'reason' | 'createdAt'>,
  ): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CommunityPostReport)
      .values(report)
      .orIgnore()
      .execute();
  }

  /** Closes the post's open reports; answers how many were open. */
  async resolveReports(postId: string, at: Date, tx: Tx): Promise<number> {
    const result = await tx.update(
      CommunityPostReport,
      { postId, resolvedAt: IsNull() },
      { resolvedAt: at },
    );
    return result.affected ?? 0;
  }

  activeMute(groupId: string, userId: string, now: Date): Promise<CommunityMute | null> {
    return this.dataSource.manager.findOneBy(CommunityMute, {
      groupId,
      userId,
      until: MoreThan(now),
    });
  }

  /**
   * The group's mutes still running at `now`, the soonest to end first, each with its member's
   * alias and the reason of the mute action that set it.
   */
  activeMutes(groupId: string, now: Date): Promise<ActiveMuteRow[]> {
    return (
      this.dataSource
        .createQueryBuilder()
        .from(CommunityMute, 'm')
        .leftJoin('users', 'u', 'u.id = m.user_id')
        .select(['m.user_id AS "userId"', 'u.display_name AS "displayName"', 'm.until AS "until"'])
        // The reason of the latest mute of this member here: the one that set this end time.
        .addSelect(
          (sub) =>
            sub
              .select('a.reason')
              .from(CommunityModerationAction, 'a')
              .where('a.group_id = m.group_id')
              .andWhere('a.subject_user_id = m.user_id')
              .andWhere("a.action = 'mute'")
              .orderBy('a.created_at', 'DESC')
              .addOrderBy('a.id', 'DESC')
              .limit(1),
          'reason',
        )
        .where('m.group_id = :groupId', { groupId })
        .andWhere('m.until > :now', { now })
        .orderBy('m.until', 'ASC')
        .addOrderBy('m.user_id', 'ASC')
        .getRawMany<ActiveMuteRow>()
    );
  }

  async mute(groupId: string, userId: string, until: Date, tx: Tx): Promise<void> {
    await tx.upsert(CommunityMute, { groupId, userId, until }, ['groupId', 'userId']);
  }

  /** True when there was a mute to lift. */
  async unmute(groupId: string, userId: string, tx: Tx): Promise<boolean> {
    const result = await tx.delete(CommunityMute, { groupId, userId });
    return (result.affected ?? 0) > 0;
  }

  /** Serializes one writer's crisis flags in a group, until the transaction ends. */
  async lockWriter(groupId: string, userId: string, tx: Tx): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`crisis:${groupId}:${userId}`]);
  }

  /** A flag for this writer in this group since `since`, resolved or not (deduplication). */
  async flaggedSince(groupId: string, userId: string, since: Date, tx: Tx): Promise<boolean> {
    return tx.existsBy(CommunityCrisisFlag, { groupId, userId, createdAt: MoreThan(since) });
  }

  async addFlag(
    flag: Pick<CommunityCrisisFlag, 'groupId' | 'userId' | 'postId' | 'createdAt'>,
    tx: Tx,
  ): Promise<void> {
    await tx.insert(CommunityCrisisFlag, flag);
  }

  openFlags(groupId: string): Promise<CrisisFlagRow[]> {
    return this.dataSource
      .createQueryBuilder()
      .from(CommunityCrisisFlag, 'f')
      .leftJoin('users', 'u', 'u.id = f.user_id')
      .select([
        'f.id AS "id"',
        'f.user_id AS "userId"',
        'u.display_name AS "displayName"',
        'f.post_id AS "postId"',
        'f.created_at AS "createdAt"',
      ])
      .where('f.group_id = :groupId', { groupId })
      .andWhere('f.resolved_at IS NULL')
      .orderBy('f.created_at', 'DESC')
      .limit(200)
      .getRawMany<CrisisFlagRow>();
  }

  /** True when the flag was open in this group and is now resolved. */
  async resolveFlag(groupId: string, flagId: string, actorId: string, at: Date): Promise<boolean> {
    const result = await this.dataSource.manager.update(
      CommunityCrisisFlag,
      { id: flagId, groupId, resolvedAt: IsNull() },
      { resolvedAt: at, resolvedById: actorId },
    );
    return (result.affected ?? 0) > 0;
  }

  /** What waits for the group's facilitators: held or reported posts, and open crisis flags. */
  async pendingCount(groupId: string): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM community_posts p WHERE p.group_id = $1 AND (p.status = 'held'
                 OR EXISTS (SELECT 1 FROM community_post_reports r
                             WHERE r.post_id = p.id AND r.resolved_at IS NULL)))::int
            + (SELECT count(*) FROM community_crisis_flags f
                WHERE f.group_id = $1 AND f.resolved_at IS NULL)::int AS count`,
      [groupId],
    );
    return rows[0]?.count ?? 0;
  }

  async flagExists(groupId: string, flagId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(CommunityCrisisFlag, { id: flagId, groupId });
  }
}
