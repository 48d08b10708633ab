import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { claimOnce, Transactions } from '#database';
import { Delivery, type DeliveryChannel, type DeliveryKind } from './delivery.entity.js';
import { Notification } from './notification.entity.js';

export interface DeliveryKey {
  kind: DeliveryKind;
  sessionId: string;
  userId: string;
  variant: number;
  revision: number;
  channel: DeliveryChannel;
}

@Injectable()
export class DeliveryRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  /** Claims the message for sending; false when it was sent already (see claimOnce). */
  claim(key: DeliveryKey): Promise<boolean> {
    return claimOnce(this.dataSource.getRepository(Delivery), key);
  }

  async markSent(key: DeliveryKey, at: Date): Promise<void> {
    await this.dataSource.getRepository(Delivery).update(key, { status: 'sent', sentAt: at });
  }

  /** Records and creates an in-app notification in one transaction: exactly once. */
  async notifyInApp(
    key: DeliveryKey,
    notification: Pick<Notification, 'kind' | 'title' | 'body'>,
    at: Date,
  ): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(Delivery)
        .values({ ...key, status: 'sent', sentAt: at })
        .orIgnore()
        .returning('id')
        .execute();
      if ((inserted.raw as unknown[]).length === 0) return false;
      await tx.insert(Notification, {
        ...notification,
        userId: key.userId,
        sessionId: key.sessionId,
      });
      return true;
    });
  }

  countSent(key: Omit<DeliveryKey, 'channel'>): Promise<number> {
    return this.dataSource.getRepository(Delivery).countBy({ ...key, status: 'sent' });
  }
}
