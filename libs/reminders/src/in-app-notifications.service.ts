import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { NotFoundError } from '#common/domain-error.js';
import { isUuid } from '#common/validation.js';
import { Notification } from './notification.entity.js';

/** A person's in-app notifications: the newest first, marked read one by one. */
@Injectable()
export class InAppNotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string) {
    const repository = this.dataSource.getRepository(Notification);
    const [items, unread] = await Promise.all([
      repository.find({ where: { userId }, order: { createdAt: 'DESC' }, take: 100 }),
      repository.countBy({ userId, readAt: IsNull() }),
    ]);
    return {
      items: items.map(({ id, kind, title, body, sessionId, createdAt, readAt }) => ({
        id,
        kind,
        title,
        body,
        sessionId,
        createdAt,
        read: readAt !== null,
      })),
      unreadCount: unread,
    };
  }

  async markRead(userId: string, id: string) {
    const repository = this.dataSource.getRepository(Notification);
    const notification = isUuid(id) ? await repository.findOneBy({ id, userId }) : null;
    if (!notification) throw new NotFoundError('notification_not_found', 'No such notification');
    if (!notification.readAt) await repository.update({ id }, { readAt: new Date() });
    return { id, read: true };
  }
}
