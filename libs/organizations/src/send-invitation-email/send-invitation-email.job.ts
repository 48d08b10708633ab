import { Injectable, Logger } from '@nestjs/common';
import { invitationEmail, MailerService } from '#notifications';
import type { JobHandler } from '#queue';
import { InvitationsService } from '../invitations.service.js';
import { INVITATION_EMAIL_JOB, type InvitationEmailPayload } from './invitation-email.queue.js';

/**
 * In the worker: mails an invitation link. Re-reads the invitation first: an accepted, expired
 * or superseded invitation, or one whose version was already mailed, sends nothing.
 */
@Injectable()
export class SendInvitationEmailJob implements JobHandler<InvitationEmailPayload> {
  readonly jobName = INVITATION_EMAIL_JOB;
  private readonly logger = new Logger(SendInvitationEmailJob.name);

  constructor(
    private readonly invitations: InvitationsService,
    private readonly mailer: MailerService,
  ) {}

  async handle({ invitationId, version }: InvitationEmailPayload): Promise<void> {
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
