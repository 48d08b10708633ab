import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '#common';
import { Transactions, type Tx } from '#database';
import { NotificationRepository } from '#reminders';
import { ModerationRepository } from '../moderation/moderation.repository.js';
import { PostRepository } from './post.repository.js';

/** A writer's crisis-sounding drafts flag their group's facilitators once in this many hours. */
export const CRISIS_FLAG_HOURS = 6;

export const CRISIS_NOTIFICATION_KIND = 'community_crisis';

/**
 * Tells the group's facilitators that someone may need support, naming nobody and quoting
 * nothing (a lock screen may show it); who it is waits in the moderation queue.
 */
@Injectable()
export class CrisisFlags {
  constructor(
    private readonly moderation: ModerationRepository,
    private readonly posts: PostRepository,
    private readonly notifications: NotificationRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** True when this flag is new (not within the last few hours for this writer and group). */
  async flag(groupId: string, userId: string, postId: string | null, tx?: Tx): Promise<boolean> {
    const run = async (t: Tx) => {
      const now = this.clock.now();
      const since = DateTime.fromJSDate(now).minus({ hours: CRISIS_FLAG_HOURS }).toJSDate();
      // One writer's drafts flag once: serialized per group and writer.
      await this.moderation.lockWriter(groupId, userId, t);
      if (await this.moderation.flaggedSince(groupId, userId, since, t)) return false;
      await this.moderation.addFlag({ groupId, userId, postId, createdAt: now }, t);
      for (const facilitatorId of await this.posts.facilitatorIds(groupId, t)) {
        if (facilitatorId === userId) continue;
        await this.notifications.add(
          {
            userId: facilitatorId,
            kind: CRISIS_NOTIFICATION_KIND,
            title: 'Someone in your group may need support',
            body: "Open the group space's moderation tab to see who, and reach out.",
            sessionId: null,
            link: `/groups/${groupId}/space?tab=moderation`,
          },
          t,
        );
      }
      return true;
    };
    return tx ? run(tx) : this.transactions.run(run);
  }
}
