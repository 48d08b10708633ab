import { Injectable } from '@nestjs/common';
import { CrisisResourcesService } from '#clinical';
import {
  Clock,
  ForbiddenError,
  InvalidInputError,
  isUuid,
  mapPage,
  NotFoundError,
  type Page,
  type PageRequest,
} from '#common';
import { Transactions } from '#database';
import { GroupAccess, type GroupViewer } from '#groups';
import type { CreatePostDto } from '../community.dto.js';
import type { HeldReason } from '../community.entities.js';
import type {
  DraftCheckView,
  PostCreatedView,
  PostView,
  ReportReceivedView,
} from '../community.view.js';
import { ModerationRepository } from '../moderation/moderation.repository.js';
import { screenPost } from '../screening/post-screening.js';
import { SpaceRepository } from '../space/space.repository.js';
import { CommunityEvents } from '../stream/community-events.js';
import { CrisisFlags } from './crisis-flags.service.js';
import { postView } from './post-view.js';
import { PostRepository, type PostViewer } from './post.repository.js';

export const postNotFound = () => new NotFoundError('post_not_found', 'No such post');

const HELD_MESSAGE: Record<HeldReason, string> = {
  link: 'it contains a link or contact details',
  watched_word: "it contains a word your organization's facilitators review first",
  crisis: 'it sounds like you may be going through something very hard',
};

/** Says why a post waits, for its writer. */
export function heldMessage(reasons: HeldReason[]): string | undefined {
  if (reasons.length === 0) return undefined;
  return (
    'Your post waits for a facilitator to review it because ' +
    reasons.map((r) => HELD_MESSAGE[r]).join(', and ') +
    '. Only you and the facilitators can see it until then.'
  );
}

export const viewerOf = (access: GroupViewer, userId: string): PostViewer => ({
  userId,
  facilitator: access.role === 'facilitator',
});

/**
 * Posts and replies in a group's space: read, written, checked for crisis language and held
 * for review. Only the group's members and facilitators see anything (others get 404).
 */
@Injectable()
export class PostsService {
  constructor(
    private readonly access: GroupAccess,
    private readonly posts: PostRepository,
    private readonly moderation: ModerationRepository,
    private readonly space: SpaceRepository,
    private readonly crisisFlags: CrisisFlags,
    private readonly crisisResources: CrisisResourcesService,
    private readonly events: CommunityEvents,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async list(groupId: string, userId: string, page: PageRequest): Promise<Page<PostView>> {
    const viewer = viewerOf(await this.access.requireViewer(groupId, userId), userId);
    const rows = await this.posts.pageTopLevel(groupId, viewer, page);
    return mapPage(rows, (row) => postView(row, viewer));
  }

  async replies(postId: string, userId: string, page: PageRequest): Promise<Page<PostView>> {
    const { viewer } = await this.requirePost(postId, userId);
    const rows = await this.posts.pageReplies(postId, viewer, page);
    return mapPage(rows, (row) => postView(row, viewer));
  }

  create(groupId: string, userId: string, body: CreatePostDto, locale: string) {
    return this.write(groupId, null, userId, body, locale);
  }

  async reply(postId: string, userId: string, body: CreatePostDto, locale: string) {
    const { row } = await this.requirePost(postId, userId);
    // Replies answer top-level posts; a reply to a reply joins the same thread. Only a visible
    // thread takes replies: one under a held post would show members a thread they cannot see.
    const parentId = row.parentId ?? row.id;
    const thread = row.parentId ? await this.posts.findById(row.parentId) : row;
    if (thread?.status !== 'visible') {
      throw new ForbiddenError('post_closed', 'This post takes no replies');
    }
    return this.write(row.groupId, parentId, userId, body, locale);
  }

  /** What posting this would do, before it is posted; a crisis draft flags the facilitators. */
  async check(
    groupId: string,
    userId: string,
    body: string,
    locale: string,
  ): Promise<DraftCheckView> {
    const { group } = await this.access.requireViewer(groupId, userId);
    const screening = screenPost(body, await this.space.watchedWords(group.organizationId));
    if (screening.crisis) await this.crisisFlags.flag(group.id, userId, null);
    return {
      crisis: screening.crisis,
      resources: screening.crisis
        ? (await this.crisisResources.forLocale(locale, group.organizationId)).items
        : [],
      held: screening.reasons.length > 0,
      reasons: screening.reasons,
    };
  }

  /** Reports a post to the facilitators; again by the same person changes nothing. */
  async report(postId: string, userId: string, reason: string): Promise<ReportReceivedView> {
    const trimmed = reason.trim();
    if (trimmed === '') {
      throw new InvalidInputError('validation_failed', 'reason must not be blank', 'reason');
    }
    const { row } = await this.requirePost(postId, userId);
    await this.moderation.report({
      postId: row.id,
      reporterId: userId,
      reason: trimmed,
      createdAt: this.clock.now(),
    });
    // The same answer whether it was new or a repeat: nothing about other reports leaks.
    return { received: true };
  }

  private async write(
    groupId: string,
    parentId: string | null,
    userId: string,
    input: CreatePostDto,
    locale: string,
  ): Promise<PostCreatedView> {
    const { group } = await this.access.requireViewer(groupId, userId);
    const now = this.clock.now();
    const mute = await this.moderation.activeMute(group.id, userId, now);
    if (mute) {
      throw new ForbiddenError(
        'muted',
        `A facilitator has paused your posting in this group until ${mute.until.toISOString()}`,
      );
    }
    const body = input.body.trim();
    if (body === '') {
      throw new InvalidInputError('validation_failed', 'body must not be blank', 'body');
    }
    const screening = screenPost(body, await this.space.watchedWords(group.organizationId));
    const status = screening.reasons.length > 0 ? 'held' : 'visible';
    const id = await this.transactions.run(async (tx) => {
      const postId = await this.posts.insert(
        {
          groupId: group.id,
          parentId,
          authorId: userId,
          anonymous: input.anonymous ?? false,
          body,
          contentWarning: input.contentWarning?.trim() || null,
          status,
          heldReasons: screening.reasons,
          createdAt: now,
        },
        tx,
      );
      if (screening.crisis) await this.crisisFlags.flag(group.id, userId, postId, tx);
      return postId;
    });
    await this.events.publish({
      type: status === 'held' ? 'held' : 'post',
      groupId: group.id,
      postId: id,
    });
    return {
      id,
      status,
      reasons: screening.reasons,
      crisis: screening.crisis,
      resources: screening.crisis
        ? (await this.crisisResources.forLocale(locale, group.organizationId)).items
        : [],
      ...(status === 'held' && { message: heldMessage(screening.reasons) }),
    };
  }

  private async requirePost(postId: string, userId: string) {
    const post = isUuid(postId) ? await this.posts.findById(postId) : null;
    if (!post) throw postNotFound();
    let access: GroupViewer;
    try {
      access = await this.access.requireViewer(post.groupId, userId);
    } catch (error) {
      if (error instanceof NotFoundError) throw postNotFound();
      throw error;
    }
    const viewer = viewerOf(access, userId);
    const row = await this.posts.findVisible(post.id, viewer);
    if (!row) throw postNotFound();
    return { row, viewer, access };
  }
}
