import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName } from '#queue/queues.js';
import type { JobHandler } from '../jobs/job-handler.js';
import { SendEmailVerificationJob } from '../jobs/send-email-verification.job.js';
import { SendInvitationEmailJob } from '../jobs/send-invitation-email.job.js';
import { SendWaitlistPromotionEmailJob } from '../jobs/send-waitlist-promotion-email.job.js';

/** Runs the notifications queue: each job goes to the handler of its name. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost {
  private readonly handlers: Map<string, JobHandler<unknown>>;

  constructor(
    invitationEmail: SendInvitationEmailJob,
    emailVerification: SendEmailVerificationJob,
    waitlistPromotion: SendWaitlistPromotionEmailJob,
  ) {
    super();
    const handlers: JobHandler<never>[] = [invitationEmail, emailVerification, waitlistPromotion];
    this.handlers = new Map(handlers.map((h) => [h.jobName, h as JobHandler<unknown>]));
  }

  async process(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`No handler for job ${job.name} on ${QueueName.Notifications}`);
    await handler.handle(job.data);
  }
}
