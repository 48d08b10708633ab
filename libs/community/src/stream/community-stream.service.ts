import { Injectable, Logger } from '@nestjs/common';
import { GroupAccess } from '#groups';
import { postView } from '../posts/post-view.js';
import { PostRepository } from '../posts/post.repository.js';
import { viewerOf } from '../posts/posts.service.js';
import { type CommunityEvent, CommunityEvents } from './community-events.js';

/** One server-sent event, as the stream writes it. */
export interface StreamMessage {
  event: 'post' | 'moderation' | 'held';
  data: object;
}

/**
 * A viewer's live stream of a group's space. Each event carries ids only; it is re-read for
 * this viewer with their access checked again, so a member never gets a held post or an
 * anonymous author's id, and someone who lost access gets nothing more.
 */
@Injectable()
export class CommunityStreamService {
  private readonly logger = new Logger(CommunityStreamService.name);

  constructor(
    private readonly access: GroupAccess,
    private readonly posts: PostRepository,
    private readonly events: CommunityEvents,
  ) {}

  /**
   * Checks access (404 for non-members, before anything is written), then calls `send` for
   * each event the viewer may see, in order, and `end` once access is gone. Answers the
   * function that stops the stream.
   */
  async open(
    groupId: string,
    userId: string,
    send: (message: StreamMessage) => void,
    end: () => void,
  ): Promise<() => void> {
    const { group } = await this.access.requireViewer(groupId, userId);
    let queue = Promise.resolve();
    let stopped = false;
    const unsubscribe = await this.events.subscribe(group.id, (event) => {
      queue = queue
        .then(async () => {
          if (stopped) return;
          const message = await this.messageFor(event, group.id, userId);
          if (message === 'gone') {
            stop();
            end();
          } else if (message && !stopped) {
            send(message);
          }
        })
        .catch((error: unknown) => {
          this.logger.error(`A community stream event failed: ${(error as Error).message}`);
        });
    });
    const stop = () => {
      stopped = true;
      unsubscribe();
    };
    return stop;
  }

  private async messageFor(
    event: CommunityEvent,
    groupId: string,
    userId: string,
  ): Promise<StreamMessage | null | 'gone'> {
    const access = await this.access.requireViewer(groupId, userId).catch(() => null);
    if (!access) return 'gone';
    const viewer = viewerOf(access, userId);
    const row = await this.posts.findVisible(event.postId, viewer);
    switch (event.type) {
      case 'post':
        return row && row.status === 'visible'
          ? { event: 'post', data: postView(row, viewer) }
          : null;
      case 'held':
        return row && viewer.facilitator ? { event: 'held', data: postView(row, viewer) } : null;
      case 'moderation':
        // A member learns that a post went away (hidden) by its id only.
        return {
          event: 'moderation',
          data: {
            postId: event.postId,
            action: event.action ?? null,
            post:
              row && (viewer.facilitator || row.status !== 'held') ? postView(row, viewer) : null,
          },
        };
    }
  }
}
