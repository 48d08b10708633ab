import { Injectable } from '@nestjs/common';
import { ReminderJob, type SendWebinarReminderPayload, type JobHandler } from '#queue';
import { WebinarReminderSender } from '#webinars';

@Injectable()
export class SendWebinarReminderJob implements JobHandler<SendWebinarReminderPayload> {
  readonly jobName = ReminderJob.SendWebinar;

  constructor(private readonly sender: WebinarReminderSender) {}

  async handle(payload: SendWebinarReminderPayload): Promise<void> {
    await this.sender.send(payload);
  }
}
