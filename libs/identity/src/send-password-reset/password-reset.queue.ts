import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const PASSWORD_RESET_JOB = 'password-reset';

export interface PasswordResetPayload {
  /** Null when no mail is due (no account has the address, or it was mailed just now). */
  userId: string | null;
  /** The reset request (epoch ms) and the mailing of its link this job makes. */
  requestedAt: number;
  mailedAt: number;
}

/** Queues a password-reset mailing; call after the request was recorded. */
@Injectable()
export class PasswordResetQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: PasswordResetPayload): Promise<void> {
    await this.queue.add(PASSWORD_RESET_JOB, payload, {
      // One id per mailing: a failed one kept for inspection never blocks a later mailing.
      jobId: `password-reset-${payload.userId ?? 'none'}-${payload.requestedAt}-${payload.mailedAt}`,
      removeOnComplete: true,
    });
  }
}
