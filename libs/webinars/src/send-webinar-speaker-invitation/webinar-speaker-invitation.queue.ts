import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const WEBINAR_SPEAKER_INVITATION_JOB = 'webinar-speaker-invitation';

export interface WebinarSpeakerPayload {
  speakerId: string;
}

/** Queues a guest speaker's invitation mail; call after the speaker was added. */
@Injectable()
export class WebinarSpeakerInvitationQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: WebinarSpeakerPayload): Promise<void> {
    await this.queue.add(WEBINAR_SPEAKER_INVITATION_JOB, payload, {
      jobId: `webinar-speaker-${payload.speakerId}`,
      removeOnComplete: true,
    });
  }
}
