import { Injectable } from '@nestjs/common';
import { ReminderJob, type SendReminderPayload } from '#queue';
import { ReminderSender } from '#reminders';
import type { JobHandler } from './job-handler.js';

@Injectable()
export class SendReminderJob implements JobHandler<SendReminderPayload> {
  readonly jobName = ReminderJob.Send;

  constructor(private readonly sender: ReminderSender) {}

  async handle(payload: SendReminderPayload): Promise<void> {
    await this.sender.sendReminder(payload);
  }
}
