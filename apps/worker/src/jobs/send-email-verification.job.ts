import { Injectable, Logger } from '@nestjs/common';
import { EmailVerificationService } from '#identity';
import { MailerService, verificationEmail } from '#notifications';
import { type EmailVerificationPayload, NotificationJob } from '#queue';
import type { JobHandler } from './job-handler.js';

/** Mails the link that verifies an account's address; nothing once it is verified. */
@Injectable()
export class SendEmailVerificationJob implements JobHandler<EmailVerificationPayload> {
  readonly jobName = NotificationJob.EmailVerification;
  private readonly logger = new Logger(SendEmailVerificationJob.name);

  constructor(
    private readonly verification: EmailVerificationService,
    private readonly mailer: MailerService,
  ) {}

  async handle({ userId }: EmailVerificationPayload): Promise<void> {
    const email = await this.verification.emailFor(userId);
    if (!email) return;
    await this.mailer.send(verificationEmail(email));
    this.logger.log(`Verification link mailed to user ${userId}`);
  }
}
