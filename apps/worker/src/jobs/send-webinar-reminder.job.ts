import { Injectable } from '@nestjs/common';
import { ReminderJob, type SendWebinarReminderPayload } from '#queue';
import { WebinarReminderSender } from '#webinars';
import type { JobHandler } from './job-handler.js';

@Injectable()
export class SendWebinarReminderJob implements JobHandler<SendWebinarReminderPayload> {
  readonly jobName = ReminderJob.SendWebinar;

  constructor(private readonly sender: WebinarReminderSender) {}

  async handle(payload: SendWebinarReminderPayload): Promise<void> {
    await this.sender.send(payload);
  }
}
