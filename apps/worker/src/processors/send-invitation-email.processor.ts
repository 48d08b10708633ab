import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { invitationEmail } from '#notifications/invitation-email.js';
import { MailerService } from '#notifications/mailer.service.js';
import { InvitationsService } from '#organizations/invitations.service.js';
import { type InvitationEmailPayload, NotificationJob, QueueName } from '#queue/queues.js';

/**
 * Mails an invitation link. Re-reads the invitation first: an accepted, expired or superseded
 * invitation, or one whose version was already mailed, sends nothing.
 */
@Processor(QueueName.Notifications)
export class SendInvitationEmailProcessor extends WorkerHost {
  private readonly logger = new Logger(SendInvitationEmailProcessor.name);

  constructor(
    private readonly invitations: InvitationsService,
    private readonly mailer: MailerService,
  ) {
    super();
  }

  async process(job: Job<InvitationEmailPayload>): Promise<void> {
    if (job.name !== NotificationJob.InvitationEmail) {
      throw new Error(`Unknown job ${job.name} on ${QueueName.Notifications}`);
    }
    const { invitationId, version } = job.data;
    const email = await this.invitations.emailFor(invitationId, version);
    if (!email) {
      this.logger.log(`Invitation ${invitationId} v${version} needs no e-mail; skipped`);
      return;
    }
    await this.mailer.send(invitationEmail(email));
    await this.invitations.markSent(invitationId, version);
    this.logger.log(`Invitation ${invitationId} v${version} mailed`);
  }
}
