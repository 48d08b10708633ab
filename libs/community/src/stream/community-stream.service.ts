import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { NotFoundError, RateLimitedError } from '#common';
import { GroupAccess, type GroupViewer } from '#groups';
import { postView } from '../posts/post-view.js';
import { PostRepository } from '../posts/post.repository.js';
import { viewerOf } from '../posts/posts.service.js';
import { type CommunityEvent, CommunityEvents } from './community-events.js';

/** Proxies close idle connections: a comment line this often keeps a stream open. */
export const HEARTBEAT_MS = 15_000;

/** Streams one person may hold open in one api process (tabs, devices); more answer 429. */
export const MAX_STREAMS_PER_USER = 5;

/**
 * Bytes a client may leave unread, or events it may have waiting, before its stream is closed:
 * a client that stopped reading costs memory and never holds up the others. It reconnects and
 * reads the space again.
 */
export const MAX_UNREAD_BYTES = 256 * 1024;
export const MAX_WAITING_EVENTS = 100;

/** One server-sent event, as the stream writes it. */
export interface StreamMessage {
  event: 'post' | 'moderation' | 'held';
  data: object;
}

/** The open connection, as the api hands it over (the service knows nothing of HTTP). */
export interface StreamSink {
  write(chunk: string): void;
  /** Bytes written and not yet taken by the client. */
  readonly unreadBytes: number;
  /** True once the client went away or the stream was ended. */
  readonly closed: boolean;
  end(): void;
  /** Called once the connection closes, whoever closed it. */
  onClose(listener: () => void): void;
}

/**
 * A viewer's live stream of a group's space. Each event carries ids only; it is re-read for
 * this viewer with their access checked again, so a member never gets a held post or an
 * anonymous author's id, a facilitator made a member gets what members get, and someone who
 * lost access (withdrawn, removed) gets nothing more: their stream ends, at the next event or
 * heartbeat, whichever comes first.
 */
@Injectable()
export class CommunityStreamService implements OnModuleDestroy {
  private readonly logger = new Logger(CommunityStreamService.name);
  private readonly perUser = new Map<string, number>();
  /** How to end each open stream: a shutting-down api closes them, or it would wait for them. */
  private readonly streams = new Set<() => void>();
  /** Set once the api shuts down: a stream that opens then is ended at once (the client retries). */
  private closing = false;

  constructor(
    private readonly access: GroupAccess,
    private readonly posts: PostRepository,
    private readonly events: CommunityEvents,
  ) {}

  /**
   * Checks access (404 for non-members) and the per-person limit (429) before anything is
   * written, then calls `start` for the connection and streams to it until either side ends it.
   */
  async open(groupId: string, userId: string, start: () => StreamSink): Promise<void> {
    const { group } = await this.access.requireViewer(groupId, userId);
    const open = this.perUser.get(userId) ?? 0;
    if (open >= MAX_STREAMS_PER_USER) {
      throw new RateLimitedError(
        'too_many_streams',
        `At most ${MAX_STREAMS_PER_USER} live streams at a time; close one first`,
        HEARTBEAT_MS / 1000,
      );
    }
    if (this.closing) return start().end();
    this.perUser.set(userId, open + 1);

    let sink: StreamSink | undefined;
    let stopped = false;
    let waiting = 0;
    let queue = Promise.resolve();
    const timer: { heartbeat?: NodeJS.Timeout } = {};
    let unsubscribe = () => {};
    const stop = () => {
      if (stopped) return;
      stopped = true;
      this.streams.delete(stop);
      clearInterval(timer.heartbeat);
      unsubscribe();
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
      if (sink && !sink.closed) sink.end();
    };
    const write = (chunk: string) => {
      if (stopped || !sink) return;
      if (sink.closed || sink.unreadBytes > MAX_UNREAD_BYTES) return stop();
      sink.write(chunk);
    };
    // Events are handled one at a time, in order; each re-reads what this viewer may see.
    const handle = (step: () => Promise<void>) => {
      if (++waiting > MAX_WAITING_EVENTS) return stop();
      queue = queue
        .then(() => (stopped ? undefined : step()))
        .catch((error: unknown) => {
          this.logger.error(`A community stream event failed: ${(error as Error).message}`);
        })
        .finally(() => waiting--);
    };

    this.streams.add(stop);
    try {
      unsubscribe = await this.events.subscribe(group.id, (event) =>
        handle(async () => {
          const access = await this.viewerOrNull(group.id, userId);
          if (!access) return stop();
          const message = await this.messageFor(event, access, userId);
          if (message) write(`event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
        }),
      );
      sink = start();
    } catch (error) {
      stop();
      throw error;
    }
    // Stopped while subscribing (the api shutting down, or access gone): answered and ended.
    if (stopped) {
      unsubscribe();
      if (!sink.closed) sink.end();
      return;
    }
    sink.onClose(stop);
    // The client may have gone while access was checked: then its close event has passed.
    if (sink.closed) return stop();
    write(': connected\n\n');
    timer.heartbeat = setInterval(
      () =>
        handle(async () => {
          if (!(await this.viewerOrNull(group.id, userId))) return stop();
          write(': heartbeat\n\n');
        }),
      HEARTBEAT_MS,
    );
    // The open connection keeps the process alive, not this timer.
    timer.heartbeat.unref();
  }

  onModuleDestroy(): void {
    this.closing = true;
    for (const stop of [...this.streams]) stop();
  }

  /** The viewer's access now, or null once they have none (a failed read propagates). */
  private async viewerOrNull(groupId: string, userId: string): Promise<GroupViewer | null> {
    try {
      return await this.access.requireViewer(groupId, userId);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  private async messageFor(
    event: CommunityEvent,
    access: GroupViewer,
    userId: string,
  ): Promise<StreamMessage | null> {
    const viewer = viewerOf(access, userId);
    const row = await this.posts.findVisible(event.postId, viewer);
    switch (event.type) {
      case 'post':
        return row && row.status === 'visible'
          ? { event: 'post', data: postView(row, viewer) }
          : null;
      case 'held':
        return row && viewer.facilitator ? { event: 'held', data: postView(row, viewer) } : null;
      case 'moderation': {
        // A member sees a held post only while it is their own and held; never its moderation.
        const post = row && (viewer.facilitator || row.status !== 'held') ? row : null;
        // A member hears of a post that went away (hidden) by its id only, and only if they could
        // see it before: a held post hidden, or one in a hidden thread, was never theirs to know.
        const tell =
          post !== null ||
          viewer.facilitator ||
          (event.from !== undefined &&
            (await this.posts.memberSawBefore(event.postId, viewer, event.from)));
        if (!tell) return null;
        return {
          event: 'moderation',
          data: {
            postId: event.postId,
            action: event.action ?? null,
            post: post ? postView(post, viewer) : null,
          },
        };
      }
    }
  }
}
