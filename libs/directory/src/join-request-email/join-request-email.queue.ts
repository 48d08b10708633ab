import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const JOIN_REQUEST_EMAIL_JOB = 'join-request-answer-email';

export interface JoinRequestEmailPayload {
  requestId: string;
}

/** Queues the e-mail that tells a person their request was answered; call after the commit. */
@Injectable()
export class JoinRequestEmailQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: JoinRequestEmailPayload): Promise<void> {
    await this.queue.add(JOIN_REQUEST_EMAIL_JOB, payload, {
      jobId: `join-request-answer-${payload.requestId}`,
      removeOnComplete: true,
    });
  }
}
