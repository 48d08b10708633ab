import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '#config';
import { UserRepository } from '#identity';
import { MailerService } from '#notifications';
import type { JobHandler } from '#queue';
import { answerLanguage, MESSAGES } from '../join-request-messages.js';
import { MY_REQUESTS_PATH } from '../join-request-notices.js';
import { JoinRequestRepository } from '../join-request.repository.js';
import {
  JOIN_REQUEST_EMAIL_JOB,
  type JoinRequestEmailPayload,
} from './join-request-email.queue.js';

const ANSWERED = ['approved', 'waitlisted', 'declined'];

/**
 * In the worker: tells a person their request to join was answered. The e-mail names neither
 * the group nor its topic; the link leads to the answer behind sign-in. A request withdrawn or
 * erased since gets nothing.
 */
@Injectable()
export class SendJoinRequestEmailJob implements JobHandler<JoinRequestEmailPayload> {
  readonly jobName = JOIN_REQUEST_EMAIL_JOB;
  private readonly logger = new Logger(SendJoinRequestEmailJob.name);

  constructor(
    private readonly requests: JoinRequestRepository,
    private readonly users: UserRepository,
    private readonly mailer: MailerService,
    private readonly config: AppConfig,
  ) {}

  async handle({ requestId }: JoinRequestEmailPayload): Promise<void> {
    const request = await this.requests.findById(requestId);
    if (!request || !ANSWERED.includes(request.status)) return;
    const user = await this.users.findById(request.userId);
    if (!user?.email || user.erasedAt) return;
    const messages = MESSAGES[answerLanguage(request.language)];
    const link = new URL(MY_REQUESTS_PATH, this.config.PUBLIC_URL).toString();
    const text = messages.emailText(link);
    const html = `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${text
      .split('\n\n')
      .map((part) => (part === link ? `<p><a href="${link}">${link}</a></p>` : `<p>${part}</p>`))
      .join('')}</body></html>`;
    await this.mailer.send({ to: user.email, subject: messages.emailSubject, text, html });
    this.logger.log(`Join request ${requestId} answer mailed`);
  }
}
