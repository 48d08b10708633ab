import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '#common';
import type { PageRequest } from '#common';
import { NotificationRepository } from './notification.repository.js';
import type { NotificationPage, NotificationRead, NotificationView } from './notification.view.js';

/** A person's in-app notifications: the newest first, marked read one by one. */
@Injectable()
export class InAppNotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, page: PageRequest): Promise<NotificationPage> {
    const [{ items, nextCursor }, unread] = await Promise.all([
      this.notifications.pageForUser(userId, page),
      this.notifications.countUnread(userId),
    ]);
    return {
      items: items.map(
        ({ id, kind, title, body, sessionId, link, createdAt, readAt }): NotificationView => ({
          id,
          kind,
          title,
          body,
          sessionId,
          link,
          createdAt,
          read: readAt !== null,
        }),
      ),
      ...(nextCursor === undefined ? {} : { nextCursor }),
      unreadCount: unread,
    };
  }

  async markRead(userId: string, id: string): Promise<NotificationRead> {
    // The route validated `id` as a UUID.
    const notification = await this.notifications.findForUser(id, userId);
    if (!notification) throw new NotFoundError('notification_not_found', 'No such notification');
    if (!notification.readAt) await this.notifications.markRead(notification.id, this.clock.now());
    return { id, read: true };
  }
}
