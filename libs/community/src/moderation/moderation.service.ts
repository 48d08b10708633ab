import { Injectable } from '@nestjs/common';
import {
  Clock,
  ConflictError,
  InvalidInputError,
  isUuid,
  mapPage,
  NotFoundError,
  type Page,
  type PageRequest,
} from '#common';
import { Transactions } from '#database';
import { GroupAccess, facilitatorsOnly } from '#groups';
import type { ModerationActionKind } from '../community.entities.js';
import type {
  ActiveMutesView,
  CrisisFlagResolvedView,
  ModerationActionView,
  ModerationQueueView,
  MuteView,
  PostView,
} from '../community.view.js';
import { postView } from '../posts/post-view.js';
import { PostRepository, type PostViewer } from '../posts/post.repository.js';
import { postNotFound } from '../posts/posts.service.js';
import { CommunityEvents } from '../stream/community-events.js';
import { LOG_EXCERPT_LENGTH, ModerationRepository } from './moderation.repository.js';
import { type PostModeration, postTransition } from './post-transitions.js';

/**
 * The group's facilitators keep the space safe: a queue of held, reported and crisis-flagged
 * posts; approve, hide, restore, pin; mute a member for a time. Every action is a row in the
 * append-only moderation log.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly access: GroupAccess,
    private readonly posts: PostRepository,
    private readonly moderation: ModerationRepository,
    private readonly events: CommunityEvents,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async queue(groupId: string, actorId: string): Promise<ModerationQueueView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const viewer: PostViewer = { userId: actorId, facilitator: true };
    const [held, reported, flags] = await Promise.all([
      this.posts.held(group.id),
      this.posts.reported(group.id),
      this.moderation.openFlags(group.id),
    ]);
    const reportsOf = new Map(reported.map((r) => [r.id, r.reportReasons]));
    const withReports = (row: (typeof held)[number]) => {
      const reasons = reportsOf.get(row.id) ?? [];
      return { ...postView(row, viewer), reportCount: reasons.length, reportReasons: reasons };
    };
    return {
      held: held.map(withReports),
      reported: reported.map(withReports),
      crisisFlags: flags.map((f) => ({
        id: f.id,
        member: { userId: f.userId, displayName: f.displayName ?? '' },
        postId: f.postId,
        createdAt: f.createdAt,
      })),
    };
  }

  async log(
    groupId: string,
    actorId: string,
    page: PageRequest,
  ): Promise<Page<ModerationActionView>> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const rows = await this.moderation.pageLog(group.id, page);
    return mapPage(rows, (row) => ({
      id: row.id,
      action: row.action,
      actor: { userId: row.actorId, displayName: row.actorName ?? '' },
      postId: row.postId,
      postExcerpt: excerpt(row.postExcerpt),
      subject: row.subjectUserId
        ? { userId: row.subjectUserId, displayName: row.subjectName ?? '' }
        : null,
      reason: row.reason,
      until: row.until,
      createdAt: row.createdAt,
    }));
  }

  /** Approves, hides, restores, pins or unpins a post; its open reports are resolved. */
  async act(
    postId: string,
    actorId: string,
    action: PostModeration,
    reason?: string,
  ): Promise<PostView> {
    const post = await this.facilitatedPost(postId, actorId);
    const from = await this.transactions.run(async (tx) => {
      const current = await this.posts.lock(post.id, tx);
      if (!current) throw postNotFound();
      const change = postTransition(current, action);
      const now = this.clock.now();
      await this.posts.update(
        post.id,
        {
          ...(change.status && { status: change.status }),
          ...(change.pin !== undefined && { pinnedAt: change.pin ? now : null }),
        },
        tx,
      );
      await this.moderation.resolveReports(post.id, now, tx);
      await this.moderation.record(
        {
          groupId: post.groupId,
          actorId,
          action,
          postId: post.id,
          subjectUserId: null,
          reason: reason?.trim() || null,
          until: null,
          createdAt: now,
        },
        tx,
      );
      return current.status;
    });
    // `from` lets each stream tell members only of posts they could see before or see now.
    await this.events.publish({
      type: 'moderation',
      groupId: post.groupId,
      postId: post.id,
      action,
      from,
    });
    const row = await this.posts.findVisible(post.id, { userId: actorId, facilitator: true });
    if (!row) throw postNotFound();
    return postView(row, { userId: actorId, facilitator: true });
  }

  /**
   * Keeps a reported post as it is: its open reports are closed (it leaves the queue until someone
   * reports it again) and the log records the dismissal, never who reported.
   */
  async dismissReports(postId: string, actorId: string, reason?: string): Promise<PostView> {
    const post = await this.facilitatedPost(postId, actorId);
    await this.transactions.run(async (tx) => {
      if (!(await this.posts.lock(post.id, tx))) throw postNotFound();
      const now = this.clock.now();
      if ((await this.moderation.resolveReports(post.id, now, tx)) === 0) {
        throw new ConflictError('no_open_reports', 'This post has no open reports');
      }
      await this.moderation.record(
        {
          groupId: post.groupId,
          actorId,
          action: 'dismiss_reports',
          postId: post.id,
          subjectUserId: null,
          reason: reason?.trim() || null,
          until: null,
          createdAt: now,
        },
        tx,
      );
    });
    const row = await this.posts.findVisible(post.id, { userId: actorId, facilitator: true });
    if (!row) throw postNotFound();
    return postView(row, { userId: actorId, facilitator: true });
  }

  /** The mutes running now, by alias (the group's facilitators only). */
  async mutes(groupId: string, actorId: string): Promise<ActiveMutesView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const rows = await this.moderation.activeMutes(group.id, this.clock.now());
    return {
      items: rows.map((row) => ({
        userId: row.userId,
        displayName: row.displayName ?? '',
        until: row.until,
        reason: row.reason,
      })),
    };
  }

  /** Pauses a member's posting and replying in the group until `until`. */
  async mute(
    groupId: string,
    actorId: string,
    userId: string,
    until: Date,
    reason?: string,
  ): Promise<MuteView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    const now = this.clock.now();
    if (until <= now) {
      throw new InvalidInputError('validation_failed', 'until must be in the future', 'until');
    }
    const role = await this.roleOrNull(group.id, userId);
    if (role !== 'member') {
      throw new NotFoundError('member_not_found', 'No such member in this group');
    }
    await this.transactions.run(async (tx) => {
      await this.moderation.mute(group.id, userId, until, tx);
      await this.log1(group.id, actorId, 'mute', userId, reason, until, now, tx);
    });
    return { userId, until };
  }

  async unmute(groupId: string, actorId: string, userId: string): Promise<MuteView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    if (!isUuid(userId)) throw new NotFoundError('mute_not_found', 'This member is not muted');
    const now = this.clock.now();
    const lifted = await this.transactions.run(async (tx) => {
      if (!(await this.moderation.unmute(group.id, userId, tx))) return false;
      await this.log1(group.id, actorId, 'unmute', userId, undefined, null, now, tx);
      return true;
    });
    if (!lifted) throw new NotFoundError('mute_not_found', 'This member is not muted');
    return { userId, until: null };
  }

  async resolveFlag(
    groupId: string,
    flagId: string,
    actorId: string,
  ): Promise<CrisisFlagResolvedView> {
    const group = await this.access.requireFacilitator(groupId, actorId);
    if (!isUuid(flagId) || !(await this.moderation.flagExists(group.id, flagId))) {
      throw new NotFoundError('crisis_flag_not_found', 'No such crisis flag');
    }
    await this.moderation.resolveFlag(group.id, flagId, actorId, this.clock.now());
    return { id: flagId, resolved: true };
  }

  /** The post, when the actor facilitates its group (a 404 to outsiders, a 403 to members). */
  private async facilitatedPost(postId: string, actorId: string) {
    const post = isUuid(postId) ? await this.posts.findById(postId) : null;
    if (!post) throw postNotFound();
    const { role } = await this.access.requireViewer(post.groupId, actorId).catch((error) => {
      throw error instanceof NotFoundError ? postNotFound() : error;
    });
    if (role !== 'facilitator') throw facilitatorsOnly();
    return post;
  }

  private async roleOrNull(groupId: string, userId: string) {
    try {
      return (await this.access.requireViewer(groupId, userId)).role;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  private log1(
    groupId: string,
    actorId: string,
    action: ModerationActionKind,
    subjectUserId: string,
    reason: string | undefined,
    until: Date | null,
    at: Date,
    tx: Parameters<ModerationRepository['record']>[1],
  ) {
    return this.moderation.record(
      {
        groupId,
        actorId,
        action,
        postId: null,
        subjectUserId,
        reason: reason?.trim() || null,
        until,
        createdAt: at,
      },
      tx,
    );
  }
}

/** A post's first words for the facilitators' log, on one line, cut with an ellipsis. */
function excerpt(text: string | null): string | null {
  if (text === null) return null;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > LOG_EXCERPT_LENGTH
    ? `${line.slice(0, LOG_EXCERPT_LENGTH).trimEnd()}…`
    : line;
}
