import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '#queue';

export const INVITATION_EMAIL_JOB = 'invitation-email';

export interface InvitationEmailPayload {
  invitationId: string;
  /** The invitation version this job mails; a newer version supersedes it. */
  version: number;
}

/** Queues the invitation mail; call after the invitation committed. */
@Injectable()
export class InvitationEmailQueue {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async add(payload: InvitationEmailPayload): Promise<void> {
    await this.queue.add(INVITATION_EMAIL_JOB, payload, {
      jobId: `invitation-${payload.invitationId}-v${payload.version}`,
    });
  }
}
