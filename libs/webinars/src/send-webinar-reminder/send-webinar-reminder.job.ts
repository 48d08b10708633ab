import { Injectable } from '@nestjs/common';
import type { JobHandler } from '#queue';
import { WebinarReminderSender } from '../webinar-reminder.sender.js';
import {
  SEND_WEBINAR_REMINDER_JOB,
  type SendWebinarReminderPayload,
} from './webinar-reminder.queue.js';

/** In the worker: one webinar reminder, sent at most once after re-reading the registration. */
@Injectable()
export class SendWebinarReminderJob implements JobHandler<SendWebinarReminderPayload> {
  readonly jobName = SEND_WEBINAR_REMINDER_JOB;

  constructor(private readonly sender: WebinarReminderSender) {}

  async handle(payload: SendWebinarReminderPayload): Promise<void> {
    await this.sender.send(payload);
  }
}
