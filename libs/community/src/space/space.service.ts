import { Injectable } from '@nestjs/common';
import { Clock, InvalidInputError, isUuid, NotFoundError } from '#common';
import { GroupAccess } from '#groups';
import type { DigestChoice } from '../community.entities.js';
import type { ReadMarkerDto } from '../community.dto.js';
import type {
  CommunityPreferencesView,
  GroupSpaceView,
  ReadMarkerView,
  WatchedWordsView,
} from '../community.view.js';
import { ModerationRepository } from '../moderation/moderation.repository.js';
import { PostRepository } from '../posts/post.repository.js';
import { viewerOf } from '../posts/posts.service.js';
import { normalizeText } from '../screening/post-screening.js';
import { SpaceRepository } from './space.repository.js';

/** The viewer's summary of a group's space, read markers, digest choice and watched words. */
@Injectable()
export class SpaceService {
  constructor(
    private readonly access: GroupAccess,
    private readonly posts: PostRepository,
    private readonly moderation: ModerationRepository,
    private readonly space: SpaceRepository,
    private readonly clock: Clock,
  ) {}

  async summary(groupId: string, userId: string): Promise<GroupSpaceView> {
    const access = await this.access.requireViewer(groupId, userId);
    const viewer = viewerOf(access, userId);
    const group = access.group;
    const lastReadAt = await this.space.readMarker(group.id, userId);
    const [unreadCount, mute, digest] = await Promise.all([
      this.posts.countUnread(group.id, viewer, lastReadAt),
      this.moderation.activeMute(group.id, userId, this.clock.now()),
      this.space.digest(userId),
    ]);
    const moderationCount = viewer.facilitator ? await this.moderation.pendingCount(group.id) : 0;
    return {
      groupId: group.id,
      role: access.role,
      unreadCount,
      lastReadAt,
      mutedUntil: mute?.until ?? null,
      digest,
      moderationCount,
    };
  }

  /** Read up to a time, or up to a post of this group; never in the future. */
  async markRead(groupId: string, userId: string, input: ReadMarkerDto): Promise<ReadMarkerView> {
    const access = await this.access.requireViewer(groupId, userId);
    const viewer = viewerOf(access, userId);
    const now = this.clock.now();
    let at: Date;
    if (input.postId !== undefined) {
      const row = isUuid(input.postId) ? await this.posts.findVisible(input.postId, viewer) : null;
      if (!row || row.groupId !== access.group.id) {
        throw new NotFoundError('post_not_found', 'No such post');
      }
      at = row.createdAt;
    } else if (input.lastReadAt !== undefined) {
      at = new Date(input.lastReadAt);
    } else {
      throw new InvalidInputError('validation_failed', 'Send lastReadAt or postId', 'lastReadAt');
    }
    if (at > now) at = now;
    const lastReadAt = await this.space.markRead(access.group.id, userId, at);
    return {
      lastReadAt,
      unreadCount: await this.posts.countUnread(access.group.id, viewer, lastReadAt),
    };
  }

  async preferences(userId: string): Promise<CommunityPreferencesView> {
    return { digest: await this.space.digest(userId) };
  }

  async setPreferences(userId: string, digest: DigestChoice): Promise<CommunityPreferencesView> {
    await this.space.setDigest(userId, digest);
    return { digest };
  }

  async watchedWords(organizationId: string): Promise<WatchedWordsView> {
    return { words: await this.space.watchedWords(organizationId) };
  }

  /** Replaces the list: trimmed, without blanks or repeats (compared as matched). */
  async setWatchedWords(
    organizationId: string,
    actorId: string,
    words: string[],
  ): Promise<WatchedWordsView> {
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const word of words) {
      const trimmed = word.trim().replace(/\s+/g, ' ');
      const key = normalizeText(trimmed);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      kept.push(trimmed);
    }
    await this.space.setWatchedWords(organizationId, kept, actorId, this.clock.now());
    return { words: kept };
  }
}
