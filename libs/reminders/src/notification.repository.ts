import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Page, PageRequest } from '#common';
import { pageOfEntities, type Tx } from '#database';
import { Notification } from './notification.entity.js';

/** Longest link a notification keeps (the table checks it too). */
export const NOTIFICATION_LINK_MAX_LENGTH = 500;

/** A path inside the app: one leading `/` (not `//` or `/\`), no spaces or control characters. */
export function isAppPath(link: string): boolean {
  return link.length <= NOTIFICATION_LINK_MAX_LENGTH && /^\/(?![/\\])[^\s\p{Cc}]*$/u.test(link);
}

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of a person's notifications, the newest first. */
  pageForUser(userId: string, page: PageRequest): Promise<Page<Notification>> {
    const query = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId });
    return pageOfEntities(
      query,
      [
        { expression: 'n.created_at', type: 'timestamp', order: 'DESC' },
        { expression: 'n.id', type: 'uuid', order: 'DESC' },
      ],
      page,
    );
  }

  countUnread(userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).countBy({ userId, readAt: IsNull() });
  }

  findForUser(id: string, userId: string): Promise<Notification | null> {
    return this.dataSource.getRepository(Notification).findOneBy({ id, userId });
  }

  async markRead(id: string, at: Date): Promise<void> {
    await this.dataSource
      .getRepository(Notification)
      .update({ id, readAt: IsNull() }, { readAt: at });
  }

  /**
   * Adds an in-app notification; with `tx`, as part of that transaction. `link`, when given, is
   * a path inside the app (one leading `/`, never `//` or `/\`, which browsers read as another
   * host).
   */
  async add(
    notification: Pick<Notification, 'userId' | 'kind' | 'title' | 'body' | 'sessionId'> &
      Partial<Pick<Notification, 'subjectUserId' | 'link'>>,
    tx?: Tx,
  ): Promise<void> {
    const { link } = notification;
    if (link != null && !isAppPath(link)) {
      throw new Error(`A notification link must be a path in the app, not ${JSON.stringify(link)}`);
    }
    await (tx ?? this.dataSource.manager).insert(Notification, notification);
  }

  /** Takes back the person's unread notifications of a kind about a session (an offer withdrawn). */
  async withdrawUnread(userId: string, kind: string, sessionId: string, tx?: Tx): Promise<void> {
    await (tx ?? this.dataSource.manager)
      .getRepository(Notification)
      .delete({ userId, kind, sessionId, readAt: IsNull() });
  }
}
