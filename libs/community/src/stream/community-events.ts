import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { PostStatus } from '../community.entities.js';
import { CommunityNotifyRepository, type PgListener } from './community-notify.repository.js';

export type CommunityEventType = 'post' | 'moderation' | 'held';

/** What goes over NOTIFY: ids only. Each stream re-reads the post for its viewer. */
export interface CommunityEvent {
  type: CommunityEventType;
  groupId: string;
  postId: string;
  /** For `moderation`: what happened (approve, hide, restore, pin, unpin). */
  action?: string;
  /** For `moderation`: the post's status before, so streams know who could see it then. */
  from?: PostStatus;
}

type Listener = (event: CommunityEvent) => void;

/**
 * Live updates across api processes: a change is published with `pg_notify` after its
 * transaction commits, and every process that has streams open LISTENs on one connection of its
 * own and hands each event to the streams of that group.
 */
@Injectable()
export class CommunityEvents implements OnModuleDestroy {
  private readonly logger = new Logger(CommunityEvents.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private connection: Promise<PgListener> | null = null;
  /** Set once the api shuts down: no new LISTEN connection then, or the pool would wait on it. */
  private closed = false;

  constructor(private readonly notifications: CommunityNotifyRepository) {}

  /** Never fails the change that was committed: a lost live update is only logged. */
  async publish(event: CommunityEvent): Promise<void> {
    try {
      await this.notifications.notify(JSON.stringify(event));
    } catch (error) {
      this.logger.error(
        `Publishing a community ${event.type} event failed: ${(error as Error).message}`,
      );
    }
  }

  /** Calls `listener` with the group's events until the answered function is called. */
  async subscribe(groupId: string, listener: Listener): Promise<() => void> {
    if (this.closed) throw new Error('The api is shutting down');
    await this.listen();
    let set = this.listeners.get(groupId);
    if (!set) this.listeners.set(groupId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(groupId) === set) this.listeners.delete(groupId);
    };
  }

  /** How many streams this process holds open (tests check that closed ones are gone). */
  get openStreams(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  private listen() {
    if (this.connection) return this.connection;
    const connection: Promise<PgListener> = (async () => {
      // The error handler may run before the listener is answered.
      const held: { listener?: PgListener } = {};
      held.listener = await this.notifications.listen(
        (payload) => this.dispatch(payload),
        (error) => {
          this.logger.error(`Community listener connection failed: ${error.message}`);
          // The next subscriber listens again on a fresh connection.
          if (this.connection === connection) this.connection = null;
          held.listener?.release();
        },
      );
      return held.listener;
    })().catch((error: unknown) => {
      if (this.connection === connection) this.connection = null;
      throw error;
    });
    this.connection = connection;
    return connection;
  }

  private dispatch(payload: string) {
    let event: CommunityEvent;
    try {
      event = JSON.parse(payload) as CommunityEvent;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(event.groupId) ?? []) {
      try {
        listener(event);
      } catch (error) {
        this.logger.error(`A community stream failed: ${(error as Error).message}`);
      }
    }
  }

  /** Ends the LISTEN connection, even one still connecting, so the pool can close. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = null;
    if (!connection) return;
    try {
      this.notifications.unlisten(await connection);
    } catch {
      // Never connected: nothing to give back.
    }
  }
}
