import { Injectable, Logger } from '@nestjs/common';
import { MailerService, verificationEmail } from '#notifications';
import type { JobHandler } from '#queue';
import { EmailVerificationService } from '../email-verification.service.js';
import {
  EMAIL_VERIFICATION_JOB,
  type EmailVerificationPayload,
} from './email-verification.queue.js';

/** In the worker: mails the link that verifies an account's address; nothing once verified. */
@Injectable()
export class SendEmailVerificationJob implements JobHandler<EmailVerificationPayload> {
  readonly jobName = EMAIL_VERIFICATION_JOB;
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
