import { Injectable, Logger } from '@nestjs/common';
import { PasswordService } from '#identity';
import { MailerService, passwordResetEmail } from '#notifications';
import { NotificationJob, type PasswordResetPayload } from '#queue';
import type { JobHandler } from './job-handler.js';

/** Mails the pending password-reset link once per mailing; nothing once it expired or was used. */
@Injectable()
export class SendPasswordResetJob implements JobHandler<PasswordResetPayload> {
  readonly jobName = NotificationJob.PasswordReset;
  private readonly logger = new Logger(SendPasswordResetJob.name);

  constructor(
    private readonly passwords: PasswordService,
    private readonly mailer: MailerService,
  ) {}

  async handle({ userId, mailedAt }: PasswordResetPayload): Promise<void> {
    if (!userId) return;
    const email = await this.passwords.resetEmailFor(userId, mailedAt);
    if (!email) return;
    await this.mailer.send(passwordResetEmail(email));
    this.logger.log(`Password-reset link mailed to user ${userId}`);
  }
}
