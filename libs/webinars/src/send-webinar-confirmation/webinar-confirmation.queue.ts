import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const WEBINAR_CONFIRMATION_JOB = 'webinar-confirmation';

export interface WebinarConfirmationPayload {
  registrationId: string;
}

/** Queues a registration's confirmation mail; call after the registration committed. */
@Injectable()
export class WebinarConfirmationQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: WebinarConfirmationPayload): Promise<void> {
    await this.queue.add(WEBINAR_CONFIRMATION_JOB, payload, { removeOnComplete: true });
  }
}
