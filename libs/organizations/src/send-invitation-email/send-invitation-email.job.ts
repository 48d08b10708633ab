import { Injectable, Logger } from '@nestjs/common';
import { invitationEmail, MailerService } from '#notifications';
import type { JobHandler } from '#queue';
import { InvitationsService } from '../invitations.service.js';
import type { OrganizationRole } from '../organization-role.js';
import { INVITATION_EMAIL_JOB, type InvitationEmailPayload } from './invitation-email.queue.js';

/** The role as the invited person reads it ("… join them on Hearth as a peer supporter"). */
export const ROLE_IN_INVITATION: Readonly<Record<OrganizationRole, string>> = {
  owner: 'an owner',
  admin: 'an administrator',
  therapist: 'a therapist',
  peer_supporter: 'a peer supporter',
  participant: 'a participant',
};

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
    const role = ROLE_IN_INVITATION[email.role];
    await this.mailer.send(invitationEmail({ ...email, role }));
    await this.invitations.markSent(invitationId, version);
    this.logger.log(`Invitation ${invitationId} v${version} mailed`);
  }
}
