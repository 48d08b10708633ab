import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const EMAIL_VERIFICATION_JOB = 'email-verification';

export interface EmailVerificationPayload {
  userId: string;
}

/** Queues the verification mail; call after the account committed. */
@Injectable()
export class EmailVerificationQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: EmailVerificationPayload): Promise<void> {
    await this.queue.add(EMAIL_VERIFICATION_JOB, payload, {
      jobId: `email-verification-${payload.userId}`,
      // A later request (a new address, a lost e-mail) must be able to queue it again.
      removeOnComplete: true,
    });
  }
}
