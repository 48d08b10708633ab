import { Injectable, Logger } from '@nestjs/common';
import { MailerService, passwordResetEmail } from '#notifications';
import type { JobHandler } from '#queue';
import { PasswordService } from '../password.service.js';
import { PASSWORD_RESET_JOB, type PasswordResetPayload } from './password-reset.queue.js';

/** In the worker: mails the pending reset link once per mailing; nothing once expired or used. */
@Injectable()
export class SendPasswordResetJob implements JobHandler<PasswordResetPayload> {
  readonly jobName = PASSWORD_RESET_JOB;
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
