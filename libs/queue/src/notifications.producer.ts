import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  NotificationJob,
  QueueName,
  WebinarConfirmationPayload,
  WebinarSpeakerPayload,
} from './queues.js';

/** Adds notification jobs. Call only after the transaction that made them necessary committed. */
@Injectable()
export class NotificationsProducer {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async sendWebinarConfirmation(payload: WebinarConfirmationPayload): Promise<void> {
    await this.queue.add(NotificationJob.WebinarConfirmation, payload, { removeOnComplete: true });
  }

  async sendWebinarSpeakerInvitation(payload: WebinarSpeakerPayload): Promise<void> {
    await this.queue.add(NotificationJob.WebinarSpeakerInvitation, payload, {
      jobId: `webinar-speaker-${payload.speakerId}`,
      removeOnComplete: true,
    });
  }
}
