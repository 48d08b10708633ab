import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const WAITLIST_PROMOTION_EMAIL_JOB = 'waitlist-promotion-email';

export interface WaitlistPromotionPayload {
  enrollmentId: string;
}

/** Queues the mail that tells a promoted person their seat is ready; call after the promotion committed. */
@Injectable()
export class WaitlistPromotionEmailQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: WaitlistPromotionPayload): Promise<void> {
    await this.queue.add(WAITLIST_PROMOTION_EMAIL_JOB, payload, {
      jobId: `waitlist-promotion-${payload.enrollmentId}`,
      removeOnComplete: true,
    });
  }
}
